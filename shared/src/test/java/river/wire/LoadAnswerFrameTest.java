package river.wire;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The tree-less reader of List, GetMany and ListValues answers against the usual decoding it stands
 * in for: where the reader answers, decoding the frame through the CBOR tree must give the same
 * response; it must answer for every such answer the codec writes (ids and generations under 2^63);
 * and frames of any other shape must reach the usual decoding.
 */
class LoadAnswerFrameTest {
  /** The usual decoding's verdict (the tree, without the reader): its frame, or null if refused. */
  private static ServerFrame tree(byte[] frame) {
    try {
      CborItem root = Cbor.decode(frame);
      Fields f = Fields.of(root, "server frame");
      if (root.get("push") != null) {
        return new Push(Event.fromCbor(root.get("push")));
      }
      long id = f.uint64("id");
      CborItem ok = root.get("ok");
      CborItem err = root.get("err");
      if ((ok == null) == (err == null)) {
        return null;
      }
      return ok != null
          ? Response.ok(id, OpResult.fromCbor(ok))
          : Response.err(
              id, Fields.of(err, "err").text("code"), Fields.of(err, "err").text("message"));
    } catch (RuntimeException refused) {
      return null;
    }
  }

  private static boolean agrees(byte[] frame) {
    Response fast = LoadAnswerFrame.read(frame);
    if (fast != null) {
      assertEquals(tree(frame), fast, () -> "reader and tree differ on " + Arrays.toString(frame));
    }
    return fast != null;
  }

  private static byte[] answer(Random r, int n) {
    return answer(r, n, false);
  }

