package river.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import river.node.http.UserDirectory;

/**
 * Users as an append-only file of "tokenhash userid" lines, fsynced before a registration is
 * acknowledged. Small and durable; the delegate store keeps each user's data under the id.
 */
public final class FileUserDirectory implements UserDirectory {
  private final Path file;
  private final Map<String, String> byHash = new ConcurrentHashMap<>();

  public FileUserDirectory(Path dataDir) throws IOException {
    this.file = dataDir.resolve("users.txt");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) {
          byHash.put(parts[0], parts[1]);
        }
      }
    }
  }

  @Override
  public synchronized String register(byte[] tokenHash) throws IOException {
    String hex = HexFormat.of().formatHex(tokenHash);
    String id = hex.substring(0, 32);
    byte[] line = (hex + " " + id + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(line));
      ch.force(true);
    }
    byHash.put(hex, id);
    return id;
  }

  @Override
  public String find(byte[] tokenHash) {
    return byHash.get(HexFormat.of().formatHex(tokenHash));
  }
}
