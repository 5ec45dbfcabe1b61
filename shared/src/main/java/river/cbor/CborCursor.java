package river.cbor;

import java.util.Arrays;

/**
 * Reads CBOR items one head at a time, without building a {@link CborItem} tree, for fast paths
 * that know the shape they expect (issue 18: the tree was about half of reading 500 room slots in
 * the browser). It reads only definite lengths and arguments that fit an int (a uint: a long), and
 * throws {@link CborException} at anything else, including what {@link Cbor#decode} would accept: a
 * caller's fast path treats any exception as "not the usual shape" and hands the same bytes to the
 * tree decoder, which alone decides what is refused and why. Hazard: so a fast path built on it
 * must never return a value the tree decoder would refuse or read differently; each one needs a
 * test comparing the two over generated and mutated inputs (SlotReaderTest).
 *
 * <p>Layout of a head (RFC 8949 §3): major type in the top 3 bits, additional info in the low 5;
 * 0..23 is the argument itself, 24..27 a 1/2/4/8-byte big-endian argument follows.
 */
public final class CborCursor {
  public static final int UNSIGNED = 0;
  public static final int BYTES = 2;
  public static final int TEXT = 3;
  public static final int ARRAY = 4;
  public static final int MAP = 5;

  /** The head byte of null (major 7, simple value 22). */
  public static final int NULL = 0xF6;

  private final byte[] in;
  private int pos;

  public CborCursor(byte[] in) {
    this.in = in;
  }

  public boolean atEnd() {
    return pos == in.length;
  }

  /** The next head byte, not consumed. */
  public int peek() {
    if (pos >= in.length) {
      throw new CborException("unexpected end of input", pos);
    }
    return in[pos] & 0xFF;
  }

  /** Consumes a null and says so; false (nothing consumed) at anything else. */
  public boolean nullNext() {
    if (peek() == NULL) {
      pos++;
      return true;
    }
    return false;
  }

  /** A definite array's or map's count, or a string's length, of the given major type. */
  public int count(int major) {
    int head = peek();
    if (head >>> 5 != major) {
      throw new CborException("expected major type " + major, pos);
    }
    int headAt = pos++;
    int ai = head & 0x1F;
    if (ai < 24) {
      return checked(major, ai, headAt);
    }
    if (ai > 26) {
      throw new CborException("length outside the fast path", pos - 1);
    }
    int size = 1 << (ai - 24); // 1, 2 or 4 bytes; an 8-byte length is left to the tree
    need(size);
    int v = 0;
    for (int i = 0; i < size; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    if (v < 0) {
      throw new CborException("length outside the fast path", pos - size - 1);
    }
    return checked(major, v, headAt);
  }

  /**
   * A definite array's or map's count, checked as the tree decoder checks it: each item takes at
   * least a byte, so a count beyond the bytes left cannot be real, and the caller may size what it
   * allocates by it.
   */
  private int checked(int major, int count, int headAt) {
    int left = in.length - pos;
    if (major == MAP ? count > left / 2 : major == ARRAY && count > left) {
      throw new CborException("count exceeds remaining input", headAt);
    }
    return count;
  }

  /** An unsigned integer that fits a Java long (0 .. 2^63-1). */
  public long uint() {
    int head = peek();
    if (head >>> 5 != UNSIGNED) {
      throw new CborException("expected an unsigned integer", pos);
    }
    int ai = head & 0x1F;
    if (ai < 24) {
      pos++;
      return ai;
    }
    if (ai > 27) {
      throw new CborException("reserved additional information", pos);
    }
    pos++;
    int size = 1 << (ai - 24);
    need(size);
    long v = 0;
    for (int i = 0; i < size; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    if (v < 0) {
      throw new CborException("integer does not fit a long", pos - size - 1);
    }
    return v;
  }

  /** A definite byte string's value (a new array). */
  public byte[] bytes() {
    int len = count(BYTES);
    need(len);
    byte[] out = Arrays.copyOfRange(in, pos, pos + len);
    pos += len;
    return out;
  }

  /** A definite text string, strict UTF-8. */
  public String text() {
    int len = count(TEXT);
    need(len);
    String s = Utf8.decode(in, pos, len);
    pos += len;
    return s;
  }

  private void need(int len) {
    if (len > in.length - pos) {
      throw new CborException("declared length exceeds remaining input", pos);
    }
  }
}