  /** A GetMany answer of {@code n} keys, or with {@code listValues} a ListValues answer. */
  private static byte[] answer(Random r, int n, boolean listValues) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    long[] generations = new long[n];
    for (int i = 0; i < n; i++) {
      byte[] k = new byte[1 + r.nextInt(60)];
      r.nextBytes(k);
      keys.add(k);
      byte[] v = r.nextInt(5) == 0 ? null : new byte[r.nextInt(40) == 0 ? 70_000 : r.nextInt(400)];
      if (v != null) {
        r.nextBytes(v);
      }
      values.add(v);
      generations[i] = r.nextInt(3) == 0 ? Long.MAX_VALUE - r.nextInt(9) : r.nextInt(100_000);
    }
    int valued = r.nextInt(n + 1);
    DelegateResponse answer =
        listValues
            ? new ListValuesResponse(
                keys, values.subList(0, valued), Arrays.copyOf(generations, valued))
            : new DelegateResponse.GetMany(keys, values, generations);
    return WireCodec.encodeResponse(
        Response.ok(
            r.nextBoolean() ? r.nextInt(300) : (1L << 49) + r.nextInt(99),
            new OpResult.Delegate(answer)));
  }

  private static byte[] listAnswer(Random r, int n) {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] k = new byte[r.nextInt(70)];
      r.nextBytes(k);
      keys.add(k);
    }
    return WireCodec.encodeResponse(
        Response.ok(
            r.nextBoolean() ? r.nextInt(300) : (1L << 49) + r.nextInt(99),
            new OpResult.Delegate(new DelegateResponse.ListKeys(keys))));
  }

  /** A GetMany, a List or a ListValues answer of about {@code n} keys, in turn. */
  private static byte[] either(Random r, int i, int n) {
    return i % 3 == 0 ? answer(r, n) : i % 3 == 1 ? listAnswer(r, n * 4) : answer(r, n, true);
  }

  @Test
  void readsEveryGetManyAnswerTheCodecWritesAsTheTreeDoes() {
    Random r = new Random(18);
    for (int i = 0; i < 300; i++) {
      byte[] frame = answer(r, i % 130);
      assertNotNull(LoadAnswerFrame.read(frame), "answer " + i);
      assertTrue(agrees(frame));
      assertEquals(tree(frame), WireCodec.decodeServerFrame(frame));
    }
  }

  @Test
  void readsEveryListValuesAnswerTheCodecWritesAsTheTreeDoes() {
    Random r = new Random(1000);
    for (int i = 0; i < 300; i++) {
      byte[] frame = answer(r, i % 130, true);
      Response read = LoadAnswerFrame.read(frame);
      assertNotNull(read, "answer " + i);
      assertTrue(((OpResult.Delegate) read.result()).response() instanceof ListValuesResponse);
      assertTrue(agrees(frame));
      assertEquals(tree(frame), WireCodec.decodeServerFrame(frame));
    }
  }

  @Test
  void readsEveryListAnswerTheCodecWritesAsTheTreeDoes() {
    Random r = new Random(500);
    for (int i = 0; i < 300; i++) {
      byte[] frame = listAnswer(r, i * 2);
      assertNotNull(LoadAnswerFrame.read(frame), "answer " + i);
      assertTrue(agrees(frame));
      assertEquals(tree(frame), WireCodec.decodeServerFrame(frame));
    }
  }

  @Test
  void neverAnswersDifferentlyFromTheTreeOnMutatedFrames() {
    Random r = new Random(347);
    int answered = 0;
    int mutants = 0;
    for (int i = 0; i < 200; i++) {
      byte[] good = either(r, i, 1 + r.nextInt(6));
      for (int k = 0; k < 40; k++) {
        int at = r.nextInt(good.length);
        byte[] changed = good.clone();
        changed[at] = (byte) r.nextInt(256);
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        cut.write(good, 0, at);
        cut.write(good, at + 1, good.length - at - 1);
        for (byte[] m : List.of(changed, cut.toByteArray(), Arrays.copyOf(good, at))) {
          mutants++;
          if (agrees(m)) {
            answered++;
          }
        }
      }
    }
    assertTrue(answered > mutants / 20, answered + " of " + mutants);
  }

  @Test
  void leavesEveryOtherShapeToTheTree() {
    List<byte[]> keys = List.of(new byte[] {1});
    CborItem usual =
        new OpResult.Delegate(
                new DelegateResponse.GetMany(keys, List.of(new byte[] {2}), new long[] {3}))
            .toCbor();
    CborItem many = usual.get("Delegate").get("GetManyResponse");
    List<byte[]> shapes =
        List.of(
            // fields in another order, and an extra field: the tree reads both
            frame(CborMap.builder().put("ok", usual).put("id", CborItem.uint(7)).build()),
            frame(
                CborMap.builder()
                    .put("id", CborItem.uint(7))
                    .put("ok", usual)
                    .put("note", CborItem.text("x"))
                    .build()),
            // values and generations of other lengths: refused
            frame(okWith(many, "generations", CborItem.array())),
            frame(okWith(many, "values", CborItem.array(CborItem.NULL, CborItem.NULL))),
            // a value that is neither bytes nor null, and a generation of 2^64-1
            frame(okWith(many, "values", CborItem.array(CborItem.text("v")))),
            frame(okWith(many, "generations", CborItem.array(CborItem.uint64(-1L)))),
            // an id of 2^64-1, an error, a Pong, a push
            WireCodec.encodeResponse(
                Response.ok(
                    -1L,
                    new OpResult.Delegate(
                        new DelegateResponse.GetMany(
                            keys, List.of(new byte[] {2}), new long[] {3})))),
            WireCodec.encodeResponse(Response.err(4, "too_large", "x")),
            WireCodec.encodeResponse(Response.ok(5, OpResult.PONG)),
            WireCodec.encodePush(
                new Push(new Event.DelegateKeyChanged(new byte[32], new byte[] {1}, 2))),
            // a List answer with an extra field, and with a key that is text, not bytes
            frame(
                delegate(
                    "ListResponse",
                    CborMap.builder()
                        .put("keys", CborItem.array(CborItem.bytes(new byte[] {1})))
                        .put("more", CborItem.TRUE)
                        .build())),
            frame(
                delegate(
                    "ListResponse",
                    CborMap.builder().put("keys", CborItem.array(CborItem.text("k"))).build())),
            // an array count far beyond the frame's bytes: refused, nothing that size allocated
            new byte[] {
              (byte) 0xa2,
              0x62,
              'i',
              'd',
              0x01,
              0x62,
              'o',
              'k',
              (byte) 0xa1,
              0x68,
              'D',
              'e',
              'l',
              'e',
              'g',
              'a',
              't',
              'e',
              (byte) 0xa1,
              0x6f,
              'G',
              'e',
              't',
              'M',
              'a',
              'n',
              'y',
              'R',
              'e',
              's',
              'p',
              'o',
              'n',
              's',
              'e',
              (byte) 0xa3,
              0x64,
              'k',
              'e',
              'y',
              's',
              (byte) 0x9a,
              0x7f,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff
            },
            // a ListValues answer with more values than keys, and with fewer generations
            frame(
                delegate(
                    "ListValuesResponse",
                    withField(many, "values", CborItem.array(CborItem.NULL, CborItem.NULL)))),
            frame(
                delegate("ListValuesResponse", withField(many, "generations", CborItem.array()))));
    StringBuilder verdicts = new StringBuilder();
    for (byte[] b : shapes) {
      verdicts.append(agrees(b) ? 'r' : tree(b) != null ? 't' : '-');
      ServerFrame viaCodec;
      try {
        viaCodec = WireCodec.decodeServerFrame(b);
      } catch (WireException refused) {
        viaCodec = null;
      }
      assertEquals(tree(b), viaCodec);
    }
    // r: the reader answered (and agreed); t: left to the tree, which accepted; -: refused.
    assertEquals("tt---tttttt----", verdicts.toString());
  }

  private static CborItem okWith(CborItem many, String field, CborItem value) {
    return delegate("GetManyResponse", withField(many, field, value));
  }

  private static CborItem withField(CborItem many, String field, CborItem value) {
    CborMap.Builder b = CborMap.builder();
    for (String f : List.of("keys", "values", "generations")) {
      b.put(f, f.equals(field) ? value : many.get(f));
    }
    return b.build();
  }

  private static CborItem delegate(String variant, CborItem fields) {
    return CborMap.builder()
        .put("Delegate", CborMap.builder().put(variant, fields).build())
        .build();
  }

  private static byte[] frame(CborItem okValue) {
    if (okValue.get("id") != null || okValue.get("ok") != null) {
      return Cbor.encode(okValue);
    }
    return Cbor.encode(CborMap.builder().put("id", CborItem.uint(7)).put("ok", okValue).build());
  }
}
