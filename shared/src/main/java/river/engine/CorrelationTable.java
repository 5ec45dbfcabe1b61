package river.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.rooms.Bytes;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;

/**
 * Per tab session: hands out request ids, queues what must be sent (as wire {@code Op.Delegate}s),
 * and routes each answer (a {@code DelegateResponse}, or an error code and message) and each wakeup
 * to exactly the handler that asked. Ids are never reused; an answer for an unknown or already
 * answered id is ignored and reported by the return value. Hazard it removes: correlation by
 * storage key, where a plain Get of a key could complete a CAS save's waiter for the same key
 * (upstream review, round M1) or two legacy delegates could collide on one room key.
 */
public final class CorrelationTable {
  /** Receives the one answer to one request. */
  public interface ReplyHandler {
    /** The node answered with a delegate response (of any kind: the handler checks). */
    void onResponse(DelegateResponse response);

    /**
     * An error frame ({@code unknown_delegate}, {@code too_large}, ...), or the host's own {@code
     * timeout} / {@code disconnected}.
     */
    void onError(String code, String message);
  }

  /**
   * A handler that expects one response type. Hazard: a response of any other type is a failure of
   * that one request (acting on a reply of the wrong kind is how a response gets "stolen").
   */
  abstract static class Expect<T extends DelegateResponse> implements ReplyHandler {
    private final Class<T> type;

    Expect(Class<T> type) {
      this.type = type;
    }

    @Override
    public final void onResponse(DelegateResponse response) {
      if (response.getClass() == type) {
        @SuppressWarnings("unchecked")
        T typed = (T) response;
        answered(typed);
      } else {
        failed(null, "unexpected " + response.variantName());
      }
    }

    @Override
    public final void onError(String code, String message) {
      failed(code, code + ": " + message);
    }

    /** The expected response arrived. */
    abstract void answered(T response);

    /**
     * Anything else: an error ({@code code} its code) or a response of another type ({@code code}
     * null); {@code reason} says which, for problem reports.
     */
    abstract void failed(String code, String reason);
  }

  private final Map<Long, ReplyHandler> replies = new HashMap<Long, ReplyHandler>();
  private final Map<Long, WakeupHandler> wakeups = new HashMap<Long, WakeupHandler>();
  private final List<Outgoing> outbox = new ArrayList<Outgoing>();
  private long nextId;

  /** Receives one wakeup. */
  public interface WakeupHandler {
    void onWakeup();
  }

  public CorrelationTable(long firstId) {
    this.nextId = firstId;
  }

  /** Queues {@code request} to {@code delegate}; its answer goes to {@code handler}. */
  public long send(Bytes delegate, DelegateRequest request, ReplyHandler handler) {
    long id = nextId++;
    replies.put(id, handler);
    outbox.add(Outgoing.request(id, new Op.Delegate(delegate.toArray(), request)));
    return id;
  }

  public long wakeupAt(long atMillis, WakeupHandler handler) {
    long id = nextId++;
    wakeups.put(id, handler);
    outbox.add(Outgoing.wakeup(id, atMillis));
    return id;
  }

  /** Everything queued since the last drain, in emission order. */
  public List<Outgoing> drain() {
    List<Outgoing> out = new ArrayList<Outgoing>(outbox);
    outbox.clear();
    return out;
  }

  /** Routes a response; false when no request with this id is waiting. */
  public boolean deliver(long id, DelegateResponse response) {
    ReplyHandler h = replies.remove(id);
    if (h == null) {
      return false;
    }
    h.onResponse(response);
    return true;
  }

  /** Routes an error (code and message); false when no request with this id is waiting. */
  public boolean deliverError(long id, String code, String message) {
    ReplyHandler h = replies.remove(id);
    if (h == null) {
      return false;
    }
    h.onError(code, message);
    return true;
  }

  /** Fires a wakeup; false when unknown or already fired. */
  public boolean wake(long id) {
    WakeupHandler h = wakeups.remove(id);
    if (h == null) {
      return false;
    }
    h.onWakeup();
    return true;
  }

  /** Requests and wakeups still waiting for an answer. */
  public int waiting() {
    return replies.size() + wakeups.size();
  }

  public boolean hasQueued() {
    return !outbox.isEmpty();
  }
}
