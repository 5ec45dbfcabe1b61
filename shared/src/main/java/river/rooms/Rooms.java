package river.rooms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import river.cbor.ReadOnly;

/**
 * One tab's model of the user's rooms (ROOMS), as an immutable value: the rooms held (by owner
 * key), the rooms left (removed_rooms, i.e. tombstones), the current room, notification modes and
 * room order. Every change returns a new value, so a save can take a snapshot by keeping a
 * reference. Invariant: a room is never both held and removed. Hazard: removing a room here is not
 * the same as the user leaving it; who left is tracked by the engine (pending leave = removed here
 * but not yet a Tombstone in the tab's slot cache).
 */
public final class Rooms {
  public static final Rooms EMPTY =
      new Rooms(
          new TreeMap<RoomKey, RoomData>(),
          new TreeSet<RoomKey>(),
          null,
          new TreeMap<RoomKey, NotificationMode>(),
          new ArrayList<RoomKey>());

  private final SortedMap<RoomKey, RoomData> map;

  /** The map itself, for {@link #heldKey}. */
  private final TreeMap<RoomKey, RoomData> held;

  private final SortedSet<RoomKey> removed;

  /** What {@link #removed} and {@link #modes} show, shared (unwrapped) with derived values. */
  private final SortedSet<RoomKey> removedSet;

  private final SortedMap<RoomKey, NotificationMode> modesMap;

  private final RoomKey currentRoom;
  private final SortedMap<RoomKey, NotificationMode> modes;
  private final List<RoomKey> order;

  public Rooms(
      SortedMap<RoomKey, RoomData> map,
      SortedSet<RoomKey> removed,
      RoomKey currentRoom,
      SortedMap<RoomKey, NotificationMode> modes,
      List<RoomKey> order) {
    this(
        checkOwners(new TreeMap<RoomKey, RoomData>(map)),
        withoutHeld(removed, map),
        currentRoom,
        new TreeMap<RoomKey, NotificationMode>(modes),
        order,
        SHARED);
  }

  /** Marks the constructor that takes its collections as they are. */
  private static final boolean SHARED = true;

  /**
   * Takes {@code held}, {@code removed} and {@code modes} as they are: the caller built them for
   * this value or took them from another Rooms (whose own are never changed after construction),
   * and no one changes them afterwards. Every {@code with...} change shares what it does not
   * change: at 5,000 rooms each copy of the held map cost a load ~10 ms (two copies per load).
   */
  private Rooms(
      TreeMap<RoomKey, RoomData> held,
      SortedSet<RoomKey> removed,
      RoomKey currentRoom,
      SortedMap<RoomKey, NotificationMode> modes,
      List<RoomKey> order,
      boolean shared) {
    this.held = held;
    this.map = ReadOnly.sortedMap(held);
    this.removedSet = removed;
    this.removed = ReadOnly.sortedSet(removed);
    this.currentRoom = currentRoom;
    this.modesMap = modes;
    this.modes = ReadOnly.sortedMap(modes);
    this.order = ReadOnly.list(new ArrayList<RoomKey>(new LinkedHashSet<RoomKey>(order)));
  }

  /**
   * Held rooms and tombstones as built for this value (see the private constructor); package
   * private for {@link RoomsRebuild}, which builds both fresh.
   */
  static Rooms adopt(TreeMap<RoomKey, RoomData> held, TreeSet<RoomKey> removed) {
    removed.removeAll(held.keySet());
    return new Rooms(
        checkOwners(held),
        removed,
        null,
        new TreeMap<RoomKey, NotificationMode>(),
        new ArrayList<RoomKey>(),
        SHARED);
  }

  private static TreeMap<RoomKey, RoomData> checkOwners(TreeMap<RoomKey, RoomData> held) {
    for (Map.Entry<RoomKey, RoomData> e : held.entrySet()) {
      if (!e.getKey().equals(e.getValue().owner())) {
        throw new IllegalArgumentException("room data filed under another key: " + e.getKey());
      }
    }
    return held;
  }

