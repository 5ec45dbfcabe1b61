package river.client.shell;

import elemental2.dom.DomGlobal;
import elemental2.dom.Notification;
import elemental2.dom.NotificationOptions;
import jsinterop.base.Js;
import river.client.NotifyMessage;
import river.net.NotifyClaim;

/**
 * System notifications, which only the shell can show: the app runs in a sandbox without {@code
 * allow-same-origin} and has neither the Notification API's permission nor a way to ask for it. The
 * app decides which message calls for one ({@code river.chat.NotifyRule}) and sends its words
 * ({@code notify}); this shows it at most once across the profile's tabs, and only from a hidden
 * tab ({@link NotifyClaim}: a visible tab claims at once, a hidden one waits, so a user reading
 * River in one tab is not notified by another). Clicking it focuses this tab and tells the app to
 * open the room, or for a direct message that conversation ({@code notification-click} with the
 * peer).
 *
 * <p>Permission: the app's {@code notifications-enable} button asks through {@code
 * notifications-enable}; the click in the frame gives this page the user activation a permission
 * prompt needs (activation reaches a frame's ancestors). The app hears the permission ({@code
 * notifications}) with every hello and after each request.
 */
final class Notifications {
  static final String UNSUPPORTED = "unsupported";

  private final AppBridge bridge;
  private final NotifyClaims claims = new NotifyClaims();

  Notifications(AppBridge bridge) {
    this.bridge = bridge;
  }

  /** The browser's permission: {@code default}, {@code granted}, {@code denied}, or unsupported. */
  static String permission() {
    if (!Js.isTruthy(Js.asPropertyMap(DomGlobal.window).get("Notification"))) {
      return UNSUPPORTED;
    }
    String p = Notification.permission;
    return "granted".equals(p) || "denied".equals(p) ? p : "default";
  }

  /** Tells the app the permission (its button shows it). */
  void sendState() {
    bridge.send(NotifyMessage.permission(permission()));
  }

  /** The app's button was clicked: ask the browser, then tell the app the answer. */
  void enable() {
    if (!"default".equals(permission())) {
      sendState(); // granted needs nothing; denied can only be undone in the browser's settings
      return;
    }
    Notification.requestPermission()
        .then(
            answer -> {
              sendState();
              return null;
            })
        .catch_(
            error -> {
              DomGlobal.console.warn("River: the notification permission was not asked", error);
              sendState();
              return null;
            });
  }

  /**
   * The app asks to show a notification for message {@code id} of {@code room} (a direct message
   * from {@code peer}, or null; its id is the DM's, claimed like a message's).
   */
  void notify(String room, String id, String title, String body, String peer) {
    if (!"granted".equals(permission())) {
      return;
    }
    DomGlobal.setTimeout(
        ignored ->
            claims.claim(
                id,
                won -> {
                  if (NotifyClaim.shows(won, DomGlobal.document.hidden)) {
                    show(room, id, title, body, peer);
                  }
                }),
        NotifyClaim.waitMs(DomGlobal.document.hidden));
  }

  private void show(String room, String id, String title, String body, String peer) {
    NotificationOptions options = Js.uncheckedCast(jsinterop.base.JsPropertyMap.of());
    options.setBody(body);
    options.setTag(id); // one per message, even if something showed it twice
    Notification shown = new Notification(title, options);
    shown.onclick =
        e -> {
          DomGlobal.window.focus();
          shown.close();
          bridge.send(NotifyMessage.click(room, peer));
          return null;
        };
  }
}
