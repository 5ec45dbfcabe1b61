package river.cbor;

/**
 * Strict UTF-8 encoding and decoding, written by hand so the JVM and J2CL (where String.getBytes
 * and charset decoders behave differently, e.g. on lone surrogates) produce identical results.
 *
 * <p>Decoding accepts exactly the well-formed sequences of RFC 3629 (Unicode Table 3-7): overlong
 * forms, UTF-16 surrogates (U+D800..U+DFFF) encoded as 3 bytes, code points above U+10FFFF and
 * stray continuation bytes are all rejected. Hazard: a lenient decoder maps different byte strings
 * to the same text, so two parties could disagree about what a key or name is. Encoding rejects
 * unpaired surrogates instead of silently writing '?' as the JVM does.
 */
public final class Utf8 {
  private Utf8() {}

  /** UTF-8 bytes of {@code s}; IllegalArgumentException on an unpaired surrogate. */
  public static byte[] encode(String s) {
    byte[] out = new byte[encodedLength(s)];
    int p = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (c >= 0xD800 && c <= 0xDBFF) {
        // encodedLength already proved a low surrogate follows.
        int cp = 0x10000 + ((c - 0xD800) << 10) + (s.charAt(++i) - 0xDC00);
        out[p++] = (byte) (0xF0 | (cp >> 18));
        out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[p++] = (byte) (0xE0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return out;
  }

  /** Number of UTF-8 bytes {@code s} encodes to; also validates surrogate pairing. */
  public static int encodedLength(String s) {
    int n = s.length();
    int total = 0;
    for (int i = 0; i < n; i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        total += 1;
      } else if (c < 0x800) {
        total += 2;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        boolean paired =
            c <= 0xDBFF && i + 1 < n && s.charAt(i + 1) >= 0xDC00 && s.charAt(i + 1) <= 0xDFFF;
        if (!paired) {
          throw new IllegalArgumentException("unpaired surrogate at index " + i);
        }
        total += 4;
        i++;
      } else {
        total += 3;
      }
    }
    return total;
  }

  /**
   * Decodes {@code b[off, off+len)}; CborException (absolute offset into b) if not strict UTF-8.
   */
  public static String decode(byte[] b, int off, int len) {
    int end = off + len;
    // Never more UTF-16 units than bytes: 4-byte sequences give 2 units, all others 1 per byte.
    char[] out = new char[len];
    int n = 0;
    int i = off;
    while (i < end) {
      int b0 = b[i] & 0xFF;
      if (b0 < 0x80) {
        out[n++] = (char) b0;
        i++;
        continue;
      }
      int need;
      int min2 = 0x80;
      int max2 = 0xBF;
      int cp;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1F;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) {
          min2 = 0xA0; // below is an overlong 3-byte form
        } else if (b0 == 0xED) {
          max2 = 0x9F; // above would encode a UTF-16 surrogate
        }
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0) {
          min2 = 0x90; // below is an overlong 4-byte form
        } else if (b0 == 0xF4) {
          max2 = 0x8F; // above is beyond U+10FFFF
        }
      } else {
        throw new CborException("invalid UTF-8 lead byte 0x" + Integer.toHexString(b0), i);
      }
      if (i + need >= end) {
        throw new CborException("truncated UTF-8 sequence", i);
      }
      int b1 = b[i + 1] & 0xFF;
      if (b1 < min2 || b1 > max2) {
        throw new CborException(
            "invalid UTF-8 continuation byte 0x" + Integer.toHexString(b1), i + 1);
      }
      cp = (cp << 6) | (b1 & 0x3F);
      for (int k = 2; k <= need; k++) {
        int bk = b[i + k] & 0xFF;
        if ((bk & 0xC0) != 0x80) {
          throw new CborException(
              "invalid UTF-8 continuation byte 0x" + Integer.toHexString(bk), i + k);
        }
        cp = (cp << 6) | (bk & 0x3F);
      }
      if (cp >= 0x10000) {
        cp -= 0x10000;
        out[n++] = (char) (0xD800 + (cp >> 10));
        out[n++] = (char) (0xDC00 + (cp & 0x3FF));
      } else {
        out[n++] = (char) cp;
      }
      i += need + 1;
    }
    return new String(out, 0, n);
  }
}
