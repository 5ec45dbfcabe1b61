package river.client;

import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The bridge messages of system notifications (the sandboxed app has no Notification API and no
 * permission): {@code {k:"notify", room, id, title, body, peer?}} (app to shell: a message that
 * calls for one, see {@code river.chat.NotifyRule}; {@code peer}, the sender's key in base58, only
 * for a direct message), {@code {k:"notification-click", room, peer?}} (shell to app: the user
 * clicked it; open the room, or with {@code peer} that direct conversation; a {@code peer} that is
 * present but not a plausible string makes either message ignored), {@code
 * {k:"notifications-enable"}} (app to shell: ask the browser for permission) and {@code
 * {k:"notifications", s}} (shell to app: the permission, {@code default} / {@code granted} / {@code
 * denied}, or {@code unsupported}; with the answer to every hello and after each request). Kept
 * apart from {@link BridgeMessage}, which holds the vocabulary every load uses.
 */
public final class NotifyMessage {
  public static final String NOTIFY = "notify";
  public static final String CLICK = "notification-click";
  public static final String ENABLE = "notifications-enable";
  public static final String PERMISSION = "notifications";

  /** A room or message id in base58 is under 100 chars. */
  public static final int MAX_ID_CHARS = 200;

  /** Longer than any title or body NotifyRule makes: anything longer is not shown. */
  public static final int MAX_TEXT_CHARS = 1000;

  private NotifyMessage() {}

  /**
   * App to shell: show a system notification for message {@code id} of {@code room}; {@code peer}
   * (base58) for a direct message from that member, else null.
   */
  public static Object notify(String room, String id, String title, String body, String peer) {
    JsPropertyMap<Object> m = BridgeMessage.message(NOTIFY);
    m.set("room", room);
    m.set("id", id);
    m.set("title", title);
    m.set("body", body);
    if (peer != null) {
      m.set("peer", peer);
    }
    return m;
  }

  /** Shell to app: the notification of a message of {@code room} (from {@code peer}, or null). */
  public static Object click(String room, String peer) {
    JsPropertyMap<Object> m = BridgeMessage.message(CLICK);
    m.set("room", room);
    if (peer != null) {
      m.set("peer", peer);
    }
    return m;
  }

  public static Object enable() {
    return BridgeMessage.message(ENABLE);
  }

  /** Shell to app: the notification permission ({@code default}/{@code granted}/...). */
  public static Object permission(String state) {
    JsPropertyMap<Object> m = BridgeMessage.message(PERMISSION);
    m.set("s", state);
    return m;
  }

  /**
   * Whether the optional {@code peer} of a {@code notify} or {@code notification-click} is absent
   * or a plausible key string; a message whose peer is not is ignored.
   */
  public static boolean peerPlausible(Object data) {
    return !Js.asPropertyMap(data).has("peer") || peer(data) != null;
  }

  /** The peer of a {@code notify} or {@code notification-click}, or null when absent or bad. */
  public static String peer(Object data) {
    return nonEmpty(BridgeMessage.string(data, "peer", MAX_ID_CHARS));
  }

  /** The room of a {@code notify} or {@code notification-click}, or null when not plausible. */
  public static String room(Object data) {
    return nonEmpty(BridgeMessage.string(data, "room", MAX_ID_CHARS));
  }

  /** The message id of a {@code notify}, or null when not plausible. */
  public static String id(Object data) {
    return nonEmpty(BridgeMessage.string(data, "id", MAX_ID_CHARS));
  }

  /** The {@code title} or {@code body} of a {@code notify}, or null when not plausible. */
  public static String text(Object data, String field) {
    return BridgeMessage.string(data, field, MAX_TEXT_CHARS);
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
