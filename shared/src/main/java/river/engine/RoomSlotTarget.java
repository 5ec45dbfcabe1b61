package river.engine;

import java.util.Arrays;
import river.rooms.Reconcile;
import river.rooms.ReconcileDecision;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.RoomsCodec;
import river.rooms.StoredSlot;

/**
 * The CAS target for one room slot: reconciles the stored slot with the slot this tab wants (from
 * the save's snapshot) using the live rejoin flag, and applies the result to the tab. Hazard: the
 * rejoin epoch is captured when the Present value is decided, so a flag re-marked by a later leave
 * + rejoin is not consumed by this older write.
 */
final class RoomSlotTarget implements CasTarget {
  private final RoomKey key;
  private final RoomSlot wanted;
  private final RoomsCodec codec;
  private final LiveRooms live;
  private final Runnable needAnotherPass;
  private RoomSlot decided;
  private long decidedEpoch;
  private CasOutcome declined = CasOutcome.NOT_WRITTEN;
  private String declineMessage;

  RoomSlotTarget(
      RoomKey key, RoomSlot wanted, RoomsCodec codec, LiveRooms live, Runnable needAnotherPass) {
    this.needAnotherPass = needAnotherPass;
    this.key = key;
    this.wanted = wanted;
    this.codec = codec;
    this.live = live;
  }

  @Override
  public String storageKey() {
    return RoomStorageKeys.roomKey(key);
  }

  @Override
  public byte[] decide(byte[] stored, long generation) {
    StoredSlot s = StoredSlot.decode(codec, stored);
    boolean rejoined = live.flags().isSet(key);
    ReconcileDecision d = Reconcile.decide(s, wanted, rejoined);
    switch (d.kind()) {
      case WRITE:
        decided = d.slot();
        decidedEpoch = decided.isPresent() ? live.flags().epoch(key) : 0;
        return codec.encodeSlot(decided);
      case ADOPT_LEAVE:
        if (!live.adoptLeave(key, generation)) {
          // The tab has newer news of this slot than the conflict value: decide again on it.
          needAnotherPass.run();
        }
        declined = CasOutcome.NOT_WRITTEN;
        declineMessage = "adopted a leave made elsewhere";
        return null;
      default:
        declined = CasOutcome.UNPARSEABLE;
        declineMessage = storageKey() + " holds an unreadable slot: " + d.error();
        return null;
    }
  }

  /**
   * A slot the tab never saw is guessed absent (generation 0): a new room's, mostly. A CAS at
   * generation 0 lands only where the key is absent, exactly where a read first would have decided
   * on absent too; a slot that is there after all makes it conflict and carry the slot, as a read
   * would, so the guess never decides on anything a read would not.
   */
  @Override
  public Guess guess() {
    RoomSlot seen = live.cache().get(key);
    long generation = live.cache().generation(key);
    if (seen != null && generation < 1) {
      return null; // seen by a plain Get (no generation): read first
    }
    if (othersWriting()) {
      return null; // a guess would surely (push announced newer) or often conflict: read first
    }
    if (seen == null) {
      generation = 0;
    }
    ReconcileDecision d =
        Reconcile.decide(
            seen == null ? StoredSlot.ABSENT : StoredSlot.of(seen),
            wanted,
            live.flags().isSet(key));
    if (d.kind() != ReconcileDecision.Kind.WRITE) {
      return null;
    }
    byte[] bytes = codec.encodeSlot(d.slot());
    if (seen != null && Arrays.equals(bytes, codec.encodeSlot(seen))) {
      return null; // nothing new to write: the read decides whether the store moved on
    }
    decided = d.slot();
    decidedEpoch = decided.isPresent() ? live.flags().epoch(key) : 0;
    return new Guess(bytes, generation);
  }

  /** A push announced a newer slot not yet re-read, or another tab wrote the one cached. */
  @Override
  public boolean othersWriting() {
    return live.cache().isBehind(key) || live.cache().changedElsewhere(key);
  }

  @Override
  public boolean storeMovedPast(long generation) {
    return live.cache().knownNewerThan(key, generation);
  }

  @Override
  public void settled(long generation, boolean wrote) {
    live.landed(key, decided, generation, decidedEpoch);
  }

  @Override
  public CasOutcome declineOutcome() {
    return declined;
  }

  @Override
  public String declineMessage() {
    return declineMessage;
  }
}
