package river.cbor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Push;
import river.wire.Request;
import river.wire.Response;
import river.wire.UnitResult;
import river.wire.WireCodec;
import river.wire.WireException;

/**
 * Fuzzes the frame decoders with 1,000,000 random and mutated frames (bit flips, truncations,
 * insertions of random and "dangerous" bytes such as huge declared lengths, splices). Nothing may
 * escape but WireException (CborException at the raw decoder), and the raw decoder may never
 * allocate more elements than the input has bytes. Prints throughput.
 */
class FrameFuzzTest {
  private static final int FRAMES = 1_000_000;
  private static final byte[][] DANGEROUS = {
    {0x5b, -1, -1, -1, -1, -1, -1, -1, -1},
    {0x7a, 0x7f, -1, -1, -1},
    {(byte) 0x9b, 0, 0, 0, 1, 0, 0, 0, 0},
    {(byte) 0xbb, 0x7f, -1, -1, -1, -1, -1, -1, -1},
    {(byte) 0x9f},
    {(byte) 0xbf},
    {0x5f},
    {0x7f},
    {(byte) 0xff},
    {(byte) 0xc1},
    {(byte) 0xf8, 0x10},
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {(byte) 0xf9, 0x7e, 0},
    {0x1c},
    {(byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81}
  };

  static List<byte[]> corpus() {
    byte[] key = "room:abc".getBytes();
    byte[] d = new byte[32];
    List<byte[]> out = new ArrayList<>();
    for (DelegateRequest m :
        Arrays.asList(
            new DelegateRequest.Get(key),
            new DelegateRequest.Store(key, new byte[] {1, 2}),
            DelegateRequest.LIST,
            new DelegateRequest.CasStore(key, new byte[] {3}, -1L),
            new DelegateRequest.Delete(key),
            new DelegateRequest.GetVersioned(key))) {
      out.add(WireCodec.encodeRequest(new Request(7, new Op.Delegate(d, m))));
    }
    out.add(WireCodec.encodeRequest(new Request(1, Op.PING)));
    out.add(WireCodec.encodeRequest(new Request(2, new Op.Get(key, true))));
    out.add(WireCodec.encodeRequest(new Request(3, new Op.Update(key, new byte[] {9}))));
    out.add(WireCodec.encodeResponse(Response.ok(1, OpResult.PONG)));
    out.add(WireCodec.encodeResponse(Response.err(1, ErrorCodes.MALFORMED, "x")));
    out.add(
        WireCodec.encodeResponse(
            Response.ok(
                4,
                new OpResult.Delegate(
                    new DelegateResponse.CasStore(
                        key, new CasStoreResult.Conflict(3, new byte[] {1}))))));
    out.add(
        WireCodec.encodeResponse(
            Response.ok(
                4,
                new OpResult.Delegate(new DelegateResponse.Store(key, 3, UnitResult.err("no"))))));
    out.add(
        WireCodec.encodeResponse(
            Response.ok(
                4,
                new OpResult.Delegate(
                    new DelegateResponse.ListKeys(Arrays.asList(key, key.clone()))))));
    out.add(WireCodec.encodePush(new Push(new Event.DelegateKeyChanged(d, key, 5))));
    out.add(TestHex.bytes("bf62696401626f706450696e67ff")); // indefinite, as Jackson writes
    RandomItems gen = new RandomItems(99);
    for (int i = 0; i < 10; i++) {
      out.add(Cbor.encode(gen.item(3, false)));
    }
    return out;
  }

  static byte[] mutate(byte[] in, Random r) {
    byte[] b = in;
    // Mostly one mutation, so many frames stay close to valid and reach the wire mapping.
    int rounds = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
    for (int k = 0; k < rounds; k++) {
      switch (r.nextInt(6)) {
        case 0:
          { // bit flip
            if (b.length == 0) {
              break;
            }
            b = b.clone();
            int p = r.nextInt(b.length);
            b[p] ^= (byte) (1 << r.nextInt(8));
            break;
          }
        case 1: // truncation
          b = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
          break;
        case 2:
          { // insert random bytes
            byte[] ins = new byte[1 + r.nextInt(4)];
            r.nextBytes(ins);
            b = insert(b, ins, r);
            break;
          }
        case 3: // insert a dangerous head
          b = insert(b, DANGEROUS[r.nextInt(DANGEROUS.length)], r);
          break;
        case 4:
          { // overwrite a byte
            if (b.length == 0) {
              break;
            }
            b = b.clone();
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            break;
          }
        default:
          { // splice: duplicate a slice
            if (b.length < 2) {
              break;
            }
            int from = r.nextInt(b.length);
            int len = 1 + r.nextInt(b.length - from);
            b = insert(b, Arrays.copyOfRange(b, from, from + len), r);
          }
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, byte[] ins, Random r) {
    int p = r.nextInt(b.length + 1);
    byte[] out = new byte[b.length + ins.length];
    System.arraycopy(b, 0, out, 0, p);
    System.arraycopy(ins, 0, out, p, ins.length);
    System.arraycopy(b, p, out, p + ins.length, b.length - p);
    return out;
  }

  @Test
  void millionFramesNeverEscapeTheTypedErrors() {
    List<byte[]> corpus = corpus();
    Random r = new Random(20261126);
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int decoded = 0;
    int wellFormed = 0;
    for (int i = 0; i < FRAMES; i++) {
      byte[] frame;
      if (i % 10 == 0) {
        frame = new byte[r.nextInt(24)];
        r.nextBytes(frame);
      } else {
        frame = mutate(corpus.get(r.nextInt(corpus.size())), r);
      }
      try {
        CborDecoder raw = new CborDecoder(frame, 0);
        try {
          raw.readItem(1);
          wellFormed++;
        } catch (CborException expected) {
          // fine: typed rejection
        }
        if (raw.largestAllocation() > frame.length) {
          fail(
              "allocated "
                  + raw.largestAllocation()
                  + " for "
                  + frame.length
                  + " bytes: "
                  + TestHex.hex(frame));
        }
        try {
          WireCodec.decodeRequest(frame);
          decoded++;
        } catch (WireException expected) {
          // fine: typed rejection
        }
        try {
          WireCodec.decodeServerFrame(frame);
          decoded++;
        } catch (WireException expected) {
          // fine: typed rejection
        }
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        throw new AssertionError("escaped on frame " + i + ": " + TestHex.hex(frame), e);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // Wall time depends on what else the shared machine runs; CPU time is this thread's own.
    System.out.printf(
        "frame fuzz: %d frames in %.2f s wall (%.0f frames/s), %.2f s CPU "
            + "(%.0f frames/s); %d well-formed CBOR, %d decoded as frames%n",
        FRAMES, seconds, FRAMES / seconds, cpuSeconds, FRAMES / cpuSeconds, wellFormed, decoded);
    assertTrue(decoded > 0, "some mutations must still decode, or the fuzzer only tests garbage");
    assertTrue(seconds < 60, "fuzz took " + seconds + " s");
  }
}
