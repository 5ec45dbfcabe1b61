package river.client.app;

import elemental2.core.JsDate;
import elemental2.dom.HTMLElement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.client.app.ui.RoomListView;
import river.rooms.RoomKey;

/**
 * The marks the benchmark reads from the page, in epoch ms: when this tab first listed each room
 * ({@code data-listed-at} on its item), when the loaded list was first drawn ({@code
 * data-listed-at} on the load banner: app start until all rooms are listed) and when every listed
 * room's state request had been answered, so names can show ({@code data-hydrated-at}).
 */
final class LoadStamps {
  private final Map<RoomKey, Double> firstListed = new HashMap<>();
  private boolean loadedStamped;
  private boolean hydratedStamped;

  /** After each render of the list. */
  void stamp(
      RoomListView list,
      HTMLElement banner,
      List<RoomKey> display,
      boolean loaded,
      RoomHydrator hydrator) {
    double now = JsDate.now();
    for (RoomKey key : display) {
      if (!firstListed.containsKey(key)) {
        firstListed.put(key, now);
      }
    }
    list.stampListedAt(firstListed);
    if (!loadedStamped && loaded) {
      loadedStamped = true;
      banner.setAttribute("data-listed-at", String.valueOf((long) now));
    }
    stampAnswered(banner, display, hydrator, now);
  }

  /** After a burst of room states redrew only those rooms (the list itself did not change). */
  void stampAnswered(HTMLElement banner, List<RoomKey> display, RoomHydrator hydrator) {
    stampAnswered(banner, display, hydrator, JsDate.now());
  }

  private void stampAnswered(
      HTMLElement banner, List<RoomKey> display, RoomHydrator hydrator, double now) {
    if (loadedStamped && !hydratedStamped && hydrator.allAnswered(display)) {
      hydratedStamped = true;
      banner.setAttribute("data-hydrated-at", String.valueOf((long) now));
    }
  }
}
