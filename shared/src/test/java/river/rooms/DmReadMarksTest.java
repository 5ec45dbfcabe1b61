package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;

/**
 * The read marks of direct-message threads in the user's room data: an optional field (room data
 * written before it keeps its bytes), a round trip, and a merge that never moves a mark backwards.
 */
class DmReadMarksTest {
  private final CborRoomsCodec codec = new CborRoomsCodec();
  private static final Bytes PEER_A = Bytes.filled(32, 0xa);
  private static final Bytes PEER_B = Bytes.filled(32, 0xb);

  @Test
  void roomDataWithoutMarksKeepsItsBytes() throws Exception {
    byte[] old = codec.encodeSlot(RoomSlot.present(room(3)));
    CborItem data = Cbor.decode(old).get("Present");
    assertNull(data.get("dm_read"), "no field until a thread is read");
    RoomSlot back = codec.decodeSlot(old);
    assertTrue(back.data().dmRead().isEmpty());
    assertArrayEquals(old, codec.encodeSlot(back));
  }

  @Test
  void marksRoundTrip() throws Exception {
    RoomData d =
        room(3)
            .withDmRead(PEER_A, new LastRead(17, Bytes.ofInts(1, 2)))
            .withDmRead(PEER_B, new LastRead(4, Bytes.ofInts(9)));
    RoomSlot back = codec.decodeSlot(codec.encodeSlot(RoomSlot.present(d)));
    assertEquals(d, back.data());
    assertEquals(new LastRead(17, Bytes.ofInts(1, 2)), back.data().dmRead(PEER_A));
  }

  @Test
  void aMarkNeverMovesBackwardsInOneCopyOrInAMerge() {
    RoomData a = room(3).withDmRead(PEER_A, new LastRead(20, Bytes.ofInts(1)));
    assertEquals(
        20, a.withDmRead(PEER_A, new LastRead(5, Bytes.ofInts(1))).dmRead(PEER_A).position());
    RoomData b =
        room(3)
            .withDmRead(PEER_A, new LastRead(10, Bytes.ofInts(1)))
            .withDmRead(PEER_B, new LastRead(3, Bytes.ofInts(2)));
    RoomData m = RoomDataMerge.merge(a, b);
    assertEquals(m, RoomDataMerge.merge(b, a));
    assertEquals(20, m.dmRead(PEER_A).position());
    assertEquals(3, m.dmRead(PEER_B).position());
    assertEquals(LastRead.NONE, m.dmRead(Bytes.filled(32, 0xc)));
  }
}
