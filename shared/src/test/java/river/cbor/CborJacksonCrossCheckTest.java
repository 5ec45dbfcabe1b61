package river.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks our codec against jackson-dataformat-cbor on thousands of random nested values, both
 * ways: Jackson writes (indefinite-length maps and arrays) → we decode; we encode → Jackson reads
 * and the trees are compared structurally. Also decode(encode(x)) == x for every kind. Seeded, so a
 * failure names the seed and iteration that reproduce it.
 */
class CborJacksonCrossCheckTest {
  private static final CBORMapper JACKSON = new CBORMapper();
  private static final int RUNS = 3000;

  @Test
  void weDecodeWhatJacksonWrites() throws Exception {
    RandomItems gen = new RandomItems(1);
    for (int i = 0; i < RUNS; i++) {
      Object value = gen.javaValue(4);
      byte[] bytes = JACKSON.writeValueAsBytes(value);
      try {
        assertJavaEquals(value, Cbor.decode(bytes));
      } catch (Throwable t) {
        throw new AssertionError("seed 1, run " + i + ": " + TestHex.hex(bytes), t);
      }
    }
  }

  @Test
  void jacksonWritesIndefiniteContainersThatWeAccept() throws Exception {
    byte[] bytes = JACKSON.writeValueAsBytes(Map.of("a", List.of(1L)));
    assertEquals("{_ \"a\": [1]}", CborDiag.format(Cbor.decode(bytes)));
  }

  @Test
  void jacksonReadsWhatWeWrite() throws Exception {
    RandomItems gen = new RandomItems(2);
    for (int i = 0; i < RUNS; i++) {
      CborItem item = gen.item(4, true);
      byte[] bytes = Cbor.encode(item);
      try {
        assertSameTree(item, JACKSON.readTree(bytes));
      } catch (Throwable t) {
        throw new AssertionError("seed 2, run " + i + ": " + item, t);
      }
    }
  }

  @Test
  void decodeOfEncodeIsIdentityAndStable() {
    RandomItems gen = new RandomItems(3);
    for (int i = 0; i < RUNS; i++) {
      CborItem item = gen.item(4, false);
      byte[] bytes = Cbor.encode(item);
      CborItem back = Cbor.decode(bytes);
      assertEquals(item, back, "run " + i);
      assertArrayEquals(bytes, Cbor.encode(back));
      assertEquals(CborDiag.format(item, true), CborDiag.format(back, true));
    }
  }

  // ---- structural comparison ----

  private static void assertJavaEquals(Object expected, CborItem actual) {
    if (expected == null) {
      assertTrue(actual.isNull(), "null vs " + actual);
    } else if (expected instanceof Long) {
      assertEquals((long) (Long) expected, actual.asSignedLong());
    } else if (expected instanceof String) {
      assertEquals(expected, actual.asText());
    } else if (expected instanceof byte[]) {
      assertArrayEquals((byte[]) expected, actual.asBytes());
    } else if (expected instanceof Boolean) {
      assertEquals(expected, actual.asBool());
    } else if (expected instanceof Double) {
      assertEquals((Double) expected, (Double) actual.asDouble());
    } else if (expected instanceof List) {
      List<?> list = (List<?>) expected;
      assertEquals(list.size(), actual.items().size());
      for (int i = 0; i < list.size(); i++) {
        assertJavaEquals(list.get(i), actual.items().get(i));
      }
    } else {
      Map<?, ?> map = (Map<?, ?>) expected;
      assertEquals(map.size(), actual.entries().size());
      Iterator<CborEntry> it = actual.entries().iterator();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        CborEntry got = it.next();
        assertEquals(e.getKey(), got.key().asText());
        assertJavaEquals(e.getValue(), got.value());
      }
    }
  }

  private static void assertSameTree(CborItem expected, JsonNode actual) throws Exception {
    switch (expected.kind()) {
      case UNSIGNED:
        assertTrue(actual.isIntegralNumber(), actual.getNodeType().toString());
        assertEquals(
            new BigInteger(Long.toUnsignedString(expected.asUint64Bits())),
            actual.bigIntegerValue());
        break;
      case NEGATIVE:
        assertTrue(actual.isIntegralNumber(), actual.getNodeType().toString());
        assertEquals(
            BigInteger.ONE
                .negate()
                .subtract(new BigInteger(Long.toUnsignedString(expected.negativeBits()))),
            actual.bigIntegerValue());
        break;
      case BYTES:
        assertArrayEquals(expected.asBytes(), actual.binaryValue());
        break;
      case TEXT:
        assertEquals(expected.asText(), actual.textValue());
        break;
      case ARRAY:
        assertTrue(actual.isArray());
        assertEquals(expected.items().size(), actual.size());
        for (int i = 0; i < actual.size(); i++) {
          assertSameTree(expected.items().get(i), actual.get(i));
        }
        break;
      case MAP:
        {
          assertTrue(actual.isObject());
          assertEquals(expected.entries().size(), actual.size());
          Iterator<Map.Entry<String, JsonNode>> fields = actual.fields();
          for (CborEntry e : expected.entries()) {
            Map.Entry<String, JsonNode> f = fields.next();
            assertEquals(e.key().asText(), f.getKey());
            assertSameTree(e.value(), f.getValue());
          }
          break;
        }
      case SIMPLE:
        if (expected.isNull()) {
          assertTrue(actual.isNull());
        } else {
          assertEquals(expected.asBool(), actual.booleanValue());
        }
        break;
      case FLOAT:
        assertTrue(actual.isFloatingPointNumber(), actual.getNodeType().toString());
        assertEquals((Double) expected.asDouble(), (Double) actual.doubleValue());
        break;
      default:
        throw new AssertionError("not generated: " + expected);
    }
  }
}
