package river.node.tools.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import river.engine.CasOutcome;
import river.engine.Outgoing;
import river.engine.SaveReport;
import river.engine.SeededRandom;
import river.engine.TabConfig;
import river.engine.TabSession;
import river.node.tools.WsClient;
import river.node.ws.RequestDispatcher;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.store.DelegateKeys;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Event;
import river.wire.Op;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * One tab's engine ({@link TabSession}) hosted on a real WebSocket, following the host contract of
 * {@code river.engine}: a single-threaded event loop per tab (as a browser tab has), every outgoing
 * request sent as a frame, every answer, wakeup and DelegateKeyChanged push fed back on that loop.
 * Counts what it sends (request frame bytes, requests) and, per written key, how many CasStore
 * attempts each write took.
 */
public final class TabDriver implements AutoCloseable {
  private final WsClient ws;
  private final TabSession session;
  private final ScheduledExecutorService loop;
  private final Thread pushReader;
  private volatile boolean closing;
  // touched on the loop thread only
  private long bytesSent;
  private long requestsSent;
  private long casStoresSent;
  private final Map<String, Integer> casTries = new HashMap<>();
  private final List<Integer> casAttemptsPerWrite = new ArrayList<>();
  private int exhausted;
  private int refused;
  private volatile String loadDetail;
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

  /**
   * At most {@code window} requests in flight on the connection; the rest wait in order for
   * answers. The node refuses more than {@link RequestDispatcher#MAX_IN_FLIGHT} per connection
   * ({@code too_large}), and the engine pipelines a request per room (load, migration), so a host
   * with many rooms must hold some back; {@code Integer.MAX_VALUE} sends everything at once.
   */
  private final int window;

  private int sending;
  private final ArrayDeque<Runnable> held = new ArrayDeque<>();

  public TabDriver(String wsUrl, long seed, String name) throws Exception {
    this(wsUrl, seed, name, RequestDispatcher.MAX_IN_FLIGHT);
  }

  public TabDriver(String wsUrl, long seed, String name, int window) throws Exception {
    this.window = window;
    ws = WsClient.connect(wsUrl);
    WsClient.await(ws.request(Op.PING)); // registered for pushes before the first write anywhere
    loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    session =
        new TabSession(
            new TabConfig(
                Bytes.of(DelegateKeys.current()), List.of(Bytes.of(DelegateKeys.legacy()))),
            new CborRoomsCodec(),
            System::currentTimeMillis,
            new SeededRandom(seed));
    session.setListener(
        new TabSession.Listener() {
          @Override
          public void onSaveFinished(SaveReport report) {
            for (Map.Entry<String, CasOutcome> e : report.outcomes().entrySet()) {
              if (e.getValue() == CasOutcome.EXHAUSTED) {
                exhausted++;
              }
              casTries.remove(e.getKey());
            }
          }

          @Override
          public void onLoadState(TabSession.LoadState state, String detail) {
            loadDetail = state + (detail == null ? "" : ": " + detail);
          }

          @Override
          public void onProblem(String message) {
            problems.add(message);
          }
        });
    pushReader = new Thread(this::readPushes, name + "-pushes");
    pushReader.setDaemon(true);
    pushReader.start();
  }

  private void readPushes() {
    while (!closing) {
      Event e;
      try {
        e = ws.nextPush(java.time.Duration.ofMillis(200));
      } catch (InterruptedException ie) {
        return;
      }
      if (e instanceof Event.DelegateKeyChanged k) {
        String key = new String(k.key(), StandardCharsets.UTF_8);
        loop.execute(
            () -> {
              session.onKeyChanged(Bytes.of(k.delegate()), key, k.generation(), k.value());
              flush();
            });
      }
    }
  }

  /** Runs {@code f} on the tab's loop, sends what it emitted, and returns its result. */
  public <T> T call(Function<TabSession, T> f) {
    return await(
        () -> {
          T r = f.apply(session);
          flush();
          return r;
        });
  }

  public void act(Consumer<TabSession> action) {
    call(
        s -> {
          action.accept(s);
          return null;
        });
  }

