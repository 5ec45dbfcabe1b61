package river.node.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import river.cbor.Utf8;
import river.engine.Answers;
import river.engine.DelegateBackend;
import river.engine.DelegateModel;
import river.engine.World;
import river.node.tools.WsClient;
import river.rooms.Bytes;
import river.store.DelegateKeys;
import river.wire.DelegateResponse;
import river.wire.Event;
import river.wire.Op;
import river.wire.Response;

/**
 * The simulator's requests answered by a real node: each tab session of the world has its own
 * WebSocket of one user (one token), so the pushes a tab receives are the node's real
 * DelegateKeyChanged pushes. The world's fake delegate keys become the real {@link DelegateKeys} on
 * the wire (only the current delegate: seeds with legacy data are skipped, the node hosts one
 * legacy version and the simulator seeds two).
 *
 * <p>Every request is sent and answered before the next one (the world is single-threaded), so the
 * node's store changes only through this backend. Each request is also applied to the world's
 * model, and the node's reply is checked against the model's; the node's reply is the one the tab
 * gets. After a write, this waits for the push on every other tab's current connection and reports
 * it to the world in tab order, so a seed's schedule does not depend on timing. {@link #verify}
 * compares the node's whole store (List, then GetVersioned of every key) with the model and checks
 * that no connection got a push nobody expected.
 */
public final class NodeBackend implements DelegateBackend {
  private static final Duration PUSH_WAIT = Duration.ofSeconds(5);

  private final World world;
  private final String url;
  private final Map<Long, WsClient> connections = new HashMap<>();
  private final Map<Integer, Integer> epochs = new TreeMap<>();
  private final List<WsClient> retired = new ArrayList<>();
  private final WsClient checker;
  private final List<String> differences = new ArrayList<>();
  public int requests;
  public int pushes;

  /** Pushes that carried the value written (the node's pushes of small values). */
  public int valuesCarried;

  public NodeBackend(World world, String wsUrl) throws Exception {
    this.world = world;
    this.url = wsUrl;
    this.checker = connect();
  }

  private WsClient connect() throws Exception {
    WsClient c = WsClient.connect(url);
    // the node registers a connection for pushes before it reads its first frame
    WsClient.await(c.request(Op.PING));
    return c;
  }

  private static long id(int tab, int epoch) {
    return ((long) tab << 32) | epoch;
  }

  private WsClient current(int tab) {
    return connections.get(id(tab, epochs.get(tab)));
  }

  @Override
  public boolean supportsLegacy() {
    return false;
  }

  @Override
  public void opened(int tab, int epoch) {
    // the old session's connection stays open: requests it sent may still arrive
    try {
      connections.put(id(tab, epoch), connect());
    } catch (Exception e) {
      throw new IllegalStateException("connecting tab" + tab, e);
    }
    epochs.put(tab, epoch);
  }

  @Override
  public void reconnected(int tab, int epoch) {
    WsClient old = connections.remove(id(tab, epoch));
    if (old != null) {
      old.close();
      retired.add(old);
    }
    opened(tab, epoch);
  }

  private static byte[] wireKey(Bytes delegate) {
    if (delegate.equals(World.CURRENT)) return DelegateKeys.current();
    if (delegate.equals(World.LEGACY_NEWER)) return DelegateKeys.legacy();
    return delegate.toArray(); // not hosted: the node answers unknown_delegate
  }

  private static Response send(WsClient c, Op.Delegate op) {
    Response r;
    try {
      r = WsClient.await(c.request(new Op.Delegate(wireKey(Answers.delegate(op)), op.msg())));
    } catch (Exception e) {
      throw new IllegalStateException("sending " + op, e);
    }
    if (r.isOk()) WsClient.delegateResponse(r); // an ok answer must be a delegate response
    return r;
  }

  /** What the world's model answers (as a frame of the same id), applying a write. */
  private Response model(Response node, Op.Delegate op) {
    DelegateModel model = world.delegates.get(Answers.delegate(op));
    return model == null
        ? Answers.unknownDelegate(node.id())
        : Answers.ok(node.id(), model.apply(op.msg()));
  }

