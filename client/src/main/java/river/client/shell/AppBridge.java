package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.core.Transferable;
import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLIFrameElement;
import elemental2.dom.MessageEvent;
import elemental2.dom.Window;
import river.client.BridgeMessage;
import river.client.DraftMessage;
import river.client.NotifyMessage;
import river.client.OutboxMessage;

/**
 * The shell's side of the postMessage bridge to the sandboxed app iframe. Only messages whose
 * {@code event.source} is our own iframe's window are accepted; anything else (another frame, an
 * extension, a foreign opener) is ignored. The iframe has an opaque origin, so the shell must post
 * with target origin "*"; it posts only to that one window.
 */
final class AppBridge {
  interface Listener {
    void onAppFrame(ArrayBuffer frame);

    void onAppHello();

    /** {@code room}: the shown room's name as the app sent it (null: none), not yet cleaned. */
    void onAppTitle(int unread, String room);

    /** The app asks to push (or replace) a history entry for this fragment. */
    void onHistory(String fragment, boolean replace);

    /** The app asks to copy the full URL of this fragment. */
    void onCopy(String fragment);

    /** The app asks to copy an invitation code, or ({@code asLink}) the link that opens it. */
    void onCopyInvitation(String code, boolean asLink);

    void onOutboxPut(String key, ArrayBuffer bytes);

    void onOutboxRemove(String key);

    void onOutboxList();

    /** The app's draft for a room ("" drops it). */
    void onDraftPut(String room, String text);

    /** The app's "Retry now": reconnect at once instead of waiting out the backoff. */
    void onRetry();

    /**
     * The app asks to show a system notification for message {@code id} of {@code room} (a direct
     * message from {@code peer}, or null).
     */
    void onNotify(String room, String id, String title, String body, String peer);

    /** The app's {@code notifications-enable} button: ask the browser for permission. */
    void onNotificationsEnable();
  }

  private final HTMLIFrameElement frame;

  AppBridge(HTMLIFrameElement frame, Listener listener) {
    this.frame = frame;
    DomGlobal.window.addEventListener(
        "message",
        event -> {
          MessageEvent<Object> message = (MessageEvent<Object>) event;
          Window app = frame.contentWindow;
          if (app == null || message.source != app) {
            return;
          }
          String kind = BridgeMessage.kind(message.data);
          if (BridgeMessage.FRAME.equals(kind)) {
            ArrayBuffer bytes = BridgeMessage.frameBytes(message.data);
            if (bytes != null) {
              listener.onAppFrame(bytes);
            }
          } else if (BridgeMessage.HELLO.equals(kind)) {
            listener.onAppHello();
          } else if (BridgeMessage.RETRY.equals(kind)) {
            listener.onRetry();
          } else if (OutboxMessage.PUT.equals(kind)) {
            String key = OutboxMessage.key(message.data);
            ArrayBuffer bytes = OutboxMessage.bytes(message.data);
            if (key != null && bytes != null) {
              listener.onOutboxPut(key, bytes);
            } else if (key != null) {
              post(OutboxMessage.saved(key, false));
            }
          } else if (OutboxMessage.REMOVE.equals(kind)) {
            String key = OutboxMessage.key(message.data);
            if (key != null) {
              listener.onOutboxRemove(key);
            }
          } else if (OutboxMessage.LIST.equals(kind)) {
            listener.onOutboxList();
          } else if (BridgeMessage.TITLE.equals(kind)) {
            int n = BridgeMessage.titleCount(message.data);
            if (n >= 0) {
              listener.onAppTitle(n, BridgeMessage.titleRoom(message.data));
            }
          } else if (BridgeMessage.HISTORY.equals(kind)) {
            String fragment = BridgeMessage.fragment(message.data);
            if (fragment != null) {
              listener.onHistory(fragment, BridgeMessage.flag(message.data, "replace"));
            }
          } else if (BridgeMessage.COPY_INVITATION.equals(kind)) {
            String code = BridgeMessage.invitationCode(message.data);
            if (code != null) {
              listener.onCopyInvitation(code, BridgeMessage.flag(message.data, "link"));
            } else {
              post(BridgeMessage.copied(false));
            }
          } else if (DraftMessage.PUT.equals(kind)) {
            String room = DraftMessage.room(message.data);
            String text = DraftMessage.text(message.data);
            if (room != null && text != null) {
              listener.onDraftPut(room, text);
            }
          } else if (NotifyMessage.NOTIFY.equals(kind)) {
            String room = NotifyMessage.room(message.data);
            String id = NotifyMessage.id(message.data);
            String title = NotifyMessage.text(message.data, "title");
            String body = NotifyMessage.text(message.data, "body");
            if (room != null
                && id != null
                && title != null
                && body != null
                && NotifyMessage.peerPlausible(message.data)) {
              listener.onNotify(room, id, title, body, NotifyMessage.peer(message.data));
            }
          } else if (NotifyMessage.ENABLE.equals(kind)) {
            listener.onNotificationsEnable();
          } else if (BridgeMessage.COPY.equals(kind)) {
            String fragment = BridgeMessage.fragment(message.data);
            if (fragment != null) {
              listener.onCopy(fragment);
            } else {
              post(BridgeMessage.copied(false));
            }
          }
        });
  }

  /**
   * Moves the node's frame to the app instead of copying it (the buffer is transferred: the shell
   * holds nothing after this). Why: Chromium took ~2 ms to hand the app a copied 51 KB buffer and
   * ~0 a moved one, and a 5,000-room load takes forty of them (issue 18).
   */
  void sendFrame(ArrayBuffer bytes) {
    post(BridgeMessage.frame(bytes), new Transferable[] {bytes});
  }

  /** {@code moved}: buffers in the message the shell hands over (it keeps nothing of them). */
  void sendMoved(Object message, Transferable[] moved) {
    post(message, moved);
  }

  void sendInvitation(String code) {
    post(BridgeMessage.invitation(code));
  }

  void send(Object bridgeMessage) {
    post(bridgeMessage);
  }

  /** {@code retryInMs}: until the next reconnect attempt, or negative when none is waiting. */
  void sendStatus(String state, double retryInMs) {
    post(BridgeMessage.status(state, retryInMs));
  }

  private void post(Object message) {
    post(message, new Transferable[0]);
  }

  /** {@code moved}: buffers in the message the shell hands over (it keeps nothing of them). */
  private void post(Object message, Transferable[] moved) {
    Window app = frame.contentWindow;
    if (app != null) {
      app.postMessage(message, "*", moved);
    }
  }
}
