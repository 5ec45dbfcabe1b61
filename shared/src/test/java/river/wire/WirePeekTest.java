package river.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding a response's id from the first bytes of its frame (the shell's own answers). */
class WirePeekTest {
  private static byte[] prefix(byte[] frame) {
    return Arrays.copyOf(frame, Math.min(32, frame.length));
  }

  @Test
  void aResponsesIdIsReadFromItsFirst32Bytes() {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add(("room:" + i).getBytes());
      values.add(new byte[300]);
    }
    byte[] big =
        WireCodec.encodeResponse(
            Response.ok(
                (1L << 49) + 7,
                new OpResult.Delegate(new DelegateResponse.GetMany(keys, values, new long[100]))));
    assertEquals((1L << 49) + 7, WireCodec.peekResponseId(prefix(big)));
    assertEquals(
        3, WireCodec.peekResponseId(WireCodec.encodeResponse(Response.err(3, "too_large", "x"))));
    assertEquals(
        Long.MAX_VALUE,
        WireCodec.peekResponseId(
            WireCodec.encodeResponse(Response.ok(Long.MAX_VALUE, OpResult.PONG))));
  }

  @Test
  void aPushOrAnythingElseHasNoId() {
    byte[] push =
        WireCodec.encodePush(
            new Push(new Event.DelegateKeyChanged(new byte[32], "room:x".getBytes(), 4)));
    assertEquals(-1, WireCodec.peekResponseId(prefix(push)));
    assertEquals(-1, WireCodec.peekResponseId(new byte[0]));
    assertEquals(-1, WireCodec.peekResponseId(new byte[] {(byte) 0xa1, 0x62, 0x69}));
    assertEquals(-1, WireCodec.peekResponseId(new byte[] {(byte) 0xa1, 0x62, 0x6f, 0x6b, 0x01}));
  }
}
