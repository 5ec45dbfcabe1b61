package river.node.ws;

import java.util.concurrent.CompletionException;
import river.node.log.NodeLog;
import river.node.store.StoreClosedException;
import river.node.store.StoreUnavailableException;
import river.node.store.TooLargeException;
import river.room.RoomValidationException;
import river.wire.ErrorCodes;
import river.wire.WireException;

/**
 * The one place where a failure becomes the error a client is answered with. Every host (the
 * delegate, the room contracts, the dispatcher, the HTTP user directory) asks here, so one kind of
 * failure gets one code everywhere:
 *
 * <table>
 *   <caption>failure to answer</caption>
 *   <tr><th>failure (after unwrapping CompletionExceptions)</th><th>code</th><th>message</th></tr>
 *   <tr><td>{@link WireException}</td><td>its own</td><td>its own (already written for the client)</td></tr>
 *   <tr><td>{@link RoomValidationException}</td><td>{@code invalid}</td><td>the refusal's reason</td></tr>
 *   <tr><td>{@link TooLargeException}</td><td>{@code too_large}</td><td>which limit, by how much</td></tr>
 *   <tr><td>{@link StoreUnavailableException}</td><td>{@code unavailable}</td><td>{@link Unavailable#SAVE} or
 *       {@link Unavailable#READ}; the storage's own message goes to the log (WARNING)</td></tr>
 *   <tr><td>{@link StoreClosedException}</td><td>{@code unavailable}</td><td>{@link Unavailable#SHUTTING_DOWN}</td></tr>
 *   <tr><td>anything else</td><td>{@code internal}</td><td>{@link #INTERNAL_MESSAGE}; the failure goes to the
 *       log (ERROR)</td></tr>
 * </table>
 *
 * <p>Hazard: an unexpected exception's text never reaches the client (it may name files, SQL or
 * data of another user); only the log sees it, and log lines name what failed, never values.
 */
public final class ErrorTranslation {
  public static final String INTERNAL_MESSAGE = "internal error";

  private static final System.Logger LOG = NodeLog.logger(ErrorTranslation.class);

  private ErrorTranslation() {}

  /**
   * The answer to {@code failure}; {@code what} names the operation in the log line ({@code
   * "delegate request"}, {@code "contract operation"}, ...).
   */
  public static WireException toWire(Throwable failure, String what) {
    Throwable cause = unwrap(failure);
    if (cause instanceof WireException w) {
      return w;
    }
    if (cause instanceof RoomValidationException) {
      return new WireException(ErrorCodes.INVALID, cause.getMessage());
    }
    if (cause instanceof TooLargeException t) {
      return new WireException(ErrorCodes.TOO_LARGE, t.getMessage(), t);
    }
    if (cause instanceof StoreUnavailableException u) {
      LOG.log(
          System.Logger.Level.WARNING, what + " failed, storage unavailable: " + u.getMessage());
      return new WireException(
          ErrorCodes.UNAVAILABLE, u.isWrite() ? Unavailable.SAVE : Unavailable.READ, u);
    }
    if (cause instanceof StoreClosedException) {
      return new WireException(ErrorCodes.UNAVAILABLE, Unavailable.SHUTTING_DOWN, cause);
    }
    LOG.log(System.Logger.Level.ERROR, what + " failed: " + cause);
    return new WireException(ErrorCodes.INTERNAL, INTERNAL_MESSAGE, cause);
  }

  /** The failure inside any CompletionExceptions around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
