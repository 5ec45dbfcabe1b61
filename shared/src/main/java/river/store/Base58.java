package river.store;

/**
 * Base58 with the Bitcoin alphabet (no 0, O, I, l), as River uses for room owner keys in storage
 * keys and invitations. Each leading zero byte is one leading '1'; the rest is the big-endian
 * number in base 58. Quadratic in the length: meant for keys (32 bytes), not bulk data. Hazard:
 * lenient decoding (skipping unknown characters, accepting look-alikes) would let two different
 * texts name the same room, so every non-alphabet character is an error.
 */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEX = new int[128];

  static {
    for (int i = 0; i < INDEX.length; i++) {
      INDEX[i] = -1;
    }
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEX[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  /** True when {@code c} is one of the alphabet's 58 digits. */
  public static boolean isDigit(char c) {
    return c < INDEX.length && INDEX[c] >= 0;
  }

  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // log(256)/log(58) < 1.37: enough base-58 digits for the rest.
    int[] digits = new int[(data.length - zeros) * 137 / 100 + 1];
    int used = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xFF;
      for (int j = 0; j < used; j++) {
        carry += digits[j] << 8;
        digits[j] = carry % 58;
        carry /= 58;
      }
      while (carry > 0) {
        digits[used++] = carry % 58;
        carry /= 58;
      }
    }
    StringBuilder sb = new StringBuilder(zeros + used);
    for (int i = 0; i < zeros; i++) {
      sb.append('1');
    }
    for (int i = used - 1; i >= 0; i--) {
      sb.append(ALPHABET.charAt(digits[i]));
    }
    return sb.toString();
  }

  /** IllegalArgumentException naming the first character outside the alphabet. */
  public static byte[] decode(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    // log(58)/log(256) < 0.74: enough bytes for the rest.
    int[] bytes = new int[(text.length() - zeros) * 74 / 100 + 1];
    int used = 0;
    // Three digits at a time (58^3 = 195,112): a third of the multiply passes over the bytes, and
    // carry stays below 2^31 (255 * 195,112 + carry < 2^26). A 5,000-room list parses 5,000 keys.
    int i = zeros;
    while (i < text.length()) {
      int group = Math.min(3, text.length() - i);
      int value = 0;
      int scale = 1;
      for (int g = 0; g < group; g++, i++) {
        char c = text.charAt(i);
        int digit = c < 128 ? INDEX[c] : -1;
        if (digit < 0) {
          throw new IllegalArgumentException("invalid base58 character '" + c + "' at index " + i);
        }
        value = value * 58 + digit;
        scale *= 58;
      }
      int carry = value;
      for (int j = 0; j < used; j++) {
        carry += bytes[j] * scale;
        bytes[j] = carry & 0xFF;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[used++] = carry & 0xFF;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + used];
    for (int k = 0; k < used; k++) {
      out[zeros + k] = (byte) bytes[used - 1 - k];
    }
    return out;
  }
}
