package river.cbor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random generators of nested values for property-style tests (JVM only): CBOR items of
 * every kind, and plain Java trees as Jackson serializes them. Edge values (0, 23, 24, 2^63,
 * 2^64-1, NaN, -0.0, surrogate pairs, empty containers) are drawn often on purpose.
 */
public final class RandomItems {
  private static final long[] EDGE_LONGS = {
    0,
    1,
    23,
    24,
    255,
    256,
    65535,
    65536,
    0xFFFFFFFFL,
    0x100000000L,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    -1L,
    -2L
  };
  private final Random random;

  public RandomItems(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  public long anyLong() {
    return random.nextInt(3) == 0
        ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)]
        : random.nextInt(2) == 0 ? random.nextLong() : random.nextInt(1000);
  }

  /** Text of random code points (never lone surrogates), often outside the BMP. */
  public String text() {
    int n = random.nextInt(10);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(4);
      int cp =
          kind == 0
              ? random.nextInt(0x80)
              : kind == 1
                  ? random.nextInt(0x800)
                  : kind == 2 ? random.nextInt(0x10000) : 0x10000 + random.nextInt(0x100000);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 'x';
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  public byte[] bytes() {
    byte[] b = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(40)];
    random.nextBytes(b);
    return b;
  }

  /**
   * A random item. With {@code jacksonSafe}: no tags, no simple(n) but false/true/null, and text
   * map keys only, so Jackson can hold it as a JsonNode tree.
   */
  public CborItem item(int depth, boolean jacksonSafe) {
    int choice = random.nextInt(depth > 0 ? 14 : 11);
    switch (choice) {
      case 0:
        return CborItem.uint64(anyLong());
      case 1:
        return CborItem.negative64(anyLong());
      case 2:
        return CborItem.text(text());
      case 3:
        return CborItem.bytes(bytes());
      case 4:
        return new CborItem[] {CborItem.TRUE, CborItem.FALSE, CborItem.NULL}[random.nextInt(3)];
      case 5:
        return CborItem.float16Bits(random.nextInt(0x10000));
      case 6:
        return CborItem.float32(Float.intBitsToFloat(random.nextInt()));
      case 7:
        return CborItem.float64(
            random.nextInt(2) == 0
                ? Double.longBitsToDouble(random.nextLong())
                : new double[] {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, 1e300}
                    [random.nextInt(6)]);
      case 8:
        return jacksonSafe
            ? CborItem.uint(random.nextInt(30))
            : CborItem.simple(
                random.nextInt(2) == 0 ? random.nextInt(20) : 32 + random.nextInt(224));
      case 9:
        return jacksonSafe ? CborItem.text(text()) : CborItem.UNDEFINED;
      case 10:
        return CborItem.integer(random.nextInt(60) - 30);
      case 11:
        {
          int n = random.nextInt(6);
          List<CborItem> items = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            items.add(item(depth - 1, jacksonSafe));
          }
          return CborItem.array(items);
        }
      case 12:
        {
          int n = random.nextInt(6);
          CborMap.Builder b = CborMap.builder();
          Set<CborItem> keys = new HashSet<>();
          for (int i = 0; i < n; i++) {
            CborItem key = jacksonSafe ? CborItem.text(text()) : item(depth - 1, false);
            if (keys.add(key)) {
              b.put(key, item(depth - 1, jacksonSafe));
            }
          }
          return b.build();
        }
      default:
        return jacksonSafe
            ? CborItem.array(item(depth - 1, true))
            : CborItem.tag(anyLong(), item(depth - 1, false));
    }
  }

  /**
   * A plain Java tree as Jackson serializes it: Long, String, byte[], Boolean, Double, null, List,
   * Map.
   */
  public Object javaValue(int depth) {
    int choice = random.nextInt(depth > 0 ? 9 : 7);
    switch (choice) {
      case 0:
        return anyLong();
      case 1:
        return text();
      case 2:
        return bytes();
      case 3:
        return random.nextBoolean();
      case 4:
        return random.nextInt(2) == 0
            ? random.nextDouble() * 1e6 - 5e5
            : Double.longBitsToDouble(random.nextLong());
      case 5:
        return null;
      case 6:
        return (long) (random.nextInt(60) - 30);
      case 7:
        {
          List<Object> list = new ArrayList<>();
          int n = random.nextInt(6);
          for (int i = 0; i < n; i++) {
            list.add(javaValue(depth - 1));
          }
          return list;
        }
      default:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          int n = random.nextInt(6);
          for (int i = 0; i < n; i++) {
            map.put(text(), javaValue(depth - 1));
          }
          return map;
        }
    }
  }
}
