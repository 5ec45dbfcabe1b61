package river.engine;

import java.util.List;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RejoinFlags;
import river.rooms.RoomData;
import river.rooms.RoomDataMerge;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.Rooms;
import river.rooms.RoomsMeta;
import river.rooms.SlotCache;
import river.rooms.SlotDiff;

/**
 * One tab's live state: its ROOMS value, its rejoin flags and its slot cache (what it last saw
 * in the store). User actions and store observations both go through here, so the rules that
 * tie them together are in one place: an explicit join sets the rejoin flag, a leave clears it,
 * a landed Present write consumes it; a remote Tombstone removes a held room unless it was
 * rejoined here; a remote Present is merged or added unless this tab has a leave not yet written.
 * Hazard: observations arrive late and out of order, so each one goes through the slot cache's
 * generation check before it may change ROOMS.
 */
public final class LiveRooms {
  /** Told after every change of the ROOMS value (the host re-renders, hydrates new rooms). */
  public interface Listener {
    void onRoomsChanged(Rooms before, Rooms after);
  }

  private final RejoinFlags flags = new RejoinFlags();
  private final SlotCache cache = new SlotCache();
  private Rooms rooms = Rooms.EMPTY;
  private RoomsMeta seenMeta;
  private long seenMetaGeneration = -1;
  private Listener listener;

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  public Rooms rooms() {
    return rooms;
  }

  public RejoinFlags flags() {
    return flags;
  }

  public SlotCache cache() {
    return cache;
  }

  /** The rooms_meta this tab last read or wrote, or null. */
  public RoomsMeta seenMeta() {
    return seenMeta;
  }

  private void set(Rooms next) {
    if (next.equals(rooms)) {
      return;
    }
    Rooms before = rooms;
    rooms = next;
    if (listener != null) {
      listener.onRoomsChanged(before, next);
    }
  }

  // ---- loading ----

  /** Replaces the whole model after a load (the cache is filled by {@link #observeLoaded}). */
  void replaceAfterLoad(Rooms loaded) {
    set(loaded);
  }

  void observeLoaded(RoomKey key, RoomSlot slot) {
    cache.learn(key, slot, 0);
  }

  void observeMeta(RoomsMeta meta, long generation) {
    if (generation >= seenMetaGeneration) {
      seenMeta = meta;
      seenMetaGeneration = generation;
    }
  }

  // ---- user actions (the caller asks for a save) ----

  /** The user created a room or accepted an invitation / imported an identity for it. */
  public void join(RoomData data) {
    RoomData held = rooms.room(data.owner());
    flags.mark(data.owner());
    set(rooms.withRoom(held == null ? data : RoomDataMerge.merge(held, data)));
  }

  /** The user left the room in this tab. */
  public void leave(RoomKey key) {
    if (!rooms.holds(key)) {
      return;
    }
    flags.clear(key);
    set(rooms.withoutRoom(key));
  }

  public void setNickname(RoomKey key, String nickname) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withNickname(nickname)));
    }
  }

  public void markRead(RoomKey key, LastRead read) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withRead(read)));
    }
  }

  public void setMode(RoomKey key, NotificationMode mode) {
    set(rooms.withMode(key, mode));
  }

  public void setCurrentRoom(RoomKey key) {
    set(rooms.withCurrentRoom(key));
  }

  public void setOrder(List<RoomKey> order) {
    set(rooms.withOrder(order));
  }

  // ---- store observations ----

  /**
   * A slot read from the store outside a save (a push re-read, a resync): apply the reconcile
   * rules to ROOMS. Returns whether the observation was new enough to count.
   */
  public boolean observeRemote(RoomKey key, RoomSlot slot, long generation) {
    boolean pendingLeave = SlotDiff.isPendingLeave(rooms, cache, key);
    if (!cache.learn(key, slot, generation)) {
      return false;
    }
    RoomData held = rooms.room(key);
    if (slot.isTombstone()) {
      if (held != null && !flags.isSet(key)) {
        set(rooms.withoutRoom(key));
      } else if (held == null && !rooms.removed().contains(key)) {
        set(rooms.withoutRoom(key));
      }
      return true;
    }
    if (held != null) {
      set(rooms.withRoom(RoomDataMerge.merge(held, slot.data())));
    } else if (!pendingLeave) {
      set(rooms.withRoom(slot.data()));
    }
    return true;
  }

  /**
   * A save's write of this slot landed (or the store already held exactly it). A Present write
   * made under a rejoin flag consumes that flag; the stored value's fields merge into ROOMS.
   */
  void landed(RoomKey key, RoomSlot slot, long generation, long rejoinEpoch) {
    cache.learn(key, slot, generation);
    if (slot.isTombstone()) {
      return;
    }
    flags.consume(key, rejoinEpoch);
    RoomData held = rooms.room(key);
    if (held != null) {
      set(rooms.withRoom(RoomDataMerge.merge(held, slot.data())));
    }
  }

  /** A save found a Tombstone and no rejoin: the leave made elsewhere wins. */
  void adoptLeave(RoomKey key, long generation) {
    cache.learn(key, RoomSlot.TOMBSTONE, generation);
    if (rooms.holds(key) && !flags.isSet(key)) {
      set(rooms.withoutRoom(key));
    }
  }
}
