package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.promise.Promise;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.engine.LoadReads;
import river.engine.PrefetchedReads;
import river.wire.ErrorCodes;
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
 *
 * <p>The load's first reads may have been sent by the shell already ({@link LoadReads}): such a
 * request takes the shell's answer, or waits for it, instead of going out again ({@link
 * PrefetchedReads} says which, and until when).
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
  private final Fifo<Queued> waiting = new Fifo<>();
  private PushListener pushListener;
  private long nextId = 1;
  private final PrefetchedReads<Parked> prefetched = new PrefetchedReads<>();

  /** A request waiting for the answer to a read the shell sent. */
  private static final class Parked {
    final Queued request;
    double timer;
    private boolean done;

    Parked(Queued request) {
      this.request = request;
    }

    /** True the first time only: the request is settled now (its timer stopped). */
    boolean settle() {
      if (done) {
        return false;
      }
      done = true;
      DomGlobal.clearTimeout(timer);
      return true;
    }
  }

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
    Queued q = new Queued(op, callback);
    if (prefetched.expects() && fromShell(q)) {
      return;
    }
    waiting.add(q);
    drain();
  }

  /** Whether the shell sent this read already: then its answer is (or will be) this one's. */
  private boolean fromShell(Queued q) {
    Parked parked = new Parked(q);
    switch (prefetched.take(LoadReads.opKey(q.op), parked)) {
      case ANSWER:
        byte[] frame = prefetched.answer();
        // Answered on a later microtask, as a node's answer would be: never inside request().
        Promise.resolve((Object) null)
            .then(
                ignored -> {
                  answer(frame, q.callback);
                  return null;
                });
        return true;
      case WAITING:
        parked.timer =
            DomGlobal.setTimeout(
                ignored -> {
                  if (parked.settle()) {
                    prefetched.forget(parked);
                    q.callback.onError(
                        TIMEOUT, "no answer from the node within " + (TIMEOUT_MS / 1000) + " s");
                  }
                },
                TIMEOUT_MS);
        return true;
      default:
        return false;
    }
  }

  void onPrefetchSent(byte[] opKey) {
    prefetched.announced(opKey);
  }

  void onPrefetchAnswer(byte[] opKey, byte[] frame) {
    Parked parked = prefetched.answered(opKey, frame);
    if (parked != null && parked.settle()) {
      answer(frame, parked.request.callback);
    }
  }

  /**
   * The shell's early reads are no longer taken (the load is over, or a push came: an answer handed
   * over after it could be older than what it announced); requests still waiting for one go to the
   * node.
   */
  public void endPrefetch() {
    if (!prefetched.isOpen()) {
      return;
    }
    for (Parked parked : prefetched.close()) {
      if (parked.settle()) {
        waiting.add(parked.request);
      }
    }
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
      endPrefetch();
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
    deliver(response, p.callback);
    drain();
  }

  private static void deliver(Response response, Callback callback) {
    if (response.isOk()) {
      callback.onResult(response.result());
    } else {
      callback.onError(response.errorCode(), response.errorMessage());
    }
  }

  /** The answer frame the shell handed over for a read it sent. */
  private static void answer(byte[] bytes, Callback callback) {
    ServerFrame frame;
    try {
      frame = WireCodec.decodeServerFrame(bytes);
    } catch (RuntimeException e) {
      frame = null;
    }
    if (frame instanceof Response) {
      deliver((Response) frame, callback);
    } else {
      callback.onError(ErrorCodes.MALFORMED, "the node's answer could not be read");
    }
  }

  void onDisconnected() {
    List<Parked> parked = prefetched.lost();
    Map<Long, Pending> failed = new HashMap<>(pending);
    pending.clear();
    List<Queued> unsent = waiting.drain();
    for (Pending p : failed.values()) {
      DomGlobal.clearTimeout(p.timer);
      p.callback.onError(DISCONNECTED, "the connection to the node was lost");
    }
    for (Queued q : unsent) {
      q.callback.onError(DISCONNECTED, "the connection to the node was lost");
    }
    for (Parked p : parked) {
      if (p.settle()) {
        p.request.callback.onError(DISCONNECTED, "the connection to the node was lost");
      }
    }
  }
}
