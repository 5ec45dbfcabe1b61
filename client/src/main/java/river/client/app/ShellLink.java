package river.client.app;

import elemental2.core.ArrayBuffer;
import elemental2.core.JsArray;
import elemental2.core.Transferable;
import elemental2.dom.DomGlobal;
import elemental2.dom.MessageEvent;
import elemental2.dom.Window;
import java.util.LinkedHashMap;
import java.util.Map;
import jsinterop.annotations.JsFunction;
import jsinterop.base.Js;
import river.client.BridgeMessage;
import river.client.DraftMessage;
import river.client.JsBytes;
import river.client.NotifyMessage;
import river.client.OutboxMessage;
import river.client.PrefetchMessage;

/**
 * The app's only way out: postMessage to its parent, the shell. Messages are accepted only when
 * {@code event.source} is the parent window. The app's own document has an opaque origin, but its
 * URL's origin is the node's, which is where the shell lives, so we post to exactly that.
 */
final class ShellLink {
  interface Listener {
    /**
     * The shell socket's state, and the milliseconds until its next reconnect attempt (-1: none is
     * waiting). Repeated with the same state whenever the countdown is reset.
     */
    void onStatus(String state, double retryInMs);

    void onFrame(byte[] frame);

    /** The shell sent one of the load's first reads for the app (river.engine.LoadReads). */
    void onPrefetchSent(byte[] opKey);

    /** The node's answer frame to a read the shell sent for the app. */
    void onPrefetchAnswer(byte[] opKey, byte[] frame);

    void onInvitation(String code);

    void onOutboxSaved(String key, boolean ok);

    /** The outbox as the shell holds it: keys and their stored bytes. */
    void onOutboxItems(Map<String, byte[]> items);

    /**
     * The tab's address: the shell URL's fragment, the shell's URL without it, and whether the
     * browser already moved there (back/forward, a typed fragment).
     */
    void onAddress(String fragment, String base, boolean popped);

    /** The shell's answer to {@link #copy}. */
    void onCopied(boolean ok);

    /** The drafts the shell keeps, by room (base58). */
    void onDrafts(Map<String, String> drafts);

    /** The browser's notification permission, as the shell sees it. */
    void onNotifications(String state);

    /**
     * The user clicked the system notification of a message in {@code room} (base58); of a direct
     * message from {@code peer} (base58), or null.
     */
    void onNotificationClick(String room, String peer);
  }

  private final Window parent = DomGlobal.window.parent;
  private final String shellOrigin = DomGlobal.location.origin;

  /** The page's early message keeper ({@code app/index.html}): hands over what it kept, once. */
  @JsFunction
  private interface EarlyKeeper {
    JsArray<Object> take();
  }

  private final Listener listener;

  /** What the shell posted before this link listened, until {@link #takeEarly}. */
  private JsArray<Object> early;

  ShellLink(Listener listener) {
    this.listener = listener;
    Object keeper = Js.asPropertyMap(DomGlobal.window).get("riverTakeEarly");
    if ("function".equals(Js.typeof(keeper))) {
      early = Js.<EarlyKeeper>uncheckedCast(keeper).take();
    }
    DomGlobal.window.addEventListener("message", event -> take(Js.uncheckedCast(event)));
  }

  /**
   * Handles, in order, what the shell posted before the app listened (its socket is often up before
   * the app's script has run, and says so once). Call when the app is ready for any message: the
   * messages that come after are handled as they come.
   */
  void takeEarly() {
    JsArray<Object> kept = early;
    early = null;
    if (kept != null) {
      for (int i = 0; i < kept.length; i++) {
        Object event = kept.getAt(i);
        if (event != null && "object".equals(Js.typeof(event))) {
          take(Js.uncheckedCast(event));
        }
      }
    }
  }

