package river.engine;

import java.util.Arrays;
import river.rooms.MetaMerge;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.rooms.RoomsCodec;
import river.rooms.RoomsDecodeException;
import river.rooms.RoomsMeta;

/**
 * The CAS target for rooms_meta: three-way merges this tab's preferences (the save's snapshot) with
 * the stored meta, against the meta the tab last saw (see MetaMerge). An unreadable stored meta is
 * not overwritten (it may be a newer client's format).
 */
final class MetaTarget implements CasTarget {
  private final Rooms snapshot;
  private final RoomsMeta base;
  private final RoomsCodec codec;
  private final LiveRooms live;
  private RoomsMeta decided;
  private String error;

  MetaTarget(Rooms snapshot, RoomsMeta base, RoomsCodec codec, LiveRooms live) {
    this.snapshot = snapshot;
    this.base = base;
    this.codec = codec;
    this.live = live;
  }

  @Override
  public String storageKey() {
    return RoomStorageKeys.ROOMS_META;
  }

  @Override
  public byte[] decide(byte[] stored, long generation) {
    RoomsMeta storedMeta = null;
    if (stored != null) {
      try {
        storedMeta = codec.decodeMeta(stored);
      } catch (RoomsDecodeException e) {
        error = "rooms_meta is unreadable: " + e.getMessage();
        return null;
      }
    }
    decided = MetaMerge.merge(base, snapshot.meta(), storedMeta, snapshot.removed());
    return codec.encodeMeta(decided);
  }

  /** From the meta the tab last saw, when it knows that meta's generation (see CasTarget#guess). */
  @Override
  public Guess guess() {
    long generation = live.seenMetaGeneration();
    if (base == null || generation < 1 || base != live.seenMeta() || othersWriting()) {
      return null; // nothing seen to guess from, or other tabs are changing rooms_meta
    }
    RoomsMeta merged = MetaMerge.merge(base, snapshot.meta(), base, snapshot.removed());
    byte[] bytes = codec.encodeMeta(merged);
    if (Arrays.equals(bytes, codec.encodeMeta(base))) {
      return null;
    }
    decided = merged;
    return new Guess(bytes, generation);
  }

  /** A push announced a newer rooms_meta, or another tab wrote the one seen last. */
  @Override
  public boolean othersWriting() {
    return live.metaKnownNewerThan(live.seenMetaGeneration()) || live.metaChangedElsewhere();
  }

  @Override
  public boolean storeMovedPast(long generation) {
    return live.metaKnownNewerThan(generation);
  }

  @Override
  public void settled(long generation, boolean wrote) {
    live.metaLanded(snapshot.meta(), decided, generation);
  }

  @Override
  public CasOutcome declineOutcome() {
    return CasOutcome.UNPARSEABLE;
  }

  @Override
  public String declineMessage() {
    return error;
  }
}
