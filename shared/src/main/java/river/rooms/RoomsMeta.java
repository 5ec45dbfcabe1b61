package river.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import river.cbor.ReadOnly;

/**
 * The list-level view preferences kept in the `rooms_meta` key: the current room (may be absent),
 * per-room notification modes, and the user's room order (only rooms the user moved are listed; the
 * rest follow in key order). Every field is optional on the wire. Immutable. Hazard: modes of rooms
 * a tab does not know belong to another tab's rooms; see MetaMerge.
 */
public final class RoomsMeta {
  public static final RoomsMeta EMPTY =
      new RoomsMeta(null, new TreeMap<RoomKey, NotificationMode>(), new ArrayList<RoomKey>());

  private final RoomKey currentRoom;
  private final SortedMap<RoomKey, NotificationMode> notificationModes;
  private final List<RoomKey> roomOrder;

  public RoomsMeta(
      RoomKey currentRoom, SortedMap<RoomKey, NotificationMode> modes, List<RoomKey> roomOrder) {
    this.currentRoom = currentRoom;
    this.notificationModes = ReadOnly.sortedMap(new TreeMap<RoomKey, NotificationMode>(modes));
    this.roomOrder = ReadOnly.list(new ArrayList<RoomKey>(roomOrder));
  }

  /** May be null: no current room. */
  public RoomKey currentRoom() {
    return currentRoom;
  }

  public SortedMap<RoomKey, NotificationMode> notificationModes() {
    return notificationModes;
  }

  public List<RoomKey> roomOrder() {
    return roomOrder;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RoomsMeta)) {
      return false;
    }
    RoomsMeta m = (RoomsMeta) o;
    return (currentRoom == null ? m.currentRoom == null : currentRoom.equals(m.currentRoom))
        && notificationModes.equals(m.notificationModes)
        && roomOrder.equals(m.roomOrder);
  }

  @Override
  public int hashCode() {
    return (currentRoom == null ? 0 : currentRoom.hashCode()) * 31
        + notificationModes.hashCode() * 7
        + roomOrder.hashCode();
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "RoomsMeta{current="
        + currentRoom
        + " modes="
        + notificationModes
        + " order="
        + roomOrder
        + "}";
  }
}
