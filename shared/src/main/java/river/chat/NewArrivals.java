package river.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.room.DirectMessage;
import river.room.VisibleMessage;
import river.store.Base58;

/**
 * Which messages of a room's new state arrived live in this tab: those whose id was not in the
 * room's previous state. The first state a tab gets for a room is its history and yields nothing,
 * so a tab that loads (or reloads) never treats the backlog as news ({@link NotifyRule}). The same
 * holds for the room's direct messages, remembered apart by DM id ({@link #arrivedDirect}), of
 * which only those sent to the user count. Memory is the ids of each room's visible messages and
 * DMs, replaced on every state. Not thread-safe; one per tab.
 *
 * @param <K> the room key type
 */
public final class NewArrivals<K> {
  private final Map<K, Set<String>> seen = new HashMap<K, Set<String>>();
  private final Map<K, Set<String>> seenDirect = new HashMap<K, Set<String>>();

  /** The messages of {@code visible} that were not in the room's previous state, in order. */
  public List<VisibleMessage> arrived(K room, List<VisibleMessage> visible) {
    List<byte[]> ids = new ArrayList<byte[]>();
    for (VisibleMessage m : visible) {
      ids.add(m.id());
    }
    List<VisibleMessage> fresh = new ArrayList<VisibleMessage>();
    for (int i : fresh(seen, room, ids)) {
      fresh.add(visible.get(i));
    }
    return fresh;
  }

  /**
   * The direct messages of the room's state ({@code dms}, oldest first) that were not in its
   * previous state and are addressed to {@code me}: the user's own, sent from this tab or another,
   * and DMs between other members (which this tab cannot read anyway) are never news.
   */
  public List<DirectMessage> arrivedDirect(K room, List<DirectMessage> dms, byte[] me) {
    List<byte[]> ids = new ArrayList<byte[]>();
    for (DirectMessage m : dms) {
      ids.add(m.id());
    }
    List<DirectMessage> fresh = new ArrayList<DirectMessage>();
    for (int i : fresh(seenDirect, room, ids)) {
      DirectMessage m = dms.get(i);
      if (Arrays.equals(m.recipient(), me) && !Arrays.equals(m.sender(), me)) {
        fresh.add(m);
      }
    }
    return fresh;
  }

  /** The room left this tab's list: if it comes back, its next state is history again. */
  public void forget(K room) {
    seen.remove(room);
    seenDirect.remove(room);
  }

  /** The positions of {@code ids} not remembered for {@code room}; then remembers exactly them. */
  private List<Integer> fresh(Map<K, Set<String>> memory, K room, List<byte[]> ids) {
    Set<String> before = memory.get(room);
    Set<String> now = new HashSet<String>();
    List<Integer> fresh = new ArrayList<Integer>();
    for (int i = 0; i < ids.size(); i++) {
      String id = Base58.encode(ids.get(i));
      now.add(id);
      if (before != null && !before.contains(id)) {
        fresh.add(i);
      }
    }
    memory.put(room, now);
    return fresh;
  }
}
