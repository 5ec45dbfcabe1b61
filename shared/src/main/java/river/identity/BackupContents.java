package river.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import river.cbor.ReadOnly;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;

/**
 * What a profile backup holds: every room identity (private-room secrets ride inside each), the
 * user's room order and notification modes. Immutable.
 */
public final class BackupContents {
  private final List<IdentityBlock> identities;
  private final List<RoomKey> order;
  private final SortedMap<RoomKey, NotificationMode> modes;

  public BackupContents(
      List<IdentityBlock> identities,
      List<RoomKey> order,
      SortedMap<RoomKey, NotificationMode> modes) {
    this.identities = ReadOnly.list(new ArrayList<IdentityBlock>(identities));
    this.order = ReadOnly.list(new ArrayList<RoomKey>(order));
    this.modes = ReadOnly.sortedMap(new TreeMap<RoomKey, NotificationMode>(modes));
  }

  public List<IdentityBlock> identities() {
    return identities;
  }

  public List<RoomKey> order() {
    return order;
  }

  public SortedMap<RoomKey, NotificationMode> modes() {
    return modes;
  }
}
