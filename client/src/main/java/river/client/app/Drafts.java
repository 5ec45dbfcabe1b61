package river.client.app;

import java.util.HashMap;
import java.util.Map;
import river.client.app.ui.RoomListView;
import river.rooms.RoomKey;

/**
 * The composer's draft per room. The shell keeps them (the app's frame has no storage) and hands
 * them over with its answer to the app's hello; every change goes back to it at once, so a reload
 * finds the text as it was.
 */
final class Drafts {
  private final ShellLink shell;
  private final Map<String, String> byRoom = new HashMap<>();
  private Runnable onLoaded = () -> {};
  private boolean loaded;

  Drafts(ShellLink shell) {
    this.shell = shell;
  }

  /** Called (once) when the shell's drafts first arrive. */
  void onLoaded(Runnable then) {
    onLoaded = then;
  }

  /** The shell's drafts: they answer every hello, and only the first answer counts. */
  void loaded(Map<String, String> drafts) {
    if (loaded) {
      return;
    }
    loaded = true;
    for (Map.Entry<String, String> d : drafts.entrySet()) {
      byRoom.putIfAbsent(d.getKey(), d.getValue());
    }
    onLoaded.run();
  }

  /** The room's draft in its stored form, "" when none. */
  String get(RoomKey room) {
    String d = byRoom.get(RoomListView.keyText(room));
    return d == null ? "" : d;
  }

  void put(RoomKey room, String text) {
    String key = RoomListView.keyText(room);
    if (text.equals(get(room))) {
      return;
    }
    if (text.isEmpty()) {
      byRoom.remove(key);
    } else {
      byRoom.put(key, text);
    }
    shell.draftPut(key, text);
  }
}
