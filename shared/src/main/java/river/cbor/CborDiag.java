package river.cbor;

import java.util.List;

/**
 * Diagnostic notation (RFC 8949 §8, with the §8.1 "_" marker for indefinite lengths): a readable
 * rendering for logs, error messages and tests, e.g. {@code {"id": 1, "op": "Ping"}}, {@code
 * h'0102'}, {@code (_ "a", "b")}, {@code [_ 1, 2]}, {@code 1(1363896240)}, {@code
 * -18446744073709551616}. Text is escaped with JSON rules.
 *
 * <p>Hazard: Double.toString differs between the JVM ("1.0E300") and J2CL/JavaScript ("1e+300"), so
 * floats are re-formatted from their digits into one JavaScript-like form on both: plain decimals
 * for exponents -6..20 (always with a fraction, "100000.0"), otherwise "d.ddde+XX". The optional
 * width suffix shows the encoded width: _1 half, _2 single, _3 double.
 */
public final class CborDiag {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CborDiag() {}

  public static String format(CborItem item) {
    return format(item, false);
  }

  /** With {@code floatWidths}, floats carry their encoding indicator, e.g. {@code 1.5_1}. */
  public static String format(CborItem item, boolean floatWidths) {
    StringBuilder sb = new StringBuilder();
    append(sb, item, floatWidths);
    return sb.toString();
  }

  /**
   * Diagnostic notation cut to about 40 characters, for error messages that echo hostile input (a
   * peer must not be able to make our error responses as large as its frames). Never splits a
   * surrogate pair, so the message stays encodable as CBOR text.
   */
  public static String brief(CborItem item) {
    return brief(format(item));
  }

