package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The node's runtime packages never reach into {@code river.node.tools} (benchmarks, inspect,
 * seed-legacy, the WebSocket client): tools depend on the node, not the reverse. The only exception
 * is {@link Main}, the jar's command line, which dispatches the tools' subcommands. Checked on the
 * source tree, so an import, a fully qualified name or a javadoc link all count.
 */
class RuntimeDoesNotUseToolsTest {
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Path TOOLS = SOURCES.resolve(Path.of("river", "node", "tools"));
  private static final Path MAIN = SOURCES.resolve(Path.of("river", "node", "Main.java"));

  @Test
  void noRuntimeSourceMentionsTheToolsPackage() throws IOException {
    List<Path> runtime;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      runtime =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.startsWith(TOOLS) && !p.equals(MAIN))
              .toList();
    }
    assertTrue(runtime.size() > 30, "the scan found the node's sources: " + runtime.size());
    List<Path> offenders =
        runtime.stream().filter(RuntimeDoesNotUseToolsTest::mentionsTools).toList();
    assertEquals(List.of(), offenders, "runtime sources that use river.node.tools");
  }

  @Test
  void theScanWouldSeeAUseOfTheTools() throws IOException {
    assertTrue(
        mentionsTools(MAIN), "Main dispatches the tools, so the same check finds them there");
  }

  private static boolean mentionsTools(Path file) {
    try {
      return Files.readString(file).contains("river.node.tools");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
