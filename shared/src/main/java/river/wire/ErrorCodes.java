package river.wire;

/**
 * The error codes of an error response {"id", "err": {"code", "message"}} (DESIGN.md "The node
 * API"). Text constants, because the code travels as CBOR text and clients match on it.
 */
public final class ErrorCodes {
  /** Not CBOR, or not the expected shape. */
  public static final String MALFORMED = "malformed";

  /** An enum variant (operation, request, result or event) this side does not know. */
  public static final String UNKNOWN_OP = "unknown_op";

  public static final String UNKNOWN_DELEGATE = "unknown_delegate";
  public static final String TOO_LARGE = "too_large";

  /** Well-formed but refused, e.g. a contract update that fails validation. */
  public static final String INVALID = "invalid";

  public static final String INTERNAL = "internal";

  /**
   * The node could not do it right now (its storage failed underneath: disk full, I/O error, a
   * read-only file; or it is shutting down or too busy): nothing was written, the same request may
   * succeed later. Not the request's fault, unlike the codes above.
   */
  public static final String UNAVAILABLE = "unavailable";

  private ErrorCodes() {}
}
