package river.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process on the same data directory is refused with a clear message. */
class DataDirLockTest {

  @TempDir Path dir;

  record Outcome(int exit, String out) {}

  private Outcome probe(Path data) throws Exception {
    Path err = dir.resolve("probe.err");
    Process p =
        new ProcessBuilder(StoreFixtures.javaCommand(LockProbeChild.class, data.toString()))
            .redirectError(err.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Outcome(p.exitValue(), out + java.nio.file.Files.readString(err));
  }

  @Test
  void secondProcessIsRefusedUntilTheFirstCloses() throws Exception {
    Path data = dir.resolve("data");
    try (DelegateStore store = DelegateStore.open(data)) {
      Outcome o = probe(data);
      assertEquals(3, o.exit(), o.out());
      assertTrue(o.out().startsWith("REFUSED data directory " + data), o.out());
      assertTrue(o.out().contains("already in use by another River node"), o.out());
      assertTrue(o.out().contains("pid " + ProcessHandle.current().pid()), o.out());
      // the refused process did not disturb the holder
      store
          .update(
              "u",
              StoreFixtures.CURRENT,
              StoreFixtures.key("k"),
              c -> Mutation.put(new byte[] {1}, null))
          .get(10, TimeUnit.SECONDS);
    }
    Outcome after = probe(data);
    assertEquals(0, after.exit(), after.out());
    assertTrue(after.out().startsWith("OPENED"), after.out());
  }
}