  private <T> T await(Callable<T> c) {
    try {
      return loop.submit(c).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void flush() {
    for (Outgoing o : session.drainOutgoing()) {
      if (o.isWakeup()) {
        long delay = Math.max(0, o.wakeupAt() - System.currentTimeMillis());
        loop.schedule(
            () -> {
              session.onWakeup(o.id());
              flush();
            },
            delay,
            TimeUnit.MILLISECONDS);
      } else {
        send(o.id(), o.op());
      }
    }
  }

  private void send(long id, Op.Delegate wire) {
    bytesSent += WireCodec.encodeRequest(new Request(id, wire)).length;
    requestsSent++;
    String casKey = casKey(wire);
    if (casKey != null) {
      casTries.merge(casKey, 1, Integer::sum);
      casStoresSent++;
    }
    if (sending >= window) {
      held.add(() -> transmit(id, casKey, wire));
    } else {
      transmit(id, casKey, wire);
    }
  }

  /** The key of a CasStore request as text, else null. */
  private static String casKey(Op.Delegate wire) {
    return wire.msg() instanceof DelegateRequest.CasStore c
        ? new String(c.key(), StandardCharsets.UTF_8)
        : null;
  }

  private void transmit(long id, String casKey, Op wire) {
    sending++;
    ws.request(id, wire)
        .whenComplete(
            (r, e) ->
                loop.execute(
                    () -> {
                      sending--;
                      Runnable next = held.poll();
                      if (next != null) {
                        next.run();
                      }
                      if (e != null) {
                        session.onError(id, "disconnected", String.valueOf(e));
                      } else if (!r.isOk()) {
                        if (r.errorMessage() != null && r.errorMessage().contains("in flight")) {
                          refused++;
                        }
                        session.onError(id, r.errorCode(), r.errorMessage());
                      } else {
                        DelegateResponse response = WsClient.delegateResponse(r);
                        if (casKey != null
                            && response instanceof DelegateResponse.CasStore c
                            && c.result() instanceof CasStoreResult.Stored) {
                          Integer n = casTries.remove(casKey);
                          casAttemptsPerWrite.add(n == null ? 1 : n);
                        }
                        session.onResponse(id, response);
                      }
                      flush();
                    }));
  }

  /** Starts the load and waits until this tab is LOADED and quiet. */
  public void load(long timeoutMillis) throws InterruptedException {
    act(TabSession::start);
    long end = System.currentTimeMillis() + timeoutMillis;
    while (!call(s -> s.loadState() == TabSession.LoadState.LOADED && quietNow(s))) {
      if (call(TabSession::loadState) == TabSession.LoadState.FAILED) {
        throw new IllegalStateException(
            "load " + loadDetail + (problems.isEmpty() ? "" : ", problems: " + problems));
      }
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException(
            "not loaded after " + timeoutMillis + " ms: " + call(TabSession::loadState));
      }
      Thread.sleep(2);
    }
  }

  private static boolean quietNow(TabSession s) {
    return s.inFlight() == 0 && !s.isSaving();
  }

  /** Nothing in flight and no save running right now. */
  public boolean quiet() {
    return call(TabDriver::quietNow);
  }

  /** Waits until the tab is quiet (polling its loop). */
  public void awaitQuiet(long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (!quiet()) {
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("tab not quiet after " + timeoutMillis + " ms");
      }
      Thread.sleep(1);
    }
  }

  public long bytesSent() {
    return call(s -> bytesSent);
  }

  public long requestsSent() {
    return call(s -> requestsSent);
  }

  /** Every CasStore sent, also by loops that ended without a write (see casAttemptsPerWrite). */
  public long casStoresSent() {
    return call(s -> casStoresSent);
  }

  /** CasStore attempts of every write that landed (1 = no conflict). */
  public List<Integer> casAttemptsPerWrite() {
    return call(s -> List.copyOf(casAttemptsPerWrite));
  }

  /** Requests the node refused for being over its in-flight limit on this connection. */
  public int refusedOverLimit() {
    return call(s -> refused);
  }

  public int exhaustedLoops() {
    return call(s -> exhausted);
  }

  public void resetCounters() {
    act(
        s -> {
          bytesSent = 0;
          requestsSent = 0;
          casStoresSent = 0;
          casAttemptsPerWrite.clear();
          exhausted = 0;
        });
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public void close() {
    closing = true;
    ws.close();
    loop.shutdownNow();
    pushReader.interrupt();
  }
}
