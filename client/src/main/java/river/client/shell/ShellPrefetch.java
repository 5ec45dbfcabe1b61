package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.core.Transferable;
import java.util.HashMap;
import java.util.Map;
import river.client.JsBytes;
import river.client.PrefetchMessage;
import river.engine.LoadReads;
import river.rooms.Bytes;
import river.store.DelegateKeys;
import river.wire.Op;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * The first read of the app's rooms load ({@link LoadReads#listValues}: the keys, with the values
 * that fit one answer: every slot up to about a thousand rooms), sent by the shell as soon as its
 * socket first opens, while the app frame is still starting (its own process, its bundle). The read
 * is announced to the app when sent and its answer handed over when it comes; the app takes it
 * instead of asking the node ({@code river.engine.PrefetchedReads}, which also says when it stops
 * taking it). Issue 18: a load waited for this round trip between the pages and the node.
 *
 * <p>Only the page's first socket does this: after a reconnect the app resyncs by itself. Request
 * ids start at {@link #FIRST_ID}, above the heartbeat's ({@link PingFrames}) and far above the
 * app's, so the answer is told apart by its first bytes ({@link WireCodec#peekResponseId}) without
 * being decoded here: the shell never reads it.
 */
final class ShellPrefetch {
  static final long FIRST_ID = 1L << 49;

  /** A response's id fits in its first bytes: a map head, "id", a 9-byte integer. */
  private static final int ID_PREFIX_BYTES = 32;

  interface Wire {
    void send(ArrayBuffer frame);
  }

  interface ToApp {
    void post(Object message, Transferable[] moved);
  }

  private final Bytes current = Bytes.of(DelegateKeys.current());
  private final Map<Long, byte[]> sent = new HashMap<>();
  private long nextId = FIRST_ID;

  /** The socket is open: the first time, the load's read goes out. Announce before the status. */
  void onConnected(Wire wire, ToApp app) {
    if (nextId > FIRST_ID) {
      return; // the read went out already (once per page)
    }
    send(LoadReads.listValues(current), wire, app);
  }

  /** The socket is gone: answers to what was sent can no longer come (the app stops waiting). */
  void onDisconnected() {
    sent.clear();
  }

  /**
   * True when {@code frame} answers a read sent here: it has been handed to the app (and moved).
   * Anything else is for the caller to relay.
   */
  boolean take(ArrayBuffer frame, ToApp app) {
    if (sent.isEmpty()) {
      return false;
    }
    long id = WireCodec.peekResponseId(JsBytes.prefix(frame, ID_PREFIX_BYTES));
    byte[] opKey = id >= FIRST_ID ? sent.remove(id) : null;
    if (opKey == null) {
      return false;
    }
    ArrayBuffer key = JsBytes.toBuffer(opKey);
    app.post(PrefetchMessage.answer(key, frame), new Transferable[] {key, frame});
    return true;
  }

  private void send(Op op, Wire wire, ToApp app) {
    long id = nextId++;
    byte[] opKey = LoadReads.opKey(op);
    sent.put(id, opKey);
    wire.send(JsBytes.toBuffer(WireCodec.encodeRequest(new Request(id, op))));
    ArrayBuffer key = JsBytes.toBuffer(opKey);
    app.post(PrefetchMessage.sent(key), new Transferable[] {key});
  }
}
