package river.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One browser profile's stored outbox (the shell's IndexedDB store) shared by its tabs: a write or
 * removal by one tab is announced to the others, which re-list it, as the shell does.
 */
final class BrowserOutbox {
  final Map<String, byte[]> items = new LinkedHashMap<>();
  final List<ActionTab> tabs = new ArrayList<>();

  Map<String, byte[]> snapshot() {
    return new LinkedHashMap<>(items);
  }

  void put(ActionTab by, String key, byte[] body) {
    items.put(key, body);
    announce(by);
  }

  void remove(ActionTab by, String key) {
    if (items.remove(key) != null) {
      announce(by);
    }
  }

  private void announce(ActionTab by) {
    for (ActionTab t : tabs) {
      if (t != by) {
        t.itemsChanged = true;
      }
    }
  }
}