  @Override
  public Response apply(int tab, int epoch, Op.Delegate op, Pushes out) {
    WsClient writer = connections.get(id(tab, epoch));
    requests++;
    Response reply = send(writer, op);
    DelegateModel model = world.delegates.get(Answers.delegate(op));
    compare(op, reply, model(reply, op));
    String key = Answers.key(op);
    if (Answers.wrote(reply) && Answers.delegate(op).equals(World.CURRENT)) {
      long g =
          Answers.storedGeneration(reply) >= 0
              ? Answers.storedGeneration(reply)
              : model.generation(key);
      for (Map.Entry<Integer, Integer> e : epochs.entrySet()) {
        int t = e.getKey();
        WsClient c = current(t);
        if (c == writer) continue;
        Event p;
        try {
          p = c.nextPush(PUSH_WAIT);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ie);
        }
        if (!(p instanceof Event.DelegateKeyChanged k)) {
          differences.add("tab" + t + " got " + p + " instead of a push for " + key + "@" + g);
          continue;
        }
        if (!Arrays.equals(k.delegate(), DelegateKeys.current())
            || !Arrays.equals(k.key(), Utf8.encode(key))
            || k.generation() != g) {
          differences.add(
              "tab"
                  + t
                  + " got a push for "
                  + new String(k.key(), java.nio.charset.StandardCharsets.UTF_8)
                  + "@"
                  + k.generation()
                  + " after a write of "
                  + key
                  + "@"
                  + g);
          continue;
        }
        byte[] carried = k.value();
        if (carried != null && !Arrays.equals(carried, model.data(key))) {
          differences.add("tab" + t + " got a push for " + key + "@" + g + " with another value");
          continue;
        }
        if (carried != null) {
          valuesCarried++;
        }
        pushes++;
        out.push(t, key, g, carried);
      }
    }
    return reply;
  }

  @Override
  public Response probe(Op.Delegate op) {
    requests++;
    Response reply = send(checker, op);
    compare(op, reply, model(reply, op));
    return reply;
  }

  private void compare(Op.Delegate op, Response node, Response model) {
    if (!Answers.summary(node).equals(Answers.summary(model))) {
      differences.add(op + ": node answered " + node + ", model " + model);
    }
  }

  @Override
  public List<String> verify() {
    List<String> out = new ArrayList<>(differences);
    differences.clear();
    for (Map.Entry<Integer, Integer> e : epochs.entrySet()) {
      List<Event> extra = current(e.getKey()).drainPushes();
      if (!extra.isEmpty()) out.add("tab" + e.getKey() + " got unexpected pushes " + extra);
    }
    for (Map.Entry<Long, WsClient> e : connections.entrySet()) {
      if (!epochs.get((int) (e.getKey() >> 32)).equals((int) (long) e.getKey()))
        e.getValue().drainPushes();
    }
    checker.drainPushes();
    try {
      WsClient c = checker.on(DelegateKeys.current());
      DelegateModel model = world.current();
      TreeSet<String> keys = new TreeSet<>();
      for (byte[] k : c.list()) keys.add(Utf8.decode(k, 0, k.length));
      if (!keys.equals(new TreeSet<>(model.keys()))) {
        out.add("node keys " + keys + " model keys " + model.keys());
      }
      for (String k : keys) {
        DelegateResponse.GetVersioned g = c.getVersioned(Utf8.encode(k));
        if (g.generation() != model.generation(k) || !Arrays.equals(g.value(), model.data(k))) {
          out.add(
              k
                  + ": node has @"
                  + g.generation()
                  + " "
                  + Arrays.toString(g.value())
                  + ", model @"
                  + model.generation(k)
                  + " "
                  + Arrays.toString(model.data(k)));
        }
      }
    } catch (Exception e) {
      out.add("reading the node's store: " + e);
    }
    return out;
  }

  @Override
  public void close() {
    for (WsClient c : connections.values()) c.close();
    for (WsClient c : retired) c.abort();
    checker.close();
  }
}
