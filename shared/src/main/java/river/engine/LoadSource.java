package river.engine;

import java.util.HashMap;
import java.util.TreeMap;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.rooms.RoomsCodec;
import river.rooms.RoomsDecodeException;
import river.rooms.RoomsMeta;
import river.rooms.RoomsRebuild;

/**
 * What one delegate (current or legacy) yielded to a {@link LoadFlow}: its slots with the
 * generation each was read at, its meta, its legacy blob, and whether any of it could not be read.
 */
final class LoadSource {
  final TreeMap<RoomKey, RoomSlot> slots = new TreeMap<RoomKey, RoomSlot>();

  /** The generation each slot was read at (0 when read by a plain Get). */
  final TreeMap<RoomKey, Long> generations = new TreeMap<RoomKey, Long>();

  RoomsMeta meta;
  long metaGeneration;
  Rooms blob;
  boolean hasPerRoom;

  /**
   * The room each requested slot key names, parsed once from the listing: base58 parsing is the
   * costliest step of reading 5,000 slots, and the answer's keys are the same strings.
   */
  final HashMap<String, RoomKey> requested = new HashMap<String, RoomKey>();

  /** Its List or a slot/meta Get failed: its per-room state is unknown. */
  boolean perRoomBlocked;

  /** Its blob Get failed. */
  boolean blobBlocked;

  /** One slot or meta value (null: absent) read at {@code generation}. */
  void absorb(RoomsCodec codec, String key, byte[] v, long generation) throws RoomsDecodeException {
    if (v == null) {
      return;
    }
    if (RoomStorageKeys.ROOMS_META.equals(key)) {
      meta = codec.decodeMeta(v);
      metaGeneration = generation;
    } else {
      RoomKey room = requested.get(key);
      if (room == null) {
        room = RoomStorageKeys.parseRoomKey(key);
      }
      slots.put(room, codec.decodeSlot(v));
      generations.put(room, generation);
    }
  }

  /** Its {@code rooms_data} value (null: absent). */
  void absorbBlob(RoomsCodec codec, byte[] v) throws RoomsDecodeException {
    if (v != null) {
      blob = codec.decodeLegacyBlob(v);
    }
  }

  /** The rooms its slots and meta make. */
  Rooms perRoom() {
    return RoomsRebuild.fromSlots(slots, meta);
  }
}
