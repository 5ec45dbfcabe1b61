package river.room;

import java.util.Comparator;

/**
 * Unsigned lexicographic order of byte arrays, the one total order every sorted list in a room
 * state uses (keys, signatures, encoded items). Hazard: Java bytes are signed, so comparing them
 * directly would sort 0x80 before 0x00 and two implementations would disagree on "smallest".
 */
final class UnsignedBytes {
  static final Comparator<byte[]> ORDER =
      new Comparator<byte[]>() {
        @Override
        public int compare(byte[] a, byte[] b) {
          return UnsignedBytes.compare(a, b);
        }
      };

  private UnsignedBytes() {}

  static int compare(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int x = a[i] & 0xFF;
      int y = b[i] & 0xFF;
      if (x != y) {
        return x < y ? -1 : 1;
      }
    }
    return a.length < b.length ? -1 : a.length == b.length ? 0 : 1;
  }

  /** A short hex prefix for error messages (keys and ids are peer-chosen: keep messages small). */
  static String brief(byte[] b) {
    StringBuilder s = new StringBuilder();
    String digits = "0123456789abcdef";
    for (int i = 0; i < Math.min(4, b.length); i++) {
      s.append(digits.charAt((b[i] >> 4) & 0xF)).append(digits.charAt(b[i] & 0xF));
    }
    return s.append(b.length > 4 ? ".." : "").toString();
  }

  /** Lower-case hex: a map key for byte arrays (Java arrays have identity equality). */
  static String hex(byte[] b) {
    String digits = "0123456789abcdef";
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = digits.charAt((b[i] >> 4) & 0xF);
      out[2 * i + 1] = digits.charAt(b[i] & 0xF);
    }
    return new String(out);
  }
}
