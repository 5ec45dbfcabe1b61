package river.cbor;

import java.util.HexFormat;

/** Hex helpers for tests (JVM only). */
public final class TestHex {
  private TestHex() {}

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
