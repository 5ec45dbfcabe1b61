package river.rooms;

/**
 * Typed failure of decoding stored rooms bytes (a slot, rooms_meta, a legacy blob). Checked, so
 * that every caller must decide what an unreadable value means instead of crashing a load or a
 * save.
 */
public final class RoomsDecodeException extends Exception {
  public RoomsDecodeException(String message) {
    super(message);
  }

  public RoomsDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
