package river.node.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import river.node.store.StoreClosedException;
import river.node.store.StoreFailures;
import river.node.store.TooLargeException;
import river.room.RoomValidationException;
import river.wire.ErrorCodes;
import river.wire.WireException;

/**
 * One test per row of {@link ErrorTranslation}'s table: what a client is answered, what the log
 * says.
 */
class ErrorTranslationTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream realErr;

  @BeforeEach
  void captureTheLog() {
    realErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(realErr);
  }

  private String logged() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWireExceptionPassesThroughAsItIs() {
    WireException refusal =
        new WireException(ErrorCodes.UNKNOWN_OP, "the chat delegate does not serve X");
    assertSame(refusal, ErrorTranslation.toWire(refusal, "delegate request"));
    assertSame(
        refusal,
        ErrorTranslation.toWire(new CompletionException(new CompletionException(refusal)), "x"),
        "futures' wrappers are looked through");
    assertEquals("", logged(), "a refusal is the client's answer, not the operator's business");
  }

  @Test
  void aRoomValidationFailureIsInvalidWithItsReason() {
    WireException w =
        ErrorTranslation.toWire(
            new RoomValidationException("a banned member cannot post"), "contract operation");
    assertEquals(ErrorCodes.INVALID, w.code());
    assertEquals("a banned member cannot post", w.getMessage());
    assertEquals("", logged());
  }

  @Test
  void aStoreLimitIsTooLarge() {
    WireException w =
        ErrorTranslation.toWire(
            new CompletionException(new TooLargeException("value", 300_000, 262_144)), "x");
    assertEquals(ErrorCodes.TOO_LARGE, w.code());
    assertEquals("value is 300000 bytes, over the limit of 262144 bytes", w.getMessage());
  }

  @Test
  void aStorageFailureIsUnavailableAndOnlyTheLogSeesTheStoragesMessage() {
    WireException write =
        ErrorTranslation.toWire(
            StoreFailures.unavailable("[SQLITE_FULL] database or disk is full", true),
            "delegate request");
    assertEquals(ErrorCodes.UNAVAILABLE, write.code());
    assertEquals(Unavailable.SAVE, write.getMessage());
    WireException read =
        ErrorTranslation.toWire(
            StoreFailures.unavailable("[SQLITE_IOERR] disk I/O error", false),
            "contract operation");
    assertEquals(ErrorCodes.UNAVAILABLE, read.code());
    assertEquals(Unavailable.READ, read.getMessage());
    assertEquals(
        "WARNING delegate request failed, storage unavailable: [SQLITE_FULL] database or disk is full"
            + System.lineSeparator()
            + "WARNING contract operation failed, storage unavailable: [SQLITE_IOERR] disk I/O error"
            + System.lineSeparator(),
        logged());
  }

  @Test
  void aClosedStoreIsUnavailableBecauseTheNodeIsShuttingDown() {
    WireException w =
        ErrorTranslation.toWire(new StoreClosedException("store is closed"), "delegate request");
    assertEquals(ErrorCodes.UNAVAILABLE, w.code());
    assertEquals(Unavailable.SHUTTING_DOWN, w.getMessage());
  }

  @Test
  void anythingElseIsInternalWithAGenericMessageAndTheTextGoesToTheLogOnly() {
    IllegalStateException bug =
        new IllegalStateException("row of u1234 at /srv/river-data/river.db is odd");
    WireException w = ErrorTranslation.toWire(new CompletionException(bug), "delegate request");
    assertEquals(ErrorCodes.INTERNAL, w.code());
    assertEquals(ErrorTranslation.INTERNAL_MESSAGE, w.getMessage());
    assertFalse(w.getMessage().contains("river.db"), "the exception text never reaches the client");
    assertSame(bug, w.getCause(), "kept for the node's own use");
    assertTrue(
        logged()
            .startsWith(
                "ERROR delegate request failed: java.lang.IllegalStateException: row of u1234"),
        logged());
  }
}
