package river.cbor;

/**
 * Thrown when bytes are not one well-formed CBOR data item (RFC 8949) or break a limit of this
 * decoder. {@link #offset()} is the input position where the problem was detected, so a log line
 * can point at the exact byte. Also thrown by {@link CborItem} accessors when an item has another
 * kind than the caller expected (offset -1 then: the item is already decoded).
 */
public final class CborException extends RuntimeException {
  private final int offset;

  public CborException(String message, int offset) {
    // Input errors are expected on hostile frames and are fully described by message and offset;
    // skipping the stack trace makes rejecting a frame several times cheaper. Accessor misuse
    // (offset -1) is a programming error and keeps its trace.
    super(offset >= 0 ? message + " (at byte " + offset + ")" : message, null, false, offset < 0);
    this.offset = offset;
  }

  /** Input position of the problem, or -1 when the error is not about input bytes. */
  public int offset() {
    return offset;
  }
}
