package river.room;

/**
 * A room state, delta, item or invitation that is refused: malformed bytes, a signature that does
 * not verify, a broken invitation chain, missing authority or a broken limit. The message is the
 * reason shown to the client (the node answers {@code invalid} with it). Thrown before anything
 * changes: every decision in this package builds a new value instead of editing one.
 */
public final class RoomValidationException extends RuntimeException {
  public RoomValidationException(String reason) {
    // Expected on hostile input and fully described by the reason: no stack trace.
    super(reason, null, false, false);
  }
}
