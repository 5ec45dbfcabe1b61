package river.cbor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.j2cl.junit.apt.J2clTestInput;
import org.junit.Test;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomsCodec;
import river.store.Base58;
import river.store.CasDecision;
import river.store.CasRule;
import river.store.Envelope;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Request;
import river.wire.Response;
import river.wire.WireCodec;

/**
 * Runs in the browser (j2cl:test, HtmlUnit): what can differ between the JVM and JavaScript, where
 * long is emulated, float is a double and strings are UTF-16 without charset encoders: 64-bit
 * integers at the edges, float16/32 bit patterns and their diagnostic text, UTF-8 with surrogate
 * pairs. JUnit 4 API, kept out of the JVM JUnit 5 run by living in src/j2cl-test.
 */
@J2clTestInput(CborJsEdgeTest.class)
public class CborJsEdgeTest {

  private static byte[] bytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
    return sb.toString();
  }

  private static void roundTrip(String hex, String diag) {
    CborItem item = Cbor.decode(bytes(hex));
    assertEquals(diag, CborDiag.format(item));
    assertEquals(hex, hex(Cbor.encode(item)));
  }

  @Test
  public void unsigned64BitEdges() {
    roundTrip("1bffffffffffffffff", "18446744073709551615");
    roundTrip("1b8000000000000000", "9223372036854775808");
    roundTrip("1b7fffffffffffffff", "9223372036854775807");
    roundTrip("1b0000000100000000", "4294967296");
    roundTrip("1affffffff", "4294967295");
    assertEquals(-1L, Cbor.decode(bytes("1bffffffffffffffff")).asUint64Bits());
    assertEquals(Long.MAX_VALUE, Cbor.decode(bytes("1b7fffffffffffffff")).asLong());
  }

  @Test
  public void negative64BitEdges() {
    roundTrip("3bffffffffffffffff", "-18446744073709551616");
    roundTrip("3b7fffffffffffffff", "-9223372036854775808");
    roundTrip("20", "-1");
    assertEquals(Long.MIN_VALUE, Cbor.decode(bytes("3b7fffffffffffffff")).asSignedLong());
    assertEquals("3b7fffffffffffffff", hex(Cbor.encode(CborItem.integer(Long.MIN_VALUE))));
  }

  @Test
  public void generationsNear2To64() {
    byte[] w = Envelope.wrap(-1L, new byte[] {7});
    assertEquals("01ffffffffffffffff07", hex(w));
    assertEquals(-1L, Envelope.unwrap(w).generation());
    assertEquals(CasDecision.Kind.FAILED, CasRule.casStore(w, -1L, new byte[0]).kind());
    CasDecision d = CasRule.casStore(Envelope.wrap(-2L, new byte[0]), -2L, new byte[0]);
    assertEquals(-1L, d.generation());
  }

  @Test
  public void halfFloatBitPatterns() {
    roundTrip("f90001", "5.960464477539063e-8");
    roundTrip("f90400", "0.00006103515625");
    roundTrip("f97bff", "65504.0");
    roundTrip("f93c00", "1.0");
    roundTrip("f98000", "-0.0");
    roundTrip("f97c00", "Infinity");
    roundTrip("f9fc00", "-Infinity");
    roundTrip("f97e00", "NaN");
    roundTrip("f97e01", "NaN"); // payload kept through decode → encode
  }

  @Test
  public void singleAndDoubleFloatBitPatterns() {
    roundTrip("fa47c35000", "100000.0");
    roundTrip("fa7f7fffff", "3.4028234663852886e+38");
    roundTrip("fa00000001", "1.401298464324817e-45");
    roundTrip("fb7e37e43c8800759c", "1.0e+300");
    roundTrip("fb3ff199999999999a", "1.1");
    roundTrip("fbc010666666666666", "-4.1");
    assertEquals("fa3fc00000", hex(Cbor.encode(CborItem.float32(1.5f))));
    assertEquals("fa00000001", hex(Cbor.encode(CborItem.float32(Float.intBitsToFloat(1)))));
  }

  @Test
  public void utf8SurrogatePairsRoundTrip() {
    String s = "a\u20ac\ud83d\ude00";
    assertEquals("6861e282acf09f9880", hex(Cbor.encode(CborItem.text(s))));
    assertEquals(s, Cbor.decode(bytes("6861e282acf09f9880")).asText());
    assertEquals("\udbff\udfff", Cbor.decode(bytes("64f48fbfbf")).asText());
  }

  @Test
  public void strictUtf8RejectsWhatJavaScriptDecodersWouldReplace() {
    for (String bad : new String[] {"63eda080", "62c0af", "64f4908080", "6180"}) {
      try {
        Cbor.decode(bytes(bad));
        fail("accepted " + bad);
      } catch (CborException expected) {
        assertTrue(expected.getMessage().contains("UTF-8"));
      }
    }
  }

  @Test
  public void unpairedSurrogateCannotBecomeText() {
    try {
      CborItem.text("x\ud800");
      fail("accepted an unpaired surrogate");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("surrogate"));
    }
  }

  @Test
  public void pingFrameBytes() {
    assertEquals(
        "a262696401626f706450696e67", hex(WireCodec.encodeRequest(new Request(1, Op.PING))));
    assertEquals(
        -1L, WireCodec.decodeRequest(bytes("a26269641bffffffffffffffff626f706450696e67")).id());
  }

  @Test
  public void cursorReadsTheLongAndIntEdgesAsTheJvmDoes() {
    assertEquals(Long.MAX_VALUE, new CborCursor(bytes("1b7fffffffffffffff")).uint());
    assertEquals(4294967295L, new CborCursor(bytes("1affffffff")).uint());
    assertEquals(0x7fffffff, new CborCursor(bytes("5a7fffffff")).count(CborCursor.BYTES));
    for (String tooBig : new String[] {"1b8000000000000000", "1bffffffffffffffff"}) {
      try {
        new CborCursor(bytes(tooBig)).uint();
        fail("read " + tooBig + " as a long");
      } catch (CborException expected) {
        // the tree decoder decides about these
      }
    }
    try {
      new CborCursor(bytes("5a80000000")).count(CborCursor.BYTES);
      fail("read a length of 2^31 as an int");
    } catch (CborException expected) {
      // left to the tree decoder
    }
  }

  @Test
  public void roomSlotsReadWithoutATreeAsOnTheJvm() throws Exception {
    RoomsCodec codec = new CborRoomsCodec();
    RoomData data =
        RoomData.builder(RoomKey.of(Bytes.filled(32, 7)))
            .nickname("Zo\u00eb \ud83d\ude00")
            .nicknameVersion(Long.MAX_VALUE)
            .identityGeneration(1L << 40)
            .membership(Bytes.filled(300, 5))
            .lastRead(new LastRead(99, Bytes.filled(16, 1)))
            .addInvitationSecret(Bytes.filled(8, 2))
            .build();
    byte[] encoded = codec.encodeSlot(RoomSlot.present(data));
    assertEquals(RoomSlot.present(data), codec.decodeSlot(encoded));
    assertTrue(codec.decodeSlot(codec.encodeSlot(RoomSlot.TOMBSTONE)).isTombstone());
  }

  @Test
  public void getManyAnswersReadWithoutATreeAsOnTheJvm() {
    java.util.List<byte[]> keys = java.util.Arrays.asList(bytes("01"), bytes("0203"));
    java.util.List<byte[]> values = java.util.Arrays.asList(bytes("ff00"), null);
    long[] generations = {1L << 40, Long.MAX_VALUE};
    Response sent =
        Response.ok(
            (1L << 49) + 1,
            new OpResult.Delegate(new DelegateResponse.GetMany(keys, values, generations)));
    assertEquals(sent, WireCodec.decodeServerFrame(WireCodec.encodeResponse(sent)));
  }

  /** Base58 in the browser: the same bytes as on the JVM, at the edges of its arithmetic too. */
  @Test
  public void base58DecodesAsOnTheJvm() {
    assertEquals(
        "48656c6c6f20576f726c6421", hex(Base58.decode("2NEpo7TZRRrLZSi2U"))); // "Hello World!"
    assertEquals("0000287fb4cd", hex(Base58.decode("11233QC4")));
    for (int len = 1; len <= 33; len++) {
      byte[] one = new byte[len];
      one[0] = 1;
      byte[] ff = new byte[len];
      java.util.Arrays.fill(ff, (byte) 0xff);
      for (byte[] b : new byte[][] {one, ff}) {
        assertEquals(hex(b), hex(Base58.decode(Base58.encode(b))));
      }
    }
  }

  @Test
  public void listAnswersReadWithoutATreeAsOnTheJvm() {
    java.util.List<byte[]> keys = java.util.Arrays.asList(bytes("01"), bytes(""), bytes("7a7a"));
    Response sent =
        Response.ok((1L << 49) + 2, new OpResult.Delegate(new DelegateResponse.ListKeys(keys)));
    assertEquals(sent, WireCodec.decodeServerFrame(WireCodec.encodeResponse(sent)));
  }

  @Test
  public void listValuesAnswersReadWithoutATreeAsOnTheJvm() {
    java.util.List<byte[]> keys = java.util.Arrays.asList(bytes("01"), bytes("02"), bytes("7a"));
    java.util.List<byte[]> values = java.util.Arrays.asList(bytes("ff00"), null);
    Response sent =
        Response.ok(
            (1L << 49) + 3,
            new OpResult.Delegate(
                new river.wire.ListValuesResponse(keys, values, new long[] {1L << 40, 0})));
    assertEquals(sent, WireCodec.decodeServerFrame(WireCodec.encodeResponse(sent)));
    // the budget rule with a u64 budget of 2^63 and more (a negative long)
    assertEquals(
        2, river.wire.ListValuesResponse.fitting(keys, values, new long[] {1, 2}, -1L).valued());
    assertEquals(
        1, river.wire.ListValuesResponse.fitting(keys, values, new long[] {1, 2}, 14).valued());
  }
}
