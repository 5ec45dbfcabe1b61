package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;

/**
 * The user's deputy requests in the room data: an optional field (room data written before it keeps
 * its bytes), a round trip, and a merge where the later request wins in either order.
 */
class DeputyMarksTest {
  private final CborRoomsCodec codec = new CborRoomsCodec();
  private static final Bytes BOB = Bytes.filled(32, 0xb);
  private static final Bytes ERIN = Bytes.filled(32, 0xe);

  @Test
  void roomDataWithoutMarksHasNoField() throws Exception {
    byte[] bytes = codec.encodeSlot(RoomSlot.present(room(3)));
    assertNull(Cbor.decode(bytes).get("Present").get("deputies"));
  }

  @Test
  void marksRoundTripAndTheSlotReaderLeavesThemToTheTree() throws Exception {
    RoomData d = room(3).withDeputyMark(BOB, 1_000, true).withDeputyMark(ERIN, 2_000, false);
    byte[] bytes = codec.encodeSlot(RoomSlot.present(d));
    CborItem field = Cbor.decode(bytes).get("Present").get("deputies");
    assertEquals(2, field.entries().size());
    assertArrayEquals(BOB.toArray(), field.entries().get(0).key().asBytes());
    assertEquals(2_001, field.entries().get(0).value().asLong(), "time * 2 + named");
    RoomSlot back = codec.decodeSlot(bytes);
    assertEquals(d, back.data());
    assertNull(SlotReader.read(bytes), "an unknown field: the tree decodes it");
  }

  @Test
  void theLaterRequestWinsInOneCopyAndInAMergeEitherWay() {
    RoomData named = room(3).withDeputyMark(BOB, 1_000, true);
    RoomData unnamed = room(3).withDeputyMark(BOB, 2_000, false);
    assertFalse(DeputyMarks.named(RoomDataMerge.merge(named, unnamed).deputyMarks().get(BOB)));
    assertEquals(RoomDataMerge.merge(named, unnamed), RoomDataMerge.merge(unnamed, named));
    RoomData again = named.withDeputyMark(BOB, 1_000, false).withDeputyMark(BOB, 999, true);
    assertTrue(
        DeputyMarks.named(again.deputyMarks().get(BOB)),
        "a copy's newest request wins in it, whatever the clock says");
    assertFalse(
        DeputyMarks.named(
            RoomDataMerge.merge(named.withDeputyMark(BOB, 1_000, false), named)
                .deputyMarks()
                .get(BOB)),
        "and in a merge with the copy it came from");
    RoomData both = RoomDataMerge.merge(named, room(3).withDeputyMark(ERIN, 5, true));
    assertEquals(2, both.deputyMarks().size(), "a member in one copy only keeps its mark");
    assertTrue(
        DeputyMarks.named(
            RoomDataMerge.merge(named, room(3).withDeputyMark(BOB, 1_000, false))
                .deputyMarks()
                .get(BOB)),
        "the same millisecond: naming wins, in either order");
  }
}
