package river.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.MetaMerge;
import river.rooms.NotificationMode;
import river.rooms.RejoinFlags;
import river.rooms.RoomData;
import river.rooms.RoomDataMerge;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.Rooms;
import river.rooms.RoomsMeta;
import river.rooms.SlotCache;

/**
 * One tab's live state: its ROOMS value, its rejoin flags and its slot cache (what it last saw in
 * the store). User actions and store observations both go through here, so the rules that tie them
 * together are in one place: an explicit join sets the rejoin flag, a leave clears it, a landed
 * Present write consumes it; a remote Tombstone removes a held room unless it was rejoined here; a
 * remote Present is merged or added unless this tab has a leave not yet written (pending leaves are
 * tracked explicitly: set by a leave, ended when this tab's Tombstone lands). Hazard: observations
 * arrive late and out of order, so each one goes through the slot cache's generation check before
 * it may change ROOMS.
 */
public final class LiveRooms {
  /** Told after every change of the ROOMS value (the host re-renders, hydrates new rooms). */
  public interface Listener {
    void onRoomsChanged(Rooms before, Rooms after);
  }

  private final RejoinFlags flags = new RejoinFlags();
  private final SlotCache cache = new SlotCache();
  private final Set<RoomKey> pendingLeaves = new HashSet<RoomKey>();
  private Rooms rooms = Rooms.EMPTY;
  private RoomsMeta seenMeta;
  private long seenMetaGeneration = -1;
  private long announcedMetaGeneration = -1;
  private boolean metaChangedElsewhere;
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

  /** Rooms the user left in this tab whose Tombstone is not yet written or seen (a copy). */
  public Set<RoomKey> pendingLeaves() {
    return new TreeSet<RoomKey>(pendingLeaves);
  }

  /** The rooms_meta this tab last read or wrote, or null. */
  /** The generation {@link #seenMeta} was seen at (-1: never; 0: by a plain Get). */
  long seenMetaGeneration() {
    return seenMetaGeneration;
  }

  public RoomsMeta seenMeta() {
    return seenMeta;
  }

  /** A push said rooms_meta is at this generation in the store (the tab re-reads it). */
  void announceMeta(long generation) {
    announcedMetaGeneration = Math.max(announcedMetaGeneration, generation);
  }

  /** Whether the rooms_meta this tab saw last was written by another tab (see SlotCache). */
  boolean metaChangedElsewhere() {
    return metaChangedElsewhere;
  }

