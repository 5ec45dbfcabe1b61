package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.dom.DomGlobal;
import elemental2.dom.WebSocket;
import river.net.ReconnectBackoff;

/**
 * The shell's one WebSocket to the node, reopened by itself after any loss with jittered
 * exponential backoff ({@link ReconnectBackoff}). It moves opaque binary frames; it never looks
 * inside them. Frames sent while disconnected are dropped: the app's request layer times them out
 * and resends what matters (the outbox is durable elsewhere).
 */
final class NodeSocket {
  interface Listener {
    void onState(String state);

    void onFrame(ArrayBuffer frame);

    /** An attempt closed without ever opening (node down, or the upgrade was refused). */
    void onAttemptFailed(int failedAttempts);
  }

  static final String CONNECTING = "connecting";
  static final String CONNECTED = "connected";
  static final String DISCONNECTED = "disconnected";

  private final String url;
  private final Listener listener;
  private WebSocket socket;
  private int failedAttempts;
  private String state = CONNECTING;
  private boolean stopped;

  NodeSocket(String token, Listener listener) {
    String scheme = "https:".equals(DomGlobal.location.protocol) ? "wss://" : "ws://";
    this.url = scheme + DomGlobal.location.host + "/v1/ws?token=" + elemental2.core.Global.encodeURIComponent(token);
    this.listener = listener;
  }

  String state() {
    return state;
  }

  void open() {
    setState(failedAttempts == 0 ? CONNECTING : DISCONNECTED);
    WebSocket ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    socket = ws;
    final boolean[] opened = {false};
    ws.onopen = event -> {
      opened[0] = true;
      failedAttempts = 0;
      setState(CONNECTED);
    };
    ws.onmessage = event -> {
      if (event.data instanceof ArrayBuffer) {
        listener.onFrame((ArrayBuffer) event.data);
      }
    };
    ws.onclose = event -> {
      if (socket != ws) {
        return;
      }
      socket = null;
      setState(DISCONNECTED);
      if (stopped) {
        return;
      }
      int delay = ReconnectBackoff.delayMs(failedAttempts, Math.random());
      failedAttempts++;
      DomGlobal.setTimeout(ignored -> {
        if (!stopped) {
          open();
        }
      }, delay);
      if (!opened[0]) {
        listener.onAttemptFailed(failedAttempts);
      }
    };
  }

  /** No more reconnects: this node refuses the profile. */
  void stop() {
    stopped = true;
    if (socket != null) {
      socket.close();
    }
  }

  void send(ArrayBuffer frame) {
    if (socket != null && socket.readyState == WebSocket.OPEN) {
      socket.send(frame);
    }
  }

  private void setState(String next) {
    if (!next.equals(state)) {
      state = next;
      listener.onState(next);
    }
  }
}
