package river.client.shell;

import elemental2.core.Global;
import elemental2.dom.DomGlobal;
import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The composer's drafts, one per room, in the shell origin's localStorage (the app's sandboxed
 * frame has no storage): a half-written message survives a reload. One JSON object under one key;
 * every tab of the browser profile shares it. Drafts are small and few, and losing one is not a
 * loss of data that was sent, so a synchronous store is enough. Storage that refuses (full,
 * disabled) only costs the draft.
 */
final class DraftStore {
  private static final String KEY = "river-drafts";

  /** The browser's Web Storage (elemental2's webstorage module is not among our dependencies). */
  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Storage")
  private static class Storage {
    native String getItem(String key);

    native void setItem(String key, String value);
  }

  JsPropertyMap<Object> all() {
    Storage storage = storage();
    String stored = storage == null ? null : storage.getItem(KEY);
    if (stored != null) {
      try {
        Object parsed = Global.JSON.parse(stored);
        if (parsed != null && "object".equals(Js.typeof(parsed))) {
          return Js.asPropertyMap(parsed);
        }
      } catch (RuntimeException unreadable) {
        // start over
      }
    }
    return JsPropertyMap.of();
  }

  void put(String room, String text) {
    Storage storage = storage();
    if (storage == null) {
      return;
    }
    JsPropertyMap<Object> drafts = all();
    if (text.isEmpty()) {
      drafts.delete(room);
    } else {
      drafts.set(room, text);
    }
    try {
      storage.setItem(KEY, Global.JSON.stringify(drafts));
    } catch (RuntimeException refused) {
      // full or disabled: the draft is not kept
    }
  }

  private static Storage storage() {
    try {
      Object s = Js.asPropertyMap(DomGlobal.window).get("localStorage");
      return s == null ? null : Js.<Storage>uncheckedCast(s);
    } catch (RuntimeException disabled) {
      return null;
    }
  }
}