  /** {@code text} cut to about 40 characters (see {@link #brief(CborItem)}). */
  public static String brief(String text) {
    int max = 40;
    if (text.length() <= max) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, cut) + "...";
  }

  private static void append(StringBuilder sb, CborItem item, boolean widths) {
    switch (item.kind()) {
      case UNSIGNED:
        sb.append(unsignedDecimal(item.asUint64Bits()));
        break;
      case NEGATIVE:
        {
          long n = item.negativeBits();
          sb.append('-').append(n == -1L ? "18446744073709551616" : unsignedDecimal(n + 1));
          break;
        }
      case BYTES:
      case TEXT:
        appendString(sb, item);
        break;
      case ARRAY:
        {
          sb.append(item.isIndefinite() ? "[_ " : "[");
          List<CborItem> items = item.items();
          for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ");
            append(sb, items.get(i), widths);
          }
          sb.append(']');
          break;
        }
      case MAP:
        {
          sb.append(item.isIndefinite() ? "{_ " : "{");
          List<CborEntry> entries = item.entries();
          for (int i = 0; i < entries.size(); i++) {
            sb.append(i == 0 ? "" : ", ");
            append(sb, entries.get(i).key(), widths);
            sb.append(": ");
            append(sb, entries.get(i).value(), widths);
          }
          sb.append('}');
          break;
        }
      case TAG:
        sb.append(unsignedDecimal(item.tagNumber())).append('(');
        append(sb, item.tagContent(), widths);
        sb.append(')');
        break;
      case SIMPLE:
        appendSimple(sb, item.simpleValue());
        break;
      default:
        sb.append(formatDouble(item.asDouble()));
        if (widths) {
          int w = item.floatWidth();
          sb.append(w == 2 ? "_1" : w == 4 ? "_2" : "_3");
        }
        break;
    }
  }

  private static void appendString(StringBuilder sb, CborItem item) {
    List<CborItem> chunks = item.chunks();
    if (chunks == null) {
      appendDefiniteString(sb, item);
    } else if (chunks.isEmpty()) {
      sb.append(item.kind() == CborKind.BYTES ? "''_" : "\"\"_");
    } else {
      sb.append("(_ ");
      for (int i = 0; i < chunks.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        appendDefiniteString(sb, chunks.get(i));
      }
      sb.append(')');
    }
  }

  private static void appendDefiniteString(StringBuilder sb, CborItem item) {
    if (item.kind() == CborKind.BYTES) {
      sb.append("h'");
      for (byte b : item.asBytesShared()) {
        sb.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      sb.append('\'');
    } else {
      appendJsonString(sb, item.asText());
    }
  }

  private static void appendSimple(StringBuilder sb, int v) {
    switch (v) {
      case 20:
        sb.append("false");
        break;
      case 21:
        sb.append("true");
        break;
      case 22:
        sb.append("null");
        break;
      case 23:
        sb.append("undefined");
        break;
      default:
        sb.append("simple(").append(v).append(')');
        break;
    }
  }

  static void appendJsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  /** The 64 bits of {@code v} read as an unsigned decimal (0 .. 18446744073709551615). */
  public static String unsignedDecimal(long v) {
    if (v >= 0) {
      return Long.toString(v);
    }
    long q = (v >>> 1) / 5; // v / 10, done unsigned
    long r = v - q * 10;
    return Long.toString(q) + r;
  }

  /** First {@code n} digits of {@code digits}, rounded half-up (may grow by one digit). */
  private static String roundDigits(String digits, int n) {
    char[] c = digits.substring(0, n).toCharArray();
    if (digits.charAt(n) < '5') {
      return new String(c);
    }
    int i = n - 1;
    while (i >= 0 && c[i] == '9') {
      c[i] = '0';
      i--;
    }
    if (i < 0) {
      return "1" + new String(c);
    }
    c[i]++;
    return new String(c);
  }

  private static String stripTrailingZeros(String digits) {
    int last = digits.length();
    while (last > 1 && digits.charAt(last - 1) == '0') {
      last--;
    }
    return digits.substring(0, last);
  }

  /** Platform-independent rendering of a double (see the class comment). */
  static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    String sign = Double.doubleToLongBits(d) < 0 ? "-" : "";
    if (d == 0) {
      return sign + "0.0";
    }
    String s = Double.toString(Math.abs(d));
    int e = Math.max(s.indexOf('E'), s.indexOf('e'));
    int exp = 0;
    String mantissa = s;
    if (e >= 0) {
      String expText = s.substring(e + 1);
      if (expText.startsWith("+")) {
        expText = expText.substring(1);
      }
      exp = Integer.parseInt(expText);
      mantissa = s.substring(0, e);
    }
    int dot = mantissa.indexOf('.');
    int pointPos = dot < 0 ? mantissa.length() : dot;
    String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    pointPos -= lead;
    digits = stripTrailingZeros(digits);
    int e10 = pointPos + exp - 1; // value = d.ddd * 10^e10
    // Java before 19 sometimes prints more digits than needed (JDK-4511638, e.g. 2^-24 as
    // 5.9604644775390625E-8); JavaScript prints the shortest digits that read back the same.
    double abs = Math.abs(d);
    for (int n = 1; n < digits.length(); n++) {
      String rounded = roundDigits(digits, n);
      int shift = rounded.length() > n ? 1 : 0; // "99" rounded up to "100"
      String candidate = rounded.substring(0, n);
      if (Double.parseDouble(
              candidate.charAt(0) + "." + candidate.substring(1) + "0E" + (e10 + shift))
          == abs) {
        digits = stripTrailingZeros(candidate);
        e10 += shift;
        break;
      }
    }
    StringBuilder sb = new StringBuilder(sign);
    if (e10 >= -6 && e10 <= 20) {
      if (e10 >= 0) {
        for (int i = 0; i <= e10; i++) {
          sb.append(i < digits.length() ? digits.charAt(i) : '0');
        }
        sb.append('.').append(digits.length() > e10 + 1 ? digits.substring(e10 + 1) : "0");
      } else {
        sb.append("0.");
        for (int i = -1; i > e10; i--) {
          sb.append('0');
        }
        sb.append(digits);
      }
    } else {
      sb.append(digits.charAt(0)).append('.');
      sb.append(digits.length() > 1 ? digits.substring(1) : "0");
      sb.append(e10 < 0 ? "e-" : "e+").append(Math.abs(e10));
    }
    return sb.toString();
  }
}
