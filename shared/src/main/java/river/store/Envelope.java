package river.store;

import java.util.Arrays;

/**
 * The versioned envelope every current-delegate value is stored in (DESIGN.md "Delegate storage
 * semantics"). Layout: byte 0x01, the generation as 8 bytes little-endian (u64), then the data; 9
 * header bytes in all. A stored value shorter than 9 bytes or not starting with 0x01 is legacy raw
 * data at generation 0.
 *
 * <p>Hazard: the rule is ambiguous by design: legacy raw data of 9+ bytes that happens to start
 * with 0x01 reads as enveloped. Our CBOR values never start with 0x01 (that is the integer 1, never
 * a whole slot), so the current app cannot write such data; the rule must not be "improved".
 */
public final class Envelope {
  public static final int VERSION = 0x01;
  public static final int HEADER_SIZE = 9;

  private final long generation;
  private final byte[] data;

  private Envelope(long generation, byte[] data) {
    this.generation = generation;
    this.data = data;
  }

  /** 0x01 + generation (u64 bits, little-endian) + data. */
  public static byte[] wrap(long generation, byte[] data) {
    byte[] out = new byte[HEADER_SIZE + data.length];
    out[0] = (byte) VERSION;
    for (int i = 0; i < 8; i++) {
      out[1 + i] = (byte) (generation >>> (8 * i));
    }
    System.arraycopy(data, 0, out, HEADER_SIZE, data.length);
    return out;
  }

  /** Reads a stored value, falling back to raw data at generation 0 for legacy values. */
  public static Envelope unwrap(byte[] stored) {
    if (stored.length < HEADER_SIZE || (stored[0] & 0xFF) != VERSION) {
      return new Envelope(0, Arrays.copyOf(stored, stored.length));
    }
    long g = 0;
    for (int i = 7; i >= 0; i--) {
      g = (g << 8) | (stored[1 + i] & 0xFF);
    }
    byte[] data = new byte[stored.length - HEADER_SIZE];
    System.arraycopy(stored, HEADER_SIZE, data, 0, data.length);
    return new Envelope(g, data);
  }

  /** u64 bits. */
  public long generation() {
    return generation;
  }

  public byte[] data() {
    return Arrays.copyOf(data, data.length);
  }
}
