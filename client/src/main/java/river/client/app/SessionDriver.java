package river.client.app;

import elemental2.core.JsDate;
import elemental2.dom.DomGlobal;
import java.util.ArrayList;
import java.util.List;
import river.cbor.Utf8;
import river.engine.Outgoing;
import river.engine.SeededRandom;
import river.engine.TabConfig;
import river.engine.TabSession;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.store.DelegateKeys;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.OpResult;
import river.wire.Push;

/**
 * Runs the shared {@link TabSession} (load flow, save engine, live ROOMS) in the browser: every
 * request the session emits goes out through the {@link NodeLink}, every answer, timeout or lost
 * connection comes back to it exactly once, wakeups become timers, DelegateKeyChanged pushes go in
 * as live cross-tab updates, and a reconnect triggers a resync. No decision is made here.
 */
public final class SessionDriver {
  private final NodeLink node;
  private final TabSession session;
  private boolean started;
  private Runnable afterPump = () -> {};

  public SessionDriver(NodeLink node) {
    this.node = node;
    List<Bytes> legacy = new ArrayList<>();
    for (byte[] key : DelegateKeys.legacyNewestFirst()) {
      legacy.add(Bytes.of(key));
    }
    this.session =
        new TabSession(
            new TabConfig(Bytes.of(DelegateKeys.current()), legacy),
            new CborRoomsCodec(),
            () -> (long) JsDate.now(),
            new SeededRandom((long) (Math.random() * 9.007199254740991E15)));
  }

  public TabSession session() {
    return session;
  }

  /** First connection: start the load. Later connections: catch up on what pushes we missed. */
  public void onConnected() {
    if (!started) {
      started = true;
      session.start();
    } else if (session.loadState() == TabSession.LoadState.FAILED) {
      session.start();
    } else {
      session.resync();
    }
    pump();
  }

  /**
   * A Ping made the round trip: a load that failed because the path was not working yet (it went
   * out with the Ping) is retried now.
   */
  public void onPathConfirmed() {
    if (started && session.loadState() == TabSession.LoadState.FAILED) {
      session.start();
      pump();
    }
  }

  /** The retry button of a failed load. */
  public void retryLoad() {
    session.start();
    pump();
  }

  public void onPush(Push push) {
    if (push.event() instanceof Event.DelegateKeyChanged) {
      Event.DelegateKeyChanged changed = (Event.DelegateKeyChanged) push.event();
      byte[] key = changed.key();
      String text;
      try {
        text = Utf8.decode(key, 0, key.length);
      } catch (RuntimeException notOurs) {
        return;
      }
      session.onKeyChanged(
          Bytes.of(changed.delegate()), text, changed.generation(), changed.value());
      pump();
    }
  }

  /** Sends whatever the session wants sent; call after every call into the session. */
  public void pump() {
    sendOutgoing();
    if (session.loadState() != TabSession.LoadState.LOADING) {
      node.endPrefetch(); // the shell's early reads were for the load, which is over
    }
    afterPump.run();
  }

  /** Runs after every pump, when the session has taken what happened (the saving mark). */
  public void afterEachPump(Runnable then) {
    this.afterPump = then;
  }

  private void sendOutgoing() {
    for (Outgoing out : session.drainOutgoing()) {
      final long id = out.id();
      if (out.isWakeup()) {
        double delay = Math.max(0, out.wakeupAt() - JsDate.now());
        DomGlobal.setTimeout(
            ignored -> {
              session.onWakeup(id);
              pump();
            },
            delay);
        continue;
      }
      node.request(
          out.op(),
          new NodeLink.Callback() {
            @Override
            public void onResult(OpResult result) {
              if (result instanceof OpResult.Delegate) {
                session.onResponse(id, ((OpResult.Delegate) result).response());
              } else {
                session.onError(id, ErrorCodes.INVALID, "not a delegate response");
              }
              pump();
            }

            @Override
            public void onError(String code, String message) {
              session.onError(id, code, message);
              pump();
            }
          });
    }
  }
}
