package river.cbor;

import java.util.Arrays;

/**
 * Writes items in deterministic encoding (RFC 8949 §4.2.1, with one documented difference): the
 * shortest head for every integer, length and tag; definite lengths only (indefinite items read
 * from elsewhere are re-written definite); floats in the width the item carries. Map entries are
 * written in the item's own order, which the builder fixed per message type, instead of being
 * sorted bytewise (hazard: two maps with the same entries in another order encode differently, so
 * each message type must always build its fields in one order).
 */
final class CborEncoder {
  private byte[] buf = new byte[64];
  private int size;

  byte[] toByteArray() {
    // One native slice under J2CL (see CborDecoder.readRaw).
    return Arrays.copyOf(buf, size);
  }

  void write(CborItem item, int depth) {
    if (depth > Cbor.MAX_DEPTH) {
      throw new IllegalArgumentException("item nests deeper than " + Cbor.MAX_DEPTH);
    }
    switch (item.kind()) {
      case UNSIGNED:
        head(0, item.asUint64Bits());
        break;
      case NEGATIVE:
        head(1, item.negativeBits());
        break;
      case BYTES:
        {
          byte[] b = item.asBytesShared();
          head(2, b.length);
          raw(b);
          break;
        }
      case TEXT:
        {
          byte[] b = Utf8.encode(item.asText());
          head(3, b.length);
          raw(b);
          break;
        }
      case ARRAY:
        head(4, item.items().size());
        for (CborItem child : item.items()) {
          write(child, depth + 1);
        }
        break;
      case MAP:
        head(5, item.entries().size());
        for (CborEntry e : item.entries()) {
          write(e.key(), depth + 1);
          write(e.value(), depth + 1);
        }
        break;
      case TAG:
        head(6, item.tagNumber());
        write(item.tagContent(), depth + 1);
        break;
      case SIMPLE:
        {
          int v = item.simpleValue();
          if (v < 24) {
            byte1(0xE0 | v);
          } else {
            byte1(0xF8);
            byte1(v);
          }
          break;
        }
      default:
        writeFloat(item.floatWidth(), item.floatBits());
        break;
    }
  }

  private void writeFloat(int width, long bits) {
    byte1(width == 2 ? 0xF9 : width == 4 ? 0xFA : 0xFB);
    bigEndian(bits, width);
  }

  /** Shortest head for major type {@code major} and argument {@code arg} (64 bits unsigned). */
  private void head(int major, long arg) {
    int m = major << 5;
    if (arg >= 0 && arg < 24) {
      byte1(m | (int) arg);
    } else if (arg >= 0 && arg <= 0xFF) {
      byte1(m | 24);
      byte1((int) arg);
    } else if (arg >= 0 && arg <= 0xFFFF) {
      byte1(m | 25);
      bigEndian(arg, 2);
    } else if (arg >= 0 && arg <= 0xFFFFFFFFL) {
      byte1(m | 26);
      bigEndian(arg, 4);
    } else {
      byte1(m | 27);
      bigEndian(arg, 8);
    }
  }

  private void bigEndian(long v, int n) {
    ensure(n);
    for (int i = n - 1; i >= 0; i--) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
  }

  private void byte1(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  private void raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      int cap = Math.max(buf.length * 2, size + extra);
      buf = Arrays.copyOf(buf, cap);
    }
  }
}
