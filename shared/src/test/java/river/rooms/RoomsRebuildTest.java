package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rebuilding Rooms from slots and the legacy blob round trip through per-room slots. */
class RoomsRebuildTest {
  @Test
  void presentSlotsAreHeldTombstonesRemovedMetaApplied() {
    TreeMap<RoomKey, RoomSlot> slots = new TreeMap<>();
    slots.put(key(1), RoomSlot.present(room(1)));
    slots.put(key(2), RoomSlot.TOMBSTONE);
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    modes.put(key(1), NotificationMode.MUTED);
    Rooms r =
        RoomsRebuild.fromSlots(
            slots, new RoomsMeta(key(1), modes, Arrays.asList(key(2), key(1), key(1))));
    assertEquals(List.of(key(1)), List.copyOf(r.map().keySet()));
    assertEquals(List.of(key(2)), List.copyOf(r.removed()));
    assertEquals(key(1), r.currentRoom());
    assertEquals(NotificationMode.MUTED, r.notificationModes().get(key(1)));
    assertEquals(List.of(key(1)), r.roomOrder());
  }

  @Test
  void withoutMetaTheRoomsAreStillThere() {
    TreeMap<RoomKey, RoomSlot> slots = new TreeMap<>();
    slots.put(key(1), RoomSlot.present(room(1)));
    assertTrue(RoomsRebuild.fromSlots(slots, null).holds(key(1)));
  }

  @Test
  void blobExplodesIntoSlotsAndBackUnchanged() throws Exception {
    Rooms blob =
        Rooms.EMPTY
            .withRoom(room(1))
            .withRoom(room(2))
            .withRoom(room(3))
            .withoutRoom(key(3))
            .withoutRoom(key(4))
            .withCurrentRoom(key(2))
            .withMode(key(2), NotificationMode.MENTIONS)
            .withOrder(Arrays.asList(key(2), key(1)));
    CborRoomsCodec codec = new CborRoomsCodec();
    Rooms decoded = codec.decodeLegacyBlob(codec.encodeLegacyBlob(blob));
    SortedMap<RoomKey, RoomSlot> slots = RoomsRebuild.explode(decoded);
    assertEquals(4, slots.size());
    // through bytes, as the migration writes and the next load reads them
    TreeMap<RoomKey, RoomSlot> reread = new TreeMap<>();
    for (var e : slots.entrySet())
      reread.put(e.getKey(), codec.decodeSlot(codec.encodeSlot(e.getValue())));
    RoomsMeta meta = codec.decodeMeta(codec.encodeMeta(decoded.meta()));
    assertEquals(blob, RoomsRebuild.fromSlots(reread, meta));
  }
}
