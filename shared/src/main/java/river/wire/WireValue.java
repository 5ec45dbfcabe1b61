package river.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.CborItem;
import river.cbor.ReadOnly;

/**
 * Base of every wire message: a message is defined by its CBOR form, so equality, hash and toString
 * (diagnostic notation) all derive from {@link #toCbor()}. Hazard avoided: hand-written equals that
 * forgets a field or compares byte[] by identity.
 */
public abstract class WireValue {
  /** The message as a CBOR item, fields in their fixed wire order. */
  public abstract CborItem toCbor();

  @Override
  public final boolean equals(Object o) {
    return o instanceof WireValue
        && o.getClass() == getClass()
        && ((WireValue) o).toCbor().equals(toCbor());
  }

  @Override
  public final int hashCode() {
    return toCbor().hashCode();
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
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

  /** Copies of a list of byte strings, none of which may be null. */
  static List<byte[]> requiredAll(List<byte[]> list, String name) {
    List<byte[]> out = new ArrayList<byte[]>(list.size());
    for (byte[] b : list) {
      out.add(required(b, name));
    }
    return out;
  }

  /** Unmodifiable copies, for an accessor (callers cannot change a message). */
  static List<byte[]> copies(List<byte[]> list) {
    List<byte[]> out = new ArrayList<byte[]>(list.size());
    for (byte[] b : list) {
      out.add(copy(b));
    }
    return ReadOnly.list(out);
  }

  /** A CBOR array of byte strings. */
  static CborItem bytesArray(List<byte[]> list) {
    List<CborItem> items = new ArrayList<CborItem>(list.size());
    for (byte[] b : list) {
      items.add(CborItem.bytes(b));
    }
    return CborItem.array(items);
  }
}
