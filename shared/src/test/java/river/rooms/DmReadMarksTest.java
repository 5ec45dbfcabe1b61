package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;

/**
 * The read and hidden marks of direct-message threads in the user's room data: optional fields
 * (room data written before them keeps its bytes), a round trip, and a merge that never moves a
 * mark backwards.
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
    assertNull(data.get("dm_hidden"), "no field until a thread is hidden");
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

  /** One kind of per-peer mark: how a copy sets it and reads it. */
  interface Mark {
    RoomData with(RoomData d, Bytes peer, LastRead mark);

    LastRead of(RoomData d, Bytes peer);
  }

  static final Mark READ =
      new Mark() {
        public RoomData with(RoomData d, Bytes peer, LastRead mark) {
          return d.withDmRead(peer, mark);
        }

        public LastRead of(RoomData d, Bytes peer) {
          return d.dmRead(peer);
        }
      };

  static final Mark HIDDEN =
      new Mark() {
        public RoomData with(RoomData d, Bytes peer, LastRead mark) {
          return d.withDmHidden(peer, mark);
        }

        public LastRead of(RoomData d, Bytes peer) {
          return d.dmHidden(peer);
        }
      };

  @Test
  void aReadOrHiddenMarkNeverMovesBackwardsInOneCopyOrInAMerge() {
    for (Mark k : List.of(READ, HIDDEN)) {
      RoomData a = k.with(room(3), PEER_A, new LastRead(20, Bytes.ofInts(1)));
      assertEquals(
          20, k.of(k.with(a, PEER_A, new LastRead(5, Bytes.ofInts(1))), PEER_A).position());
      RoomData b =
          k.with(
              k.with(room(3), PEER_A, new LastRead(10, Bytes.ofInts(1))),
              PEER_B,
              new LastRead(3, Bytes.ofInts(2)));
      RoomData m = RoomDataMerge.merge(a, b);
      assertEquals(m, RoomDataMerge.merge(b, a));
      assertEquals(20, k.of(m, PEER_A).position());
      assertEquals(3, k.of(m, PEER_B).position());
      assertEquals(LastRead.NONE, k.of(m, Bytes.filled(32, 0xc)));
      assertEquals(20, m.dmRead(PEER_A).position(), "read marks merge beside hidden ones");
    }
  }

  @Test
  void hidingMarksTheThreadHiddenAndReadAndRoundTrips() throws Exception {
    LastRead newest = new LastRead(30, Bytes.ofInts(7));
    RoomData d =
        room(3).withDmRead(PEER_A, new LastRead(10, Bytes.ofInts(1))).withDmHidden(PEER_A, newest);
    assertEquals(newest, d.dmHidden(PEER_A));
    assertEquals(newest, d.dmRead(PEER_A), "a hidden thread is read up to the mark");
    assertEquals(LastRead.NONE, d.dmHidden(PEER_B));
    RoomSlot back = codec.decodeSlot(codec.encodeSlot(RoomSlot.present(d)));
    assertEquals(d, back.data());
    assertEquals(newest, back.data().dmHidden(PEER_A));
  }
}
