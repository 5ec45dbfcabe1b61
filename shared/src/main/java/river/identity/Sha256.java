package river.identity;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) over a byte array, in plain Java so that the browser build computes the same
 * identity-block checksum as the JVM (J2CL has no MessageDigest, and WebCrypto's digest is
 * asynchronous, which would make decoding a block asynchronous too). Only int arithmetic: fast
 * under J2CL, where long is emulated.
 */
public final class Sha256 {
  /**
   * FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64
   * primes. Computed as the standard defines them (the literal table cost the bundle ~0.25 KB
   * gzip); Sha256Test pins every value, and that each stays the same with the root two ulps off
   * either way, so a browser's {@code Math.cbrt} computes the same table.
   */
  private static final int[] K = fractions(64, 3);

  /** 5.3.3: the same of the square roots of the first 8 primes (sqrt is exact to the ulp). */
  private static final int[] H0 = fractions(8, 2);

  public static final int BYTES = 32;

  private Sha256() {}

  /** The first 32 bits of the fractional part of the {@code root}-th root of the first n primes. */
  static int[] fractions(int n, int root) {
    int[] out = new int[n];
    int found = 0;
    for (int p = 2; found < n; p++) {
      if (isPrime(p)) {
        out[found++] = fraction(root == 2 ? Math.sqrt(p) : Math.cbrt(p));
      }
    }
    return out;
  }

  static int fraction(double root) {
    return (int) (long) ((root - Math.floor(root)) * 4294967296.0);
  }

  private static boolean isPrime(int p) {
    for (int d = 2; d * d <= p; d++) {
      if (p % d == 0) {
        return false;
      }
    }
    return true;
  }

  public static byte[] digest(byte[] data) {
    int[] h = Arrays.copyOf(H0, 8);
    // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
    int padded = ((data.length + 9 + 63) / 64) * 64;
    byte[] m = new byte[padded];
    System.arraycopy(data, 0, m, 0, data.length);
    m[data.length] = (byte) 0x80;
    int bitsHigh = data.length >>> 29;
    int bitsLow = data.length << 3;
    putInt(m, padded - 8, bitsHigh);
    putInt(m, padded - 4, bitsLow);
    int[] w = new int[64];
    for (int block = 0; block < padded; block += 64) {
      for (int t = 0; t < 16; t++) {
        int i = block + 4 * t;
        w[t] =
            ((m[i] & 0xff) << 24)
                | ((m[i + 1] & 0xff) << 16)
                | ((m[i + 2] & 0xff) << 8)
                | (m[i + 3] & 0xff);
      }
      for (int t = 16; t < 64; t++) {
        int s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
        int s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
      }
      int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (int t = 0; t < 64; t++) {
        int t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
        int t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
      }
      h[0] += a;
      h[1] += b;
      h[2] += c;
      h[3] += d;
      h[4] += e;
      h[5] += f;
      h[6] += g;
      h[7] += k;
    }
    byte[] out = new byte[BYTES];
    for (int i = 0; i < 8; i++) {
      putInt(out, 4 * i, h[i]);
    }
    return out;
  }

  private static int rotr(int x, int n) {
    return (x >>> n) | (x << (32 - n));
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
