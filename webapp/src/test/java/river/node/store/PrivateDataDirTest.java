package river.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.TestNode;
import river.node.tools.WsClient;

/**
 * The data directory holds token hashes, signing keys and room secrets: the node keeps it 0700 and
 * every file in it 0600 from the very first start (SQLite's -wal and -shm included), and tightens a
 * directory an older node (or a person) left with looser modes.
 */
class PrivateDataDirTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "permissions are POSIX modes; this file system has none");
  }

  /** Every entry under {@code data} with its mode, e.g. {@code delegates.sqlite -> rw-------}. */
  static TreeMap<String, String> modes(Path data) throws Exception {
    TreeMap<String, String> modes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        modes.put(
            data.relativize(p).toString(),
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    return modes;
  }

  static void assertPrivate(Path data) throws Exception {
    TreeMap<String, String> modes = modes(data);
    List<String> loose = new ArrayList<>();
    modes.forEach(
        (name, mode) -> {
          boolean folder = Files.isDirectory(data.resolve(name), LinkOption.NOFOLLOW_LINKS);
          if (!mode.equals(folder ? "rwx------" : "rw-------")) {
            loose.add((name.isEmpty() ? "." : name) + " " + mode);
          }
        });
    assertEquals(List.of(), loose, "every mode under " + data + ": " + modes);
  }

  static void writeSomething(TestNode node) throws Exception {
    try (WsClient c = node.connectNewProfile()) {
      c.cas("rooms_meta".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, 0);
    }
  }

  @Test
  void aFreshDataDirectoryIsOwnerOnlyFromTheFirstStart() throws Exception {
    Path data = dir.resolve("new-parent").resolve("data");
    try (TestNode node = new TestNode(data)) {
      writeSomething(node);
      TreeMap<String, String> modes = modes(data);
      for (String file :
          List.of(
              SqliteDelegateStore.DB_FILE,
              SqliteDelegateStore.DB_FILE + "-wal",
              SqliteDelegateStore.DB_FILE + "-shm",
              DataDirLock.LOCK_FILE)) {
        assertTrue(modes.containsKey(file), file + " exists while the node runs: " + modes);
      }
      assertPrivate(data);
    }
    assertPrivate(data);
  }

  @Test
  void anExistingDataDirectoryWithLooserModesIsTightenedAtStart() throws Exception {
    Path data = dir.resolve("data");
    String token;
    try (TestNode node = new TestNode(data)) {
      token = node.newProfile();
    }
    // As an older node, a restored backup or a careless copy would leave it: 0755 folders, 0644
    // files.
    Files.writeString(data.resolve("notes.txt"), "left here by hand");
    Files.createDirectories(data.resolve("old-backup"));
    Files.writeString(data.resolve("old-backup").resolve("delegates.sqlite.bak"), "copy");
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    assertEquals("rw-r--r--", modes(data).get(SqliteDelegateStore.DB_FILE));

    try (TestNode node = new TestNode(data)) {
      assertPrivate(data);
      try (WsClient c = WsClient.connect(node.wsUrl(token))) {
        assertTrue(c.list().isEmpty(), "the profile made before still works");
      }
      writeSomething(node);
      assertPrivate(data);
    }
  }
}
