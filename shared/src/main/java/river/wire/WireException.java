package river.wire;

/**
 * A frame that cannot be turned into a message. {@link #code()} is the error code to answer with
 * ({@link ErrorCodes#MALFORMED} or {@link ErrorCodes#UNKNOWN_OP}). When the frame's request id
 * could be read before the problem was found, {@link #hasRequestId()} is true so the node can
 * answer that request instead of dropping it (hazard: a client waiting on an id that never gets an
 * answer hangs).
 */
public final class WireException extends RuntimeException {
  private final String code;
  private final boolean hasRequestId;
  private final long requestId;

  public WireException(String code, String message) {
    this(code, message, null, false, 0);
  }

  public WireException(String code, String message, Throwable cause) {
    this(code, message, cause, false, 0);
  }

  private WireException(String code, String message, Throwable cause, boolean hasId, long id) {
    // A bad frame is expected input, fully described by code and message: no stack trace, which
    // would cost more than decoding the frame.
    super(message, cause, false, false);
    this.code = code;
    this.hasRequestId = hasId;
    this.requestId = id;
  }

  static WireException malformed(String message) {
    return new WireException(ErrorCodes.MALFORMED, message);
  }

  /** The same error, attributed to request {@code id} (u64 bits). */
  WireException withRequestId(long id) {
    return new WireException(code, getMessage(), getCause(), true, id);
  }

  public String code() {
    return code;
  }

  public boolean hasRequestId() {
    return hasRequestId;
  }

  /** The request id (u64 bits); meaningful only when {@link #hasRequestId()}. */
  public long requestId() {
    return requestId;
  }
}
