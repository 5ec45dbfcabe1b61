package river.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the node: {@code --port}, {@code --data-dir}, {@code --static-dir},
 * {@code --allow-host}, {@code --db} (a {@code jdbc:postgresql:} URL: several nodes share that
 * database; null: the embedded SQLite store in the data directory).
 */
public record NodeOptions(
    int port, Path dataDir, Path staticDir, List<String> extraHosts, String db) {
  public static final int DEFAULT_PORT = 7509;
  public static final String DEFAULT_DATA_DIR = "./river-data";

  /** The SQLite store in {@code dataDir}. */
  public NodeOptions(int port, Path dataDir, Path staticDir, List<String> extraHosts) {
    this(port, dataDir, staticDir, extraHosts, null);
  }

  public static NodeOptions parse(String[] args) {
    int port = DEFAULT_PORT;
    Path dataDir = Path.of(DEFAULT_DATA_DIR);
    Path staticDir = null;
    List<String> hosts = new ArrayList<>();
    String db = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> port = parsePort(value(args, ++i, a));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
        case "--static-dir" -> staticDir = Path.of(value(args, ++i, a));
        case "--allow-host" -> hosts.add(value(args, ++i, a));
        case "--db" -> db = parseDb(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option: " + a);
      }
    }
    return new NodeOptions(port, dataDir, staticDir, List.copyOf(hosts), db);
  }

  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String parseDb(String s) {
    if (!s.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "--db must be jdbc:postgresql://HOST:PORT/DB?user=U[&password=P]");
    }
    return s;
  }

  private static int parsePort(String s) {
    try {
      int p = Integer.parseInt(s);
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("--port must be 0..65535, got " + s);
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, got " + s);
    }
  }
}
