package river.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One immutable CBOR data item (RFC 8949): integers over the full range -2^64 .. 2^64-1, byte and
 * text strings, arrays, maps with ordered entries, tags, simple values and floats of the width they
 * were read or created with.
 *
 * <p>Layout: {@code bits} holds the 64-bit argument for UNSIGNED (the value), NEGATIVE (n where the
 * value is -1-n), TAG (the tag number), SIMPLE (0..255) and FLOAT (raw IEEE bits of the carried
 * width: 16, 32 or 64). Indefinite-length items decode into the same values; {@code indefinite} and
 * {@code chunks} exist only so diagnostic notation can show them, and do not take part in equality
 * (hazard: the encoder always writes definite lengths, so equality must mean "encodes to the same
 * bytes").
 */
public final class CborItem {
  public static final CborItem FALSE = new CborItem(CborKind.SIMPLE, 20);
  public static final CborItem TRUE = new CborItem(CborKind.SIMPLE, 21);
  public static final CborItem NULL = new CborItem(CborKind.SIMPLE, 22);
  public static final CborItem UNDEFINED = new CborItem(CborKind.SIMPLE, 23);

  private final CborKind kind;
  private final long bits;
  private int floatWidth;
  private byte[] bytes;
  private String text;
  private List<CborItem> items;
  private List<CborEntry> entries;
  private CborItem content;
  private boolean indefinite;
  private List<CborItem> chunks;
  private int hash;

  private CborItem(CborKind kind, long bits) {
    this.kind = kind;
    this.bits = bits;
  }

  // ---- factories ----

  /** Unsigned integer 0 .. Long.MAX_VALUE; use {@link #uint64(long)} for values up to 2^64-1. */
  public static CborItem uint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("uint needs a value >= 0, got " + value);
    }
    return new CborItem(CborKind.UNSIGNED, value);
  }

  /** Unsigned integer whose 64 bits are read as unsigned (e.g. a u64 generation). */
  public static CborItem uint64(long unsignedBits) {
    return new CborItem(CborKind.UNSIGNED, unsignedBits);
  }

  /** Negative integer -1-n, where n's 64 bits are unsigned: -1 .. -2^64. */
  public static CborItem negative64(long n) {
    return new CborItem(CborKind.NEGATIVE, n);
  }

  /** Any Java long, as major type 0 or 1. */
  public static CborItem integer(long value) {
    return value >= 0 ? uint(value) : negative64(~value);
  }

  public static CborItem bool(boolean value) {
    return value ? TRUE : FALSE;
  }

  public static CborItem bytes(byte[] value) {
    CborItem item = new CborItem(CborKind.BYTES, 0);
    item.bytes = Arrays.copyOf(value, value.length);
    return item;
  }

  /** Text item; IllegalArgumentException for a string with unpaired surrogates (not UTF-8). */
  public static CborItem text(String value) {
    Utf8.encodedLength(value);
    return textTrusted(value);
  }

  public static CborItem array(CborItem... values) {
    return array(Arrays.asList(values));
  }

  public static CborItem array(List<CborItem> values) {
    List<CborItem> copy = new ArrayList<CborItem>(values);
    for (CborItem v : copy) {
      if (v == null) {
        throw new NullPointerException("array element must not be null (use CborItem.NULL)");
      }
    }
    return arrayTrusted(copy, false);
  }

  /** Map with the given entry order; IllegalArgumentException on a duplicate key. */
  public static CborItem map(List<CborEntry> values) {
    List<CborEntry> copy = new ArrayList<CborEntry>(values.size());
    MapKeys keys = new MapKeys(copy);
    for (CborEntry e : values) {
      if (!keys.add(e.key())) {
        throw new IllegalArgumentException("duplicate map key " + e.key());
      }
      copy.add(e);
    }
    return mapTrusted(copy, false);
  }

  public static CborItem tag(long tagNumber, CborItem tagged) {
    if (tagged == null) {
      throw new NullPointerException("tag content");
    }
    CborItem item = new CborItem(CborKind.TAG, tagNumber);
    item.content = tagged;
    return item;
  }

  /** simple(n) for n in 0..19 or 32..255; 20..23 give false/true/null/undefined. */
  public static CborItem simple(int value) {
    if (value < 0 || value > 255 || (value >= 24 && value < 32)) {
      throw new IllegalArgumentException("not a valid simple value: " + value);
    }
    switch (value) {
      case 20:
        return FALSE;
      case 21:
        return TRUE;
      case 22:
        return NULL;
      case 23:
        return UNDEFINED;
      default:
        return new CborItem(CborKind.SIMPLE, value);
    }
  }

  /** Half-precision float from its 16 raw bits. */
  public static CborItem float16Bits(int bits16) {
    return floatBits(2, bits16 & 0xFFFFL);
  }

  public static CborItem float32(float value) {
    return floatBits(4, Float.floatToIntBits(value) & 0xFFFFFFFFL);
  }

  public static CborItem float64(double value) {
    return floatBits(8, Double.doubleToLongBits(value));
  }

  /** Float of width 2, 4 or 8 bytes from raw bits (NaN payloads are kept). */
  public static CborItem floatBits(int widthBytes, long rawBits) {
    if (widthBytes != 2 && widthBytes != 4 && widthBytes != 8) {
      throw new IllegalArgumentException("float width must be 2, 4 or 8 bytes");
    }
    CborItem item = new CborItem(CborKind.FLOAT, rawBits);
    item.floatWidth = widthBytes;
    return item;
  }

  /** Marks a string item as read from indefinite-length {@code chunks} (diag shows them). */
  static CborItem withChunks(CborItem value, List<CborItem> chunks) {
    value.indefinite = true;
    value.chunks = ReadOnly.list(chunks);
    return value;
  }

  static CborItem bytesTrusted(byte[] owned) {
    CborItem item = new CborItem(CborKind.BYTES, 0);
    item.bytes = owned;
    return item;
  }

  static CborItem textTrusted(String value) {
    CborItem item = new CborItem(CborKind.TEXT, 0);
    item.text = value;
    return item;
  }

  static CborItem arrayTrusted(List<CborItem> owned, boolean indefinite) {
    CborItem item = new CborItem(CborKind.ARRAY, 0);
    item.items = ReadOnly.list(owned);
    item.indefinite = indefinite;
    return item;
  }

  static CborItem mapTrusted(List<CborEntry> owned, boolean indefinite) {
    CborItem item = new CborItem(CborKind.MAP, 0);
    item.entries = ReadOnly.list(owned);
    item.indefinite = indefinite;
    return item;
  }

  // ---- accessors ----

  public CborKind kind() {
    return kind;
  }

  public String asText() {
    expect(CborKind.TEXT);
    return text;
  }

  /** A copy of the byte string's value. */
  public byte[] asBytes() {
    byte[] b = asBytesShared();
    return Arrays.copyOf(b, b.length);
  }

  /** The byte string's own array: callers in this package promise not to modify it. */
  byte[] asBytesShared() {
    expect(CborKind.BYTES);
    return bytes;
  }

  public int byteLength() {
    return asBytesShared().length;
  }

  /** Unsigned integer that fits a Java long (0 .. 2^63-1), else CborException. */
  public long asLong() {
    expect(CborKind.UNSIGNED);
    if (bits < 0) {
      throw new CborException(
          "integer " + CborDiag.unsignedDecimal(bits) + " does not fit a long", -1);
    }
    return bits;
  }

  /** Unsigned integer's 64 bits, to be read as unsigned (0 .. 2^64-1). */
  public long asUint64Bits() {
    expect(CborKind.UNSIGNED);
    return bits;
  }

  /** Major type 1 argument n (the value is -1-n, n read as unsigned). */
  public long negativeBits() {
    expect(CborKind.NEGATIVE);
    return bits;
  }

  /** Integer of either sign that fits a Java long, else CborException. */
  public long asSignedLong() {
    if (kind == CborKind.NEGATIVE && bits >= 0) {
      return ~bits;
    }
    if (kind == CborKind.NEGATIVE) {
      throw new CborException(
          "integer -1-" + CborDiag.unsignedDecimal(bits) + " does not fit a long", -1);
    }
    return asLong();
  }

  public boolean asBool() {
    if (this.equals(TRUE)) {
      return true;
    }
    if (this.equals(FALSE)) {
      return false;
    }
    throw wrongKind("bool");
  }

  public boolean isNull() {
    return kind == CborKind.SIMPLE && bits == 22;
  }

  public boolean isUndefined() {
    return kind == CborKind.SIMPLE && bits == 23;
  }

  public List<CborItem> items() {
    expect(CborKind.ARRAY);
    return items;
  }

  public List<CborEntry> entries() {
    expect(CborKind.MAP);
    return entries;
  }

  /** Value under text key {@code key}, or null when absent. CborException if not a map. */
  public CborItem get(String key) {
    for (CborEntry e : entries()) {
      CborItem k = e.key();
      if (k.kind == CborKind.TEXT && k.text.equals(key)) {
        return e.value();
      }
    }
    return null;
  }

  public long tagNumber() {
    expect(CborKind.TAG);
    return bits;
  }

  public CborItem tagContent() {
    expect(CborKind.TAG);
    return content;
  }

  /** Simple value number 0..255 (false=20, true=21, null=22, undefined=23). */
  public int simpleValue() {
    expect(CborKind.SIMPLE);
    return (int) bits;
  }

  /** Float width in bytes: 2 (half), 4 (single) or 8 (double). */
  public int floatWidth() {
    expect(CborKind.FLOAT);
    return floatWidth;
  }

  /** Raw IEEE bits in the carried width (low 16/32/64 bits). */
  public long floatBits() {
    expect(CborKind.FLOAT);
    return bits;
  }

  public double asDouble() {
    expect(CborKind.FLOAT);
    if (floatWidth == 8) {
      return Double.longBitsToDouble(bits);
    }
    if (floatWidth == 4) {
      return Float.intBitsToFloat((int) bits);
    }
    return HalfFloat.toDouble((int) bits);
  }

  /** True when the item was read with indefinite length (diagnostic notation only). */
  public boolean isIndefinite() {
    return indefinite;
  }

  /** Chunks of an indefinite-length string, or null for a definite one. */
  public List<CborItem> chunks() {
    return chunks;
  }

  private void expect(CborKind wanted) {
    if (kind != wanted) {
      throw wrongKind(wanted.name().toLowerCase());
    }
  }

  private CborException wrongKind(String wanted) {
    return new CborException("expected " + wanted + " but found " + describeKind(), -1);
  }

  private String describeKind() {
    if (kind == CborKind.SIMPLE) {
      int v = simpleValue();
      return v == 20 ? "false" : v == 21 ? "true" : v == 22 ? "null" : "simple(" + v + ")";
    }
    return kind.name().toLowerCase();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CborItem)) {
      return false;
    }
    CborItem other = (CborItem) o;
    if (kind != other.kind || bits != other.bits || floatWidth != other.floatWidth) {
      return false;
    }
    switch (kind) {
      case BYTES:
        return Arrays.equals(bytes, other.bytes);
      case TEXT:
        return text.equals(other.text);
      case ARRAY:
        return items.equals(other.items);
      case MAP:
        return entries.equals(other.entries);
      case TAG:
        return content.equals(other.content);
      default:
        return true;
    }
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = kind.ordinal() * 31 + (int) (bits ^ (bits >>> 32));
      switch (kind) {
        case BYTES:
          h = h * 31 + Arrays.hashCode(bytes);
          break;
        case TEXT:
          h = h * 31 + text.hashCode();
          break;
        case ARRAY:
          h = h * 31 + items.hashCode();
          break;
        case MAP:
          h = h * 31 + entries.hashCode();
          break;
        case TAG:
          h = h * 31 + content.hashCode();
          break;
        default:
          break;
      }
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  /**
   * Diagnostic notation (RFC 8949 §8), on the JVM only: for tests and logs. The browser build
   * leaves it out, with {@link CborDiag#format} and everything it needs (the app never shows it).
   */
  @GwtIncompatible
  @Override
  public String toString() {
    return CborDiag.format(this);
  }
}
