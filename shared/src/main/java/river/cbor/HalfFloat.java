package river.cbor;

/**
 * IEEE 754 binary16 (half precision, CBOR major 7 additional info 25) to double, by hand: the JVM
 * before Java 20 and J2CL have no half-float support. Layout: 1 sign bit, 5 exponent bits (bias
 * 15), 10 fraction bits. Hazard: subnormals (exponent 0) have no implicit leading 1.
 */
final class HalfFloat {
  private HalfFloat() {}

  static double toDouble(int bits16) {
    int exp = (bits16 >> 10) & 0x1F;
    int mant = bits16 & 0x3FF;
    double value;
    if (exp == 0) {
      value = mant * 5.9604644775390625E-8; // mant * 2^-24
    } else if (exp != 31) {
      value = (mant + 1024) * Math.pow(2, exp - 25);
    } else {
      value = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return (bits16 & 0x8000) != 0 ? -value : value;
  }
}