  /** Whether the store is known to hold a rooms_meta newer than the given generation. */
  boolean metaKnownNewerThan(long generation) {
    return Math.max(announcedMetaGeneration, seenMetaGeneration) > generation;
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

  /**
   * Replaces the whole model after a load (call after the cache is filled by {@link
   * #observeLoaded}). Removed rooms the current store has no Tombstone for (they came from a legacy
   * source) count as pending leaves, so the migration writes their Tombstones.
   */
  void replaceAfterLoad(Rooms loaded) {
    for (RoomKey k : loaded.removed()) {
      RoomSlot s = cache.get(k);
      if (s == null || s.isPresent()) {
        pendingLeaves.add(k);
      }
    }
    set(loaded);
  }

  void observeLoaded(RoomKey key, RoomSlot slot, long generation) {
    cache.learn(key, slot, generation);
  }

  /** The meta read at load (the three-way merge base from now on). */
  void observeMeta(RoomsMeta meta, long generation) {
    if (generation >= seenMetaGeneration) {
      seenMeta = meta;
      seenMetaGeneration = generation;
    }
  }

  /**
   * A meta save landed with the merged value; fields the user did not change since the save's
   * snapshot take the merged values (they carry other tabs' choices).
   */
  void metaLanded(RoomsMeta snapshotMeta, RoomsMeta merged, long generation) {
    if (generation < seenMetaGeneration) {
      return;
    }
    seenMeta = merged;
    seenMetaGeneration = generation;
    metaChangedElsewhere = false;
    set(rooms.withMeta(MetaMerge.merge(snapshotMeta, rooms.meta(), merged, rooms.removed())));
  }

  /** rooms_meta re-read after a push: adopt other tabs' choices where this tab changed nothing. */
  public boolean observeRemoteMeta(RoomsMeta remote, long generation) {
    if (generation <= seenMetaGeneration) {
      return false;
    }
    RoomsMeta base = seenMeta;
    seenMeta = remote;
    seenMetaGeneration = generation;
    metaChangedElsewhere = true;
    set(rooms.withMeta(MetaMerge.merge(base, rooms.meta(), remote, rooms.removed())));
    return true;
  }

  // ---- user actions (the caller asks for a save) ----

  /** The user created a room or accepted an invitation / imported an identity for it. */
  public void join(RoomData data) {
    RoomData held = rooms.room(data.owner());
    flags.mark(data.owner());
    pendingLeaves.remove(data.owner());
    set(rooms.withRoom(held == null ? data : RoomDataMerge.merge(held, data)));
  }

  /** The user left the room in this tab. */
  public void leave(RoomKey key) {
    if (!rooms.holds(key)) {
      return;
    }
    flags.clear(key);
    pendingLeaves.add(key);
    set(rooms.withoutRoom(key));
  }

  public void setNickname(RoomKey key, String nickname, long askedAt) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withNickname(nickname, askedAt)));
    }
  }

  /** The nickname asked for is in the room's member info (unless another was asked since). */
  public boolean nicknameLanded(RoomKey key, String nickname) {
    RoomData d = rooms.room(key);
    if (d == null || d.nicknameAskedAt() == 0 || !d.nickname().equals(nickname)) {
      return false;
    }
    set(rooms.withRoom(d.withNicknameLanded()));
    return true;
  }

  /**
   * Adds room secrets (or the member's encryption key pair) to what the user keeps for the room; a
   * union, like every merge of them, so nothing held is ever dropped.
   */
  public boolean addSecrets(RoomKey key, List<Bytes> entries) {
    RoomData d = rooms.room(key);
    if (d == null || d.invitationSecrets().containsAll(entries)) {
      return false;
    }
    RoomData.Builder b = d.toBuilder();
    for (Bytes e : entries) {
      b.addInvitationSecret(e);
    }
    set(rooms.withRoom(b.build()));
    return true;
  }

  public void markRead(RoomKey key, LastRead read) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withRead(read)));
    }
  }

  public void markDmRead(RoomKey key, Bytes peer, LastRead read) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withDmRead(peer, read)));
    }
  }

  public void hideDm(RoomKey key, Bytes peer, LastRead upTo) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withDmHidden(peer, upTo)));
    }
  }

  public void markDeputy(RoomKey key, Bytes member, long timeMillis, boolean named) {
    RoomData d = rooms.room(key);
    if (d != null) {
      set(rooms.withRoom(d.withDeputyMark(member, timeMillis, named)));
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

  /**
   * Rooms found by a resumed migration (ranked sources, current store on top): rooms this tab has
   * never seen are added (the next save writes them), legacy tombstones of rooms it has never seen
   * are recorded as leaves to write, and rooms it holds gain the found fields. Rooms this tab left,
   * or already saw in the current store, are not touched.
   */
  void adoptMigrated(Rooms found) {
    Rooms r = rooms;
    for (RoomData d : found.map().values()) {
      RoomKey k = d.owner();
      RoomData held = r.room(k);
      if (held != null) {
        r = r.withRoom(RoomDataMerge.merge(held, d));
      } else if (!r.removed().contains(k) && cache.get(k) == null) {
        r = r.withRoom(d);
      }
    }
    for (RoomKey k : found.removed()) {
      if (!r.holds(k) && !r.removed().contains(k) && cache.get(k) == null) {
        r = r.withoutRoom(k);
        pendingLeaves.add(k);
      }
    }
    set(r);
  }

  // ---- store observations ----

  /**
   * A slot read from the store outside a save (a push re-read, a resync): apply the reconcile rules
   * to ROOMS. Returns whether the observation was new enough to count.
   */
  public boolean observeRemote(RoomKey key, RoomSlot slot, long generation) {
    if (!cache.learnChangedElsewhere(key, slot, generation)) {
      return false;
    }
    // A Tombstone seen here does not end a pending leave: a Present write of ours decided before
    // the leave may still be in flight and land on top of it. Only our own Tombstone landing
    // (written, or found already there by the CAS loop) ends it.
    applyCached(key);
    return true;
  }

  /**
   * A save's write of this slot landed (or the store already held exactly it). A Present write made
   * under a rejoin flag consumes that flag; a Tombstone write ends the pending leave; then ROOMS
   * follows the newest slot known (which may be newer than this write, if a push overtook the CAS
   * response).
   */
  void landed(RoomKey key, RoomSlot slot, long generation, long rejoinEpoch) {
    cache.learn(key, slot, generation);
    if (slot.isTombstone()) {
      pendingLeaves.remove(key);
    } else {
      flags.consume(key, rejoinEpoch);
    }
    applyCached(key);
  }

  /**
   * A save found a Tombstone and no rejoin: the leave made elsewhere wins. Returns false when the
   * Tombstone is older than a slot this tab has seen since (a CAS conflict value overtaken by a
   * push re-read); the caller then decides again on fresher data.
   */
  boolean adoptLeave(RoomKey key, long generation) {
    if (!cache.learn(key, RoomSlot.TOMBSTONE, generation)) {
      return false;
    }
    applyCached(key);
    return true;
  }

  /**
   * The one rule tying ROOMS to the newest slot this tab knows, given its own intents: a Tombstone
   * removes a held room unless rejoined here; a Present slot merges into a held room, or brings the
   * room (back) unless the user left it here and that leave is not yet written.
   */
  private void applyCached(RoomKey key) {
    RoomSlot slot = cache.get(key);
    if (slot == null) {
      return;
    }
    RoomData held = rooms.room(key);
    if (slot.isTombstone()) {
      if (held != null ? !flags.isSet(key) : !rooms.removed().contains(key)) {
        set(rooms.withoutRoom(key));
      }
    } else if (held != null) {
      RoomData merged = RoomDataMerge.merge(held, slot.data());
      if (merged.equals(slot.data())) {
        // The store already holds everything this tab has for the room, including the identity
        // of a rejoin: the rejoin is persisted even if our own write's answer was lost. A flag
        // left set would let this tab overwrite a later leave made elsewhere.
        flags.clear(key);
      }
      set(rooms.withRoom(merged));
    } else if (!pendingLeaves.contains(key)) {
      set(rooms.withRoom(slot.data()));
    }
  }
}
