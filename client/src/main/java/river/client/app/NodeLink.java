package river.client.app;

import elemental2.dom.DomGlobal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Push;
import river.wire.Request;
import river.wire.Response;
import river.wire.ServerFrame;
import river.wire.WireCodec;

/**
 * The app's request layer over the shell bridge: numbers each request, matches responses by id,
 * fails a request after {@link #TIMEOUT_MS}, and fails every pending request when the shell says
 * the connection is gone (their answers can never arrive on a new socket). At most {@link #WINDOW}
 * requests are on the wire at once; the rest wait here in order, because the node answers more than
 * 256 in flight per connection with too_large and a tab with 500 rooms asks for 500 slots and 500
 * room states at once.
 */
public final class NodeLink {
  public interface Callback {
    void onResult(OpResult result);

    void onError(String code, String message);
  }

  public interface PushListener {
    void onPush(Push push);
  }

  public static final int TIMEOUT_MS = 10_000;
  public static final int WINDOW = 128;
  public static final String TIMEOUT = "timeout";
  public static final String DISCONNECTED = "disconnected";

  private final ShellLink shell;
  private final Map<Long, Pending> pending = new HashMap<>();
  private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
  private PushListener pushListener;
  private long nextId = 1;

  private static final class Pending {
    final Callback callback;
    final double timer;

    Pending(Callback callback, double timer) {
      this.callback = callback;
      this.timer = timer;
    }
  }

  private static final class Queued {
    final Op op;
    final Callback callback;

    Queued(Op op, Callback callback) {
      this.op = op;
      this.callback = callback;
    }
  }

  NodeLink(ShellLink shell) {
    this.shell = shell;
  }

  public void setPushListener(PushListener listener) {
    this.pushListener = listener;
  }

  public void request(Op op, Callback callback) {
    waiting.add(new Queued(op, callback));
    drain();
  }

  private void drain() {
    while (pending.size() < WINDOW && !waiting.isEmpty()) {
      Queued q = waiting.poll();
      send(q.op, q.callback);
    }
  }

  private void send(Op op, Callback callback) {
    final long id = nextId++;
    double timer =
        DomGlobal.setTimeout(
            ignored -> {
              Pending p = pending.remove(id);
              if (p != null) {
                p.callback.onError(
                    TIMEOUT, "no answer from the node within " + (TIMEOUT_MS / 1000) + " s");
                drain();
              }
            },
            TIMEOUT_MS);
    pending.put(id, new Pending(callback, timer));
    shell.send(WireCodec.encodeRequest(new Request(id, op)));
  }

  void onFrame(byte[] bytes) {
    ServerFrame frame;
    try {
      frame = WireCodec.decodeServerFrame(bytes);
    } catch (RuntimeException e) {
      DomGlobal.console.warn(
          "River: ignoring an undecodable frame from the node: " + e.getMessage());
      return;
    }
    if (frame instanceof Push) {
      if (pushListener != null) {
        pushListener.onPush((Push) frame);
      }
      return;
    }
    Response response = (Response) frame;
    Pending p = pending.remove(response.id());
    if (p == null) {
      return; // answered after its timeout: the caller already moved on
    }
    DomGlobal.clearTimeout(p.timer);
    if (response.isOk()) {
      p.callback.onResult(response.result());
    } else {
      p.callback.onError(response.errorCode(), response.errorMessage());
    }
    drain();
  }

  void onDisconnected() {
    Map<Long, Pending> failed = new HashMap<>(pending);
    pending.clear();
    ArrayDeque<Queued> unsent = new ArrayDeque<>(waiting);
    waiting.clear();
    for (Pending p : failed.values()) {
      DomGlobal.clearTimeout(p.timer);
      p.callback.onError(DISCONNECTED, "the connection to the node was lost");
    }
    for (Queued q : unsent) {
      q.callback.onError(DISCONNECTED, "the connection to the node was lost");
    }
  }
}
