package river.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.room.VisibleMessage;
import river.store.Base58;

/**
 * Which messages of a room's new state arrived live in this tab: those whose id was not in the
 * room's previous state. The first state a tab gets for a room is its history and yields nothing,
 * so a tab that loads (or reloads) never treats the backlog as news ({@link NotifyRule}). Memory is
 * the ids of each room's visible messages, replaced on every state. Not thread-safe; one per tab.
 *
 * @param <K> the room key type
 */
public final class NewArrivals<K> {
  private final Map<K, Set<String>> seen = new HashMap<K, Set<String>>();

  /** The messages of {@code visible} that were not in the room's previous state, in order. */
  public List<VisibleMessage> arrived(K room, List<VisibleMessage> visible) {
    Set<String> before = seen.get(room);
    Set<String> now = new HashSet<String>();
    List<VisibleMessage> fresh = new ArrayList<VisibleMessage>();
    for (VisibleMessage m : visible) {
      String id = Base58.encode(m.id());
      now.add(id);
      if (before != null && !before.contains(id)) {
        fresh.add(m);
      }
    }
    seen.put(room, now);
    return fresh;
  }

  /** The room left this tab's list: if it comes back, its next state is history again. */
  public void forget(K room) {
    seen.remove(room);
  }
}
