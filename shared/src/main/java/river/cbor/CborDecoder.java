package river.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one CBOR data item (RFC 8949 §3) from a byte array, strictly: every malformation is a
 * CborException with the offending offset, never another exception.
 *
 * <p>Each item starts with a head byte: major type (top 3 bits) and additional info (low 5 bits:
 * 0..23 the argument itself, 24..27 a 1/2/4/8-byte big-endian argument follows, 28..30 reserved, 31
 * indefinite length or, for major 7, the "break" stop code).
 *
 * <p>Hazard: a declared length or count is attacker-chosen (up to 2^64-1). Every declared size is
 * checked against the bytes that remain BEFORE anything is allocated, so no allocation can exceed
 * the input length; {@link #largestAllocation()} records the largest one so tests can prove it.
 */
final class CborDecoder {
  private final byte[] in;
  private final int end;
  private int pos;
  private int largestAllocation;

  CborDecoder(byte[] in, int offset) {
    if (offset < 0 || offset > in.length) {
      throw new IllegalArgumentException("offset " + offset + " outside input");
    }
    this.in = in;
    this.end = in.length;
    this.pos = offset;
  }

  int position() {
    return pos;
  }

  /** Largest array or list capacity this decoder allocated, in elements. */
  int largestAllocation() {
    return largestAllocation;
  }

  CborItem readItem(int depth) {
    if (depth > Cbor.MAX_DEPTH) {
      throw new CborException("nesting deeper than " + Cbor.MAX_DEPTH, pos);
    }
    int start = pos;
    int ib = readByte();
    int major = ib >>> 5;
    int ai = ib & 0x1F;
    if (ai == 31) {
      return readIndefinite(major, start, depth);
    }
    long arg = readArgument(ai, start);
    switch (major) {
      case 0:
        return CborItem.uint64(arg);
      case 1:
        return CborItem.negative64(arg);
      case 2:
        return CborItem.bytesTrusted(readRaw(arg, start));
      case 3:
        return CborItem.textTrusted(readText(arg, start));
      case 4:
        return readArray(arg, start, depth);
      case 5:
        return readMap(arg, start, depth);
      case 6:
        return CborItem.tag(arg, readItem(depth + 1));
      default:
        return readMajor7(ai, arg, start);
    }
  }

  private CborItem readIndefinite(int major, int start, int depth) {
    switch (major) {
      case 2:
      case 3:
        return readChunks(major, depth);
      case 4:
        {
          List<CborItem> items = new ArrayList<CborItem>();
          while (!atBreak()) {
            items.add(readItem(depth + 1));
          }
          return CborItem.arrayTrusted(items, true);
        }
      case 5:
        {
          List<CborEntry> entries = new ArrayList<CborEntry>();
          MapKeys keys = new MapKeys(entries);
          while (!atBreak()) {
            readEntry(entries, keys, depth);
          }
          return CborItem.mapTrusted(entries, true);
        }
      case 7:
        throw new CborException("break outside an indefinite-length item", start);
      default:
        throw new CborException("indefinite length not allowed for major type " + major, start);
    }
  }

  /** Indefinite string: definite chunks of the same major type until a break (RFC 8949 §3.2.3). */
  private CborItem readChunks(int major, int depth) {
    List<CborItem> chunks = new ArrayList<CborItem>();
    while (!atBreak()) {
      int chunkStart = pos;
      int ib = readByte();
      if (ib >>> 5 != major) {
        throw new CborException("indefinite string chunk has another major type", chunkStart);
      }
      if ((ib & 0x1F) == 31) {
        throw new CborException("indefinite string chunk is itself indefinite", chunkStart);
      }
      long len = readArgument(ib & 0x1F, chunkStart);
      chunks.add(
          major == 2
              ? CborItem.bytesTrusted(readRaw(len, chunkStart))
              : CborItem.textTrusted(readText(len, chunkStart)));
    }
    noteAllocation(chunks.size());
    if (major == 3) {
      StringBuilder text = new StringBuilder();
      for (CborItem c : chunks) {
        text.append(c.asText());
      }
      return CborItem.withChunks(CborItem.textTrusted(text.toString()), chunks);
    }
    int total = 0;
    for (CborItem c : chunks) {
      total += c.byteLength();
    }
    noteAllocation(total); // at most the input length: every chunk byte came from the input
    byte[] all = new byte[total];
    int p = 0;
    for (CborItem c : chunks) {
      byte[] b = c.asBytesShared();
      System.arraycopy(b, 0, all, p, b.length);
      p += b.length;
    }
    return CborItem.withChunks(CborItem.bytesTrusted(all), chunks);
  }

  private CborItem readArray(long count, int start, int depth) {
    // Every item takes at least one byte, so a count above the remaining bytes cannot be real.
    if (count < 0 || count > end - pos) {
      throw new CborException("array count " + unsigned(count) + " exceeds remaining input", start);
    }
    int n = (int) count;
    noteAllocation(n);
    List<CborItem> items = new ArrayList<CborItem>(n);
    for (int i = 0; i < n; i++) {
      items.add(readItem(depth + 1));
    }
    return CborItem.arrayTrusted(items, false);
  }

  private CborItem readMap(long count, int start, int depth) {
    // Every entry takes at least two bytes (key and value).
    if (count < 0 || count > (end - pos) / 2) {
      throw new CborException("map count " + unsigned(count) + " exceeds remaining input", start);
    }
    int n = (int) count;
    noteAllocation(n);
    List<CborEntry> entries = new ArrayList<CborEntry>(n);
    MapKeys keys = new MapKeys(entries);
    for (int i = 0; i < n; i++) {
      readEntry(entries, keys, depth);
    }
    return CborItem.mapTrusted(entries, false);
  }

  private void readEntry(List<CborEntry> entries, MapKeys keys, int depth) {
    int keyStart = pos;
    CborItem key = readItem(depth + 1);
    if (!keys.add(key)) {
      throw new CborException("duplicate map key " + describeKey(key), keyStart);
    }
    if (pos < end && (in[pos] & 0xFF) == 0xFF) {
      throw new CborException("map key without a value", pos);
    }
    entries.add(new CborEntry(key, readItem(depth + 1)));
  }

  private CborItem readMajor7(int ai, long arg, int start) {
    if (ai < 24) {
      return CborItem.simple(ai);
    }
    switch (ai) {
      case 24:
        if (arg < 32) {
          throw new CborException("simple value " + arg + " must use the one-byte form", start);
        }
        return CborItem.simple((int) arg);
      case 25:
        return CborItem.floatBits(2, arg);
      case 26:
        return CborItem.floatBits(4, arg);
      default:
        return CborItem.floatBits(8, arg);
    }
  }

  /** True (and consumes it) if the next byte is the break stop code; false at another byte. */
  private boolean atBreak() {
    if (pos >= end) {
      throw new CborException("unexpected end of input inside an indefinite-length item", pos);
    }
    if ((in[pos] & 0xFF) == 0xFF) {
      pos++;
      return true;
    }
    return false;
  }

  private long readArgument(int ai, int start) {
    if (ai < 24) {
      return ai;
    }
    switch (ai) {
      case 24:
        return readByte();
      case 25:
        return readN(2);
      case 26:
        return readN(4);
      case 27:
        return readN(8);
      default:
        throw new CborException("reserved additional information value " + ai, start);
    }
  }

  private long readN(int n) {
    if (end - pos < n) {
      throw new CborException("unexpected end of input in an item head", pos);
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    return v;
  }

  private int readByte() {
    if (pos >= end) {
      throw new CborException("unexpected end of input", pos);
    }
    return in[pos++] & 0xFF;
  }

  private int checkLength(long len, int start) {
    if (len < 0 || len > end - pos) {
      throw new CborException(
          "declared length " + unsigned(len) + " exceeds remaining input " + (end - pos), start);
    }
    return (int) len;
  }

  private byte[] readRaw(long declared, int start) {
    int len = checkLength(declared, start);
    noteAllocation(len);
    // copyOfRange, not new byte[] + arraycopy: under J2CL it is one native slice, where the
    // other is an array filled with zeros and then copied one element at a time.
    byte[] out = Arrays.copyOfRange(in, pos, pos + len);
    pos += len;
    return out;
  }

  private String readText(long declared, int start) {
    int len = checkLength(declared, start);
    noteAllocation(len);
    String s = Utf8.decode(in, pos, len);
    pos += len;
    return s;
  }

  private void noteAllocation(int size) {
    if (size > largestAllocation) {
      largestAllocation = size;
    }
  }

  /** A key for an error message: text keys quoted and cut short, others by their kind. */
  private static String describeKey(CborItem key) {
    return key.kind() == CborKind.TEXT
        ? "\"" + CborDiag.brief(key.asText()) + "\""
        : key.kind().name().toLowerCase();
  }

  private static String unsigned(long v) {
    return CborDiag.unsignedDecimal(v);
  }
}
