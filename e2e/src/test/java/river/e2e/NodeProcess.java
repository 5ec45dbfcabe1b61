package river.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real node: the packaged {@code river-node.jar} in a child JVM, exactly as a user runs it.
 * Started on port 0 the first time; restarts reuse the port so that open tabs can reconnect.
 */
final class NodeProcess implements AutoCloseable {
  private final Path dataDir;
  private final List<String> extraArgs;
  private Process process;
  private int port;
  private final List<String> output = new ArrayList<>();

  NodeProcess(Path dataDir) {
    this(dataDir, List.of());
  }

  /** {@code extraArgs}: more node options, e.g. {@code --allow-host} for a relay in front of it. */
  NodeProcess(Path dataDir, List<String> extraArgs) {
    this.dataDir = dataDir;
    this.extraArgs = List.copyOf(extraArgs);
  }

  static Path jar() {
    String jar = System.getProperty("river.node.jar");
    if (jar == null) {
      throw new IllegalStateException(
          "system property river.node.jar is not set (run through Maven failsafe)");
    }
    return Path.of(jar);
  }

  NodeProcess start() throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString(),
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString()));
    // Debugging aid: -Driver.static.dir=client/target/dev-static serves the readable dev bundle.
    String devStatic = System.getProperty("river.static.dir");
    if (devStatic != null && !devStatic.isEmpty()) {
      cmd.addAll(List.of("--static-dir", devStatic));
    }
    cmd.addAll(extraArgs);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Process p = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  System.out.println(
                      "[node "
                          + dataDir.getFileName()
                          + "] "
                          + line); // in the CI log when a test fails
                  if (line.startsWith("listening on ")) {
                    ready.complete(line.substring("listening on ".length()).trim());
                  }
                }
              } catch (IOException ignored) {
                // the process went away; ready fails below if it never said it was listening
              }
              ready.completeExceptionally(
                  new IllegalStateException("node exited before it was ready: " + output()));
            },
            "node-output");
    reader.setDaemon(true);
    reader.start();
    try {
      String url = ready.get(60, TimeUnit.SECONDS);
      port = Integer.parseInt(url.replaceAll(".*:(\\d+)/?$", "$1"));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("node did not start: " + e.getMessage(), e);
    }
    return this;
  }

  /**
   * Runs a node-jar subcommand (seed-legacy, inspect, ...) to completion and returns its output.
   */
  static String tool(String... args) throws IOException, InterruptedException {
    return toolAs(null, args);
  }

  /**
   * Runs a tool for one profile: the token goes in {@code RIVER_TOKEN}, never in the arguments (the
   * tools refuse {@code --token}: arguments show in the process list).
   */
  static String toolAs(String token, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment()
        .remove("RIVER_TOKEN"); // only the token asked for, not one inherited from the shell
    if (token != null) {
      pb.environment().put("RIVER_TOKEN", token);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("node tool " + List.of(args) + " failed: " + out);
    }
    return out;
  }

  Path dataDir() {
    return dataDir;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  int port() {
    return port;
  }

  /** SIGTERM, as an operator would; waits for the clean exit. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    return process.exitValue();
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
