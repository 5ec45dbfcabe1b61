package river.identity;

/**
 * Standard base64 (RFC 4648 §4, with padding), written out because java.util.Base64 is not in the
 * browser build. Decoding ignores whitespace (armored text is line-wrapped) and refuses anything
 * else that is not in the alphabet, and a length that is not a whole number of 4-character groups
 * (the usual sign of a block cut short).
 */
public final class Base64Text {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Base64Text() {}

  public static String encode(byte[] data) {
    StringBuilder out = new StringBuilder((data.length + 2) / 3 * 4);
    for (int i = 0; i < data.length; i += 3) {
      int n = (data[i] & 0xff) << 16;
      int left = data.length - i;
      if (left > 1) {
        n |= (data[i + 1] & 0xff) << 8;
      }
      if (left > 2) {
        n |= data[i + 2] & 0xff;
      }
      out.append(ALPHABET.charAt((n >>> 18) & 63));
      out.append(ALPHABET.charAt((n >>> 12) & 63));
      out.append(left > 1 ? ALPHABET.charAt((n >>> 6) & 63) : '=');
      out.append(left > 2 ? ALPHABET.charAt(n & 63) : '=');
    }
    return out.toString();
  }

  /** Thrown for text that is not base64. */
  public static final class NotBase64 extends Exception {
    public final boolean cutShort;

    NotBase64(String message, boolean cutShort) {
      super(message);
      this.cutShort = cutShort;
    }
  }

  public static byte[] decode(String text) throws NotBase64 {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      if (c != '=' && ALPHABET.indexOf(c) < 0) {
        throw new NotBase64("a character that is not base64", false);
      }
      clean.append(c);
    }
    String s = clean.toString();
    if (s.length() % 4 != 0) {
      throw new NotBase64("incomplete base64", true);
    }
    int pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
    if (s.indexOf('=') >= 0 && s.indexOf('=') < s.length() - pad) {
      throw new NotBase64("padding inside base64", false);
    }
    byte[] out = new byte[s.length() / 4 * 3 - pad];
    int o = 0;
    for (int i = 0; i < s.length(); i += 4) {
      int n = 0;
      for (int j = 0; j < 4; j++) {
        char c = s.charAt(i + j);
        n = (n << 6) | (c == '=' ? 0 : ALPHABET.indexOf(c));
      }
      out[o++] = (byte) (n >>> 16);
      if (o < out.length) {
        out[o++] = (byte) (n >>> 8);
      }
      if (o < out.length) {
        out[o++] = (byte) n;
      }
    }
    return out;
  }
}
