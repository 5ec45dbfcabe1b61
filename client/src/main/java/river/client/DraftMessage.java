package river.client;

import java.util.HashMap;
import java.util.Map;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The bridge messages of drafts (the shell keeps them, one per room, across reloads): {@code
 * {k:"draft-put", room:"ROOM", t:"text"}} (app to shell; an empty text drops the room's draft) and
 * {@code {k:"drafts", d:{ROOM:"text"}}} (shell to app, with the answer to every hello). Kept apart
 * from {@link BridgeMessage}, which holds the vocabulary every load uses.
 */
public final class DraftMessage {
  public static final String PUT = "draft-put";
  public static final String ALL = "drafts";

  /** A room key in base58 is ~45 chars. */
  public static final int MAX_ROOM_CHARS = 200;

  /** Well over a message's size limit: a draft is never cut. */
  public static final int MAX_CHARS = 20000;

  private DraftMessage() {}

  public static Object put(String room, String text) {
    JsPropertyMap<Object> m = BridgeMessage.message(PUT);
    m.set("room", room);
    m.set("t", text);
    return m;
  }

  public static Object all(JsPropertyMap<Object> byRoom) {
    JsPropertyMap<Object> m = BridgeMessage.message(ALL);
    m.set("d", byRoom);
    return m;
  }

  /** The room of a {@code draft-put}, or null when not a plausible string. */
  public static String room(Object data) {
    String room = BridgeMessage.string(data, "room", MAX_ROOM_CHARS);
    return room == null || room.isEmpty() ? null : room;
  }

  /** The text of a {@code draft-put}, or null when not a plausible string. */
  public static String text(Object data) {
    return BridgeMessage.string(data, "t", MAX_CHARS);
  }

  /** The drafts of a {@code drafts} message: plausible entries only. */
  public static Map<String, String> map(Object data) {
    Map<String, String> out = new HashMap<>();
    Object d = Js.asPropertyMap(data).get("d");
    if (d == null || !"object".equals(Js.typeof(d))) {
      return out;
    }
    JsPropertyMap<Object> byRoom = Js.asPropertyMap(d);
    byRoom.forEach(
        room -> {
          Object t = byRoom.get(room);
          if (room.length() <= MAX_ROOM_CHARS
              && "string".equals(Js.typeof(t))
              && Js.<String>uncheckedCast(t).length() <= MAX_CHARS) {
            out.put(room, Js.<String>uncheckedCast(t));
          }
        });
    return out;
  }
}
