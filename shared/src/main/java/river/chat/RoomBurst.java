package river.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a burst of room states arriving (5,000 at start-up with 5,000 rooms) has to redraw. Room
 * states change only their own rooms' labels, badges and title counts, so a burst that changed
 * nothing else (same rooms value, same shown room, same load state, and the shown room's state not
 * among them) redraws just those rooms and adjusts the title's running total; anything else redraws
 * everything. Without this each burst recomputed all 5,000 rooms.
 */
public final class RoomBurst {
  private RoomBurst() {}

  /**
   * Whether a burst may redraw only the rooms whose state arrived. {@code sameRooms}, {@code
   * sameShown} and {@code sameLoadState} compare with the last full redraw; {@code shown} is the
   * shown room (null: none) and {@code arrived} the rooms whose state or refusal came since the
   * last redraw.
   */
  public static <K> boolean onlyArrived(
      boolean sameRooms, boolean sameShown, boolean sameLoadState, K shown, Set<K> arrived) {
    return sameRooms && sameShown && sameLoadState && (shown == null || !arrived.contains(shown));
  }

  /** How long a burst gathers before it is drawn: room states come in one per room. */
  public static final int BATCH_MS = 16;

  /**
   * How long after a room's state arrived its burst is drawn: at the next task when it is the shown
   * room's (someone is reading it: the burst then goes with it), else after {@link #BATCH_MS}.
   */
  public static <K> int drawDelayMs(K arrived, K shown) {
    return arrived.equals(shown) ? 0 : BATCH_MS;
  }

  /**
   * A sum over rooms kept up to date one room at a time: the title's count is the sum of every
   * room's attention count, and a burst changes a few of them.
   */
  public static final class Total<K> {
    private final Map<K, Integer> each = new HashMap<K, Integer>();
    private int sum;

    /** Forgets every room (before a full recount). */
    public void clear() {
      each.clear();
      sum = 0;
    }

    /** Sets one room's count; a room not counted before is added. */
    public void put(K key, int count) {
      Integer old = each.put(key, count);
      sum += count - (old == null ? 0 : old);
    }

    /** Whether {@code key} is one of the rooms counted. */
    public boolean counts(K key) {
      return each.containsKey(key);
    }

    public int sum() {
      return sum;
    }
  }
}
