package river.node.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class NodeLogTest {
  private static final String NL = System.lineSeparator();

  @Test
  void aRecordIsOneLineOfLevelAndMessage() {
    NodeLog.OneLine f = new NodeLog.OneLine();
    assertEquals(
        "WARNING contract operation failed, storage unavailable: disk full" + NL,
        f.format(
            new LogRecord(
                Level.WARNING, "contract operation failed, storage unavailable: disk full")));
    assertEquals(
        "ERROR a message over two lines" + NL,
        f.format(new LogRecord(Level.SEVERE, "a message\nover two lines")));
    LogRecord withCause = new LogRecord(Level.SEVERE, "request failed");
    withCause.setThrown(new IllegalStateException("why\nand more"));
    assertEquals(
        "ERROR request failed: java.lang.IllegalStateException: why and more" + NL,
        f.format(withCause));
  }

  @Test
  void theLevelIsInfoUnlessNamed() {
    assertEquals(Level.INFO, NodeLog.julLevel(null));
    assertEquals(Level.INFO, NodeLog.julLevel(" "));
    assertEquals(Level.INFO, NodeLog.julLevel("loud"));
    assertEquals(Level.FINE, NodeLog.julLevel("debug"));
    assertEquals(Level.SEVERE, NodeLog.julLevel("ERROR"));
    assertEquals(Level.OFF, NodeLog.julLevel("off"));
  }

  @Test
  void aNodeLoggerWritesToTheStandardErrorOfTheMomentAtInfoAndAbove() {
    PrintStream real = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      System.Logger log = NodeLog.logger(NodeLogTest.class);
      log.log(System.Logger.Level.DEBUG, "not at the default level");
      log.log(System.Logger.Level.INFO, "told");
      log.log(System.Logger.Level.WARNING, "warned");
    } finally {
      System.setErr(real);
    }
    assertEquals(
        "INFO told" + NL + "WARNING warned" + NL, captured.toString(StandardCharsets.UTF_8));
  }
}
