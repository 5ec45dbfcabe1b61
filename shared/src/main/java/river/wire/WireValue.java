package river.wire;

import java.util.Arrays;

import river.cbor.CborItem;

/**
 * Base of every wire message: a message is defined by its CBOR form, so equality, hash and
 * toString (diagnostic notation) all derive from {@link #toCbor()}. Hazard avoided: hand-written
 * equals that forgets a field or compares byte[] by identity.
 */
public abstract class WireValue {
  /** The message as a CBOR item, fields in their fixed wire order. */
  public abstract CborItem toCbor();

  @Override
  public final boolean equals(Object o) {
    return o instanceof WireValue && o.getClass() == getClass()
        && ((WireValue) o).toCbor().equals(toCbor());
  }

  @Override
  public final int hashCode() {
    return toCbor().hashCode();
  }

  @Override
  public String toString() {
    return toCbor().toString();
  }

  static byte[] copy(byte[] b) {
    return b == null ? null : Arrays.copyOf(b, b.length);
  }

  static byte[] required(byte[] b, String name) {
    if (b == null) {
      throw new NullPointerException(name);
    }
    return Arrays.copyOf(b, b.length);
  }
}
