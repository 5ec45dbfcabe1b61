package river.node.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries ({@code /usr/lib/postgresql/N/bin}),
 * a temp directory, a free port, 127.0.0.1 only, trust authentication. PostgreSQL refuses to run as
 * root, so when the tests run as root the cluster runs as an unprivileged user ({@code river-test}
 * if it exists, as {@code .ci/run} creates it, else {@code nobody}) through {@code runuser}.
 *
 * <p>{@link #shared()} starts one cluster per test JVM (one per module run) and stops it when the
 * JVM exits; each test takes a fresh database from it ({@link #newDatabaseUrl}), so tests never see
 * each other's rows and starting costs one {@code initdb} per run (~2 s), not per test.
 */
public final class PostgresCluster implements AutoCloseable {

  private static PostgresCluster shared;
  private final AtomicInteger databases = new AtomicInteger();
  private final Path dir;
  private final Path bin;
  private final String runAs; // null: run as ourselves
  private final int port;

  private PostgresCluster() throws IOException, InterruptedException {
    bin = findBinaries();
    runAs = "root".equals(System.getProperty("user.name")) ? unprivilegedUser() : null;
    dir = Files.createTempDirectory("river-pg-");
    if (runAs != null) {
      run(List.of("chown", runAs, dir.toString()), false);
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        true);
    port = freePort();
    // fsync stays on: the durability tests rely on a committed write being on disk.
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                + " -c shared_buffers=32MB",
            "start"),
        true);
  }

  /** The cluster of this test JVM, started on first use and stopped when the JVM exits. */
  public static synchronized PostgresCluster shared() {
    if (shared == null) {
      try {
        shared = new PostgresCluster();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(
            "cannot start a test PostgreSQL (is Debian's postgresql installed?"
                + " .ci/run installs it): "
                + e.getMessage(),
            e);
      }
      PostgresCluster c = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(c::close, "river-pg-stop"));
    }
    return shared;
  }

  public int port() {
    return port;
  }

  /** A JDBC URL of a database of its own, created now. */
  public String newDatabaseUrl() {
    String name = "river_t" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "fast",
              "-w",
              "stop"),
          true);
    } catch (IOException | InterruptedException e) {
      System.err.println("could not stop the test PostgreSQL: " + e);
    }
    // rm -rf, not a Java walk: a cluster holds ~1,000 files per database, and this runs in a
    // shutdown hook that the test runner may cut short.
    try {
      run(List.of("rm", "-rf", dir.toString()), false);
    } catch (IOException | InterruptedException e) {
      System.err.println("could not delete the test PostgreSQL directory " + dir + ": " + e);
    }
  }

  private void run(List<String> command, boolean asUser) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asUser && runAs != null) {
      cmd.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    cmd.addAll(command);
    Path log = Files.createTempFile("river-pg-cmd", ".log");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + Files.readString(log));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Path findBinaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      throw new IOException("no " + root);
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(
              Comparator.comparingInt(
                  b ->
                      Integer.parseInt(
                          b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IOException("no initdb under " + root));
    }
  }

  private static String unprivilegedUser() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u", "river-test").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0 ? "river-test" : "nobody";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
