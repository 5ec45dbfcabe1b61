package river.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.Main;
import river.node.TestNode;

/**
 * A node that cannot write its data refuses to start (exit 1, one clear line) instead of printing
 * its ready line and then failing every write with {@code internal}.
 *
 * <p>How the data is made unwritable: these tests run as root, and root ignores file modes, so
 * {@code chmod 0400} would prove nothing. {@code chattr +i} (the immutable attribute) is refused to
 * root too: it is what a read-only file is to an ordinary user, or a read-only mount to everybody.
 * SQLite then opens the database read-only without a word, exactly as in those cases. Where {@code
 * chattr} cannot set it (no such tool, a file system without the attribute, no CAP_LINUX_IMMUTABLE)
 * the tests are skipped, never passed.
 */
class UnwritableDataDirTest {
  @TempDir Path dir;
  Path data;
  final List<Path> immutable = new ArrayList<>();

  record Outcome(int exit, String out, String err) {}

  @BeforeEach
  void createAStoreWithAUser() throws Exception {
    data = dir.resolve("data");
    try (TestNode node = new TestNode(data)) {
      node.newProfile();
    }
  }

  @AfterEach
  void makeEverythingMutableAgain() throws Exception {
    for (Path p : immutable) {
      chattr("-i", p); // else the temp directory cannot be deleted
    }
  }

  static int chattr(String flag, Path p) throws Exception {
    try {
      Process c =
          new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
      c.getInputStream().readAllBytes();
      return c.waitFor(10, TimeUnit.SECONDS) ? c.exitValue() : -1;
    } catch (java.io.IOException noChattr) {
      return -1;
    }
  }

  void makeImmutable(Path p) throws Exception {
    assumeTrue(chattr("+i", p) == 0, "chattr +i is not available here");
    immutable.add(p);
    assertFalse(canWrite(p), "root cannot write " + p + " any more");
  }

  /**
   * Whether a write really goes through (Files.isWritable only looks at the mode bits for root).
   */
  static boolean canWrite(Path p) {
    try {
      if (Files.isDirectory(p)) {
        Files.delete(Files.createTempFile(p, "probe", ""));
      } else {
        try (var ch =
            java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
          return true;
        }
      }
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * {@code java river.node.Main --port 0 --data-dir data} in a child JVM, to its exit (a ready node
   * is killed).
   */
  Outcome startNode() throws Exception {
    Path out = dir.resolve("node.out");
    Path err = dir.resolve("node.err");
    Process p =
        new ProcessBuilder(
                StoreFixtures.javaCommand(Main.class, "--port", "0", "--data-dir", data.toString()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // Wait for the exit, or for the ready line of a node that should have refused (then stop it).
      while (!p.waitFor(50, TimeUnit.MILLISECONDS)
          && !Files.readString(out).contains("listening on")) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the node neither exited nor started: "
                  + Files.readString(out)
                  + Files.readString(err));
        }
      }
    } finally {
      p.destroyForcibly().waitFor();
    }
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static void assertRefused(Outcome o) {
    assertFalse(o.out().contains("listening on"), "never announced itself ready: " + o.out());
    assertEquals(1, o.exit(), o.out() + o.err());
    List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one line: " + o.err());
    assertTrue(lines.get(0).startsWith("error: cannot write to the data directory "), lines.get(0));
  }

  @Test
  void aReadOnlyDatabaseFileIsRefusedAtStart() throws Exception {
    makeImmutable(data.resolve(SqliteDelegateStore.DB_FILE));
    assertRefused(startNode());
  }

  /** The directory and everything in it, as on a read-only mount. */
  @Test
  void aReadOnlyDataDirectoryIsRefusedAtStart() throws Exception {
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        makeImmutable(f);
      }
    }
    makeImmutable(data);
    assertRefused(startNode());
  }

  @Test
  void theNodeStartsOnceTheFileIsWritableAgain() throws Exception {
    Path db = data.resolve(SqliteDelegateStore.DB_FILE);
    makeImmutable(db);
    assertRefused(startNode());
    assertEquals(0, chattr("-i", db));
    try (TestNode node = new TestNode(data)) {
      node.newProfile();
    }
  }
}