  private void take(MessageEvent<Object> message) {
    if (message.source != parent || parent == DomGlobal.window) {
      return;
    }
    String kind = BridgeMessage.kind(message.data);
    if (BridgeMessage.STATUS.equals(kind)) {
      String state = BridgeMessage.statusState(message.data);
      if (state != null) {
        listener.onStatus(state, BridgeMessage.statusRetryIn(message.data));
      }
    } else if (OutboxMessage.SAVED.equals(kind)) {
      String key = OutboxMessage.key(message.data);
      if (key != null) {
        listener.onOutboxSaved(key, OutboxMessage.ok(message.data));
      }
    } else if (OutboxMessage.ITEMS.equals(kind)) {
      Map<String, byte[]> items = new LinkedHashMap<>();
      JsArray<Object> list = OutboxMessage.itemList(message.data);
      for (int i = 0; i < list.length; i++) {
        Object item = list.getAt(i);
        if (item == null || !"object".equals(Js.typeof(item))) {
          continue;
        }
        String key = OutboxMessage.key(item);
        ArrayBuffer bytes = OutboxMessage.bytes(item);
        if (key != null && bytes != null) {
          items.put(key, JsBytes.fromBuffer(bytes));
        }
      }
      listener.onOutboxItems(items);
    } else if (BridgeMessage.INVITATION.equals(kind)) {
      String code = BridgeMessage.invitationCode(message.data);
      if (code != null) {
        listener.onInvitation(code);
      }
    } else if (BridgeMessage.ADDRESS.equals(kind)) {
      String fragment = BridgeMessage.fragment(message.data);
      if (fragment != null) {
        listener.onAddress(
            fragment, BridgeMessage.base(message.data), BridgeMessage.flag(message.data, "popped"));
      }
    } else if (DraftMessage.ALL.equals(kind)) {
      listener.onDrafts(DraftMessage.map(message.data));
    } else if (NotifyMessage.PERMISSION.equals(kind)) {
      String state = BridgeMessage.statusState(message.data);
      if (state != null) {
        listener.onNotifications(state);
      }
    } else if (NotifyMessage.CLICK.equals(kind)) {
      String room = NotifyMessage.room(message.data);
      if (room != null && NotifyMessage.peerPlausible(message.data)) {
        listener.onNotificationClick(room, NotifyMessage.peer(message.data));
      }
    } else if (BridgeMessage.COPIED.equals(kind)) {
      listener.onCopied(BridgeMessage.flag(message.data, "ok"));
    } else if (BridgeMessage.FRAME.equals(kind)) {
      ArrayBuffer bytes = BridgeMessage.frameBytes(message.data);
      if (bytes != null) {
        listener.onFrame(JsBytes.fromBuffer(bytes));
      }
    } else if (PrefetchMessage.SENT.equals(kind)) {
      ArrayBuffer op = PrefetchMessage.opKey(message.data);
      if (op != null) {
        listener.onPrefetchSent(JsBytes.fromBuffer(op));
      }
    } else if (PrefetchMessage.ANSWER.equals(kind)) {
      ArrayBuffer op = PrefetchMessage.opKey(message.data);
      ArrayBuffer frame = PrefetchMessage.frame(message.data);
      if (op != null && frame != null) {
        listener.onPrefetchAnswer(JsBytes.fromBuffer(op), JsBytes.fromBuffer(frame));
      }
    }
  }

  void hello() {
    post(BridgeMessage.hello());
  }

  /** "Retry now": asks the shell to start its waiting reconnect attempt at once. */
  void retry() {
    post(BridgeMessage.retry());
  }

  /** Tells the shell the unread total and the shown room's name (null: none) for the tab title. */
  void title(int unread, String room) {
    post(BridgeMessage.title(unread, room));
  }

  /**
   * Asks the shell to push ({@code replace} false) or replace a history entry for this fragment.
   */
  void history(String fragment, boolean replace) {
    post(BridgeMessage.history(fragment, replace));
  }

  /**
   * Asks the shell to copy the full URL of this room (or message) address; answered by onCopied.
   */
  void copy(String fragment) {
    post(BridgeMessage.copy(fragment));
  }

  /** Asks the shell to copy an invitation code, or the link that opens it; answered by onCopied. */
  void copyInvitation(String code, boolean asLink) {
    post(BridgeMessage.copyInvitation(code, asLink));
  }

  /** Asks the shell to keep {@code text} as the draft of {@code room} ("" drops it). */
  void draftPut(String room, String text) {
    post(DraftMessage.put(room, text));
  }

  /** Asks the shell to show a system notification (it decides whether this tab shows it). */
  void notify(String room, String id, String title, String body, String peer) {
    post(NotifyMessage.notify(room, id, title, body, peer));
  }

  /** Asks the shell to ask the browser for notification permission. */
  void enableNotifications() {
    post(NotifyMessage.enable());
  }

  void outboxPut(String key, byte[] bytes) {
    post(OutboxMessage.put(key, JsBytes.toBuffer(bytes)));
  }

  void outboxRemove(String key) {
    post(OutboxMessage.remove(key));
  }

  void outboxList() {
    post(OutboxMessage.list());
  }

  /** The request's buffer is made for this message, so it is moved, not copied (see AppBridge). */
  void send(byte[] frame) {
    ArrayBuffer buffer = JsBytes.toBuffer(frame);
    post(BridgeMessage.frame(buffer), new Transferable[] {buffer});
  }

  private void post(Object message) {
    post(message, new Transferable[0]);
  }

  /** {@code moved}: buffers in the message this page hands over (it keeps nothing of them). */
  private void post(Object message, Transferable[] moved) {
    if (parent != DomGlobal.window) {
      parent.postMessage(message, shellOrigin, moved);
    }
  }
}