  private static TreeSet<RoomKey> withoutHeld(
      SortedSet<RoomKey> removed, SortedMap<RoomKey, RoomData> map) {
    TreeSet<RoomKey> rem = new TreeSet<RoomKey>(removed);
    rem.removeAll(map.keySet());
    return rem;
  }

  public SortedMap<RoomKey, RoomData> map() {
    return map;
  }

  public SortedSet<RoomKey> removed() {
    return removed;
  }

  public RoomKey currentRoom() {
    return currentRoom;
  }

  public SortedMap<RoomKey, NotificationMode> notificationModes() {
    return modes;
  }

  public List<RoomKey> roomOrder() {
    return order;
  }

  public boolean holds(RoomKey key) {
    return map.containsKey(key);
  }

  /**
   * The key this value files {@code key}'s room under, or null when the room is not held. Equal to
   * {@code key}, but the instance that carries the memoized storage text: a room order decoded from
   * rooms_meta holds other instances, and base58 of 5,000 keys again costs a redraw ~100 ms.
   */
  public RoomKey heldKey(RoomKey key) {
    RoomKey k = held.ceilingKey(key);
    return k != null && k.equals(key) ? k : null;
  }

  public RoomData room(RoomKey key) {
    return map.get(key);
  }

  /** Holds the given room (replacing any data for it), and no longer counts it as removed. */
  public Rooms withRoom(RoomData data) {
    TreeMap<RoomKey, RoomData> m = new TreeMap<RoomKey, RoomData>(held);
    m.put(data.owner(), data);
    TreeSet<RoomKey> r = new TreeSet<RoomKey>(removed);
    r.remove(data.owner());
    return new Rooms(m, r, currentRoom, modesMap, order, SHARED);
  }

  /** No longer holds the room and records it as removed (a tombstone). */
  public Rooms withoutRoom(RoomKey key) {
    TreeMap<RoomKey, RoomData> m = new TreeMap<RoomKey, RoomData>(held);
    m.remove(key);
    TreeSet<RoomKey> r = new TreeSet<RoomKey>(removed);
    r.add(key);
    List<RoomKey> o = new ArrayList<RoomKey>(order);
    o.remove(key);
    RoomKey current = key.equals(currentRoom) ? null : currentRoom;
    return new Rooms(m, r, current, modesMap, o, SHARED);
  }

  public Rooms withCurrentRoom(RoomKey key) {
    return new Rooms(held, removedSet, key, modesMap, order, SHARED);
  }

  public Rooms withMode(RoomKey key, NotificationMode mode) {
    TreeMap<RoomKey, NotificationMode> md = new TreeMap<RoomKey, NotificationMode>(modes);
    md.put(key, mode);
    return new Rooms(held, removedSet, currentRoom, md, order, SHARED);
  }

  public Rooms withOrder(List<RoomKey> newOrder) {
    return new Rooms(held, removedSet, currentRoom, modesMap, newOrder, SHARED);
  }

  /** The list-level preferences of this model, as they would be stored in rooms_meta. */
  public RoomsMeta meta() {
    return new RoomsMeta(currentRoom, modes, order);
  }

  /** Same rooms, with the preferences replaced by the given meta. */
  public Rooms withMeta(RoomsMeta meta) {
    return new Rooms(
        held,
        removedSet,
        meta.currentRoom(),
        new TreeMap<RoomKey, NotificationMode>(meta.notificationModes()),
        meta.roomOrder(),
        SHARED);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rooms)) {
      return false;
    }
    Rooms r = (Rooms) o;
    return map.equals(r.map)
        && removed.equals(r.removed)
        && (currentRoom == null ? r.currentRoom == null : currentRoom.equals(r.currentRoom))
        && modes.equals(r.modes)
        && order.equals(r.order);
  }

  @Override
  public int hashCode() {
    return map.hashCode() * 31 + removed.hashCode();
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "Rooms{held=" + map.keySet() + " removed=" + removed + " current=" + currentRoom + "}";
  }
}
