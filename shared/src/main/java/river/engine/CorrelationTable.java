package river.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per tab session: hands out request ids, queues what must be sent, and routes each response
 * (and each wakeup) to exactly the handler that asked. Ids are never reused; a response for an
 * unknown or already answered id is ignored and reported by the return value.
 * Hazard it removes: correlation by storage key, where a plain Get of a key could complete a
 * CAS save's waiter for the same key (upstream review, round M1) or two legacy delegates could
 * collide on one room key.
 */
public final class CorrelationTable {
  /** Receives the one reply to one request. */
  public interface ReplyHandler {
    void onReply(DelegateReply reply);
  }

  /** Receives one wakeup. */
  public interface WakeupHandler {
    void onWakeup();
  }

  private final Map<Long, ReplyHandler> replies = new HashMap<Long, ReplyHandler>();
  private final Map<Long, WakeupHandler> wakeups = new HashMap<Long, WakeupHandler>();
  private final List<Outgoing> outbox = new ArrayList<Outgoing>();
  private long nextId;

  public CorrelationTable(long firstId) {
    this.nextId = firstId;
  }

  public long send(DelegateOp op, ReplyHandler handler) {
    long id = nextId++;
    replies.put(id, handler);
    outbox.add(Outgoing.request(id, op));
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

  /** Routes a reply; false when no request with this id is waiting. */
  public boolean deliver(long id, DelegateReply reply) {
    ReplyHandler h = replies.remove(id);
    if (h == null) {
      return false;
    }
    h.onReply(reply);
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
