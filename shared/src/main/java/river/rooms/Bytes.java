package river.rooms;

import java.util.Arrays;

/**
 * An immutable byte string with value equality and unsigned lexicographic order. Keys, signatures
 * and opaque blobs of the rooms model are held as Bytes so that maps, sets and merges compare
 * contents, not array identity. Hazard: a raw byte[] leaking out could be mutated by a caller, so
 * {@link #toArray()} always copies.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  public static Bytes of(byte[] data) {
    if (data == null) {
      throw new IllegalArgumentException("null bytes");
    }
    return new Bytes(Arrays.copyOf(data, data.length));
  }

  /** Takes {@code owned} without a copy: for decoders holding an array made for this value. */
  static Bytes adopt(byte[] owned) {
    return new Bytes(owned);
  }

  /** Test and literal helper: each int is one byte. */
  public static Bytes ofInts(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return new Bytes(b);
  }

  /** Bytes of the given length, every byte equal to fill (handy for fixed-size test keys). */
  public static Bytes filled(int length, int fill) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) fill);
    return new Bytes(b);
  }

  public int length() {
    return data.length;
  }

  public byte get(int i) {
    return data[i];
  }

  public byte[] toArray() {
    return Arrays.copyOf(data, data.length);
  }

  public String toHex() {
    StringBuilder sb = new StringBuilder(data.length * 2);
    for (byte b : data) {
      sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return sb.toString();
  }

  @Override
  public int compareTo(Bytes o) {
    int n = Math.min(data.length, o.data.length);
    for (int i = 0; i < n; i++) {
      int c = (data[i] & 0xff) - (o.data[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return data.length - o.data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes && Arrays.equals(data, ((Bytes) o).data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return data.length <= 8 ? toHex() : toHex().substring(0, 16) + "..";
  }
}
