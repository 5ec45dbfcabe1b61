package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLIFrameElement;
import elemental2.dom.MessageEvent;
import elemental2.dom.Window;
import river.client.BridgeMessage;

/**
 * The shell's side of the postMessage bridge to the sandboxed app iframe. Only messages whose
 * {@code event.source} is our own iframe's window are accepted; anything else (another frame,
 * an extension, a foreign opener) is ignored. The iframe has an opaque origin, so the shell
 * must post with target origin "*"; it posts only to that one window.
 */
final class AppBridge {
  interface Listener {
    void onAppFrame(ArrayBuffer frame);

    void onAppHello();

    void onAppTitle(int unread);
  }

  private final HTMLIFrameElement frame;

  AppBridge(HTMLIFrameElement frame, Listener listener) {
    this.frame = frame;
    DomGlobal.window.addEventListener("message", event -> {
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
      } else if (BridgeMessage.TITLE.equals(kind)) {
        int n = BridgeMessage.titleCount(message.data);
        if (n >= 0) {
          listener.onAppTitle(n);
        }
      }
    });
  }

  void sendFrame(ArrayBuffer bytes) {
    post(BridgeMessage.frame(bytes));
  }

  void sendInvitation(String code) {
    post(BridgeMessage.invitation(code));
  }

  void sendStatus(String state) {
    post(BridgeMessage.status(state));
  }

  private void post(Object message) {
    Window app = frame.contentWindow;
    if (app != null) {
      app.postMessage(message, "*");
    }
  }
}
