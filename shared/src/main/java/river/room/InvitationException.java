package river.room;

/**
 * An invitation code that cannot be used, with the kind of problem so the UI can say something
 * precise: not base58 (mistyped or cut when pasting), not a CBOR invitation (truncated or not an
 * invitation), or forged (its membership signature does not verify, or its private key is not the
 * member's key).
 */
public final class InvitationException extends RuntimeException {
  /** What is wrong with the code. */
  public enum Problem {
    TOO_LONG,
    NOT_BASE58,
    MALFORMED,
    FORGED
  }

  private final Problem problem;

  public InvitationException(Problem problem, String reason) {
    super(reason, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
