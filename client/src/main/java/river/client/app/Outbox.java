package river.client.app;

import elemental2.dom.DomGlobal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.room.PendingMessage;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.net.ReconnectBackoff;
import river.store.Base58;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.store.DelegateKeys;

/**
 * The app's half of the durable outbox. A composed message is first stored by the shell
 * (IndexedDB, committed) and only then signed and sent; it leaves the outbox when the node has
 * acknowledged the Update, or when the node refuses it for good (then the user is told). Entries
 * left by a closed tab or a lost connection are picked up on every (re)connection. Ed25519 is
 * deterministic, so whichever tab signs an entry, however often, the message and its id are the
 * same and the contract holds it once: two tabs draining one outbox cannot duplicate a message.
 */
final class Outbox {
  interface Listener {
    void onOutboxChanged();

    void onUndeliverable(String reason);
  }

  /** One queued message as this tab knows it. */
  static final class Entry {
    final String key;
    final RoomMessage unsigned;
    /** Set once the node acknowledged it; shown as delivered until the room state has it. */
    String deliveredId;
    /** Written by another open tab, which sends it: shown here, sent here only if it lingers. */
    boolean foreign;
    final double adoptedAt;

    Entry(String key, RoomMessage unsigned, boolean foreign) {
      this.key = key;
      this.unsigned = unsigned;
      this.foreign = foreign;
      this.adoptedAt = DomGlobal.performance.now();
    }
  }


  private final ShellLink shell;
  private final NodeLink node;
  private final Listener listener;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Set<String> inFlight = new HashSet<>();
  private final Set<String> awaitingSave = new HashSet<>();
  private boolean connected;
  private boolean listingOnConnect;
  private double retryTimer = -1;
  /** Transient failures since the last delivery: the retry delay grows with them. */
  private int failures;

  Outbox(ShellLink shell, NodeLink node, Listener listener) {
    this.shell = shell;
    this.node = node;
    this.listener = listener;
  }

  /** Queues a composed (unsigned) message: stored by the shell first, then sent. */
  void add(RoomMessage unsigned) {
    String key = "m" + (long) unsigned.time() + "-" + (long) (Math.random() * 1e12);
    entries.put(key, new Entry(key, unsigned, false));
    awaitingSave.add(key);
    shell.outboxPut(key, PendingMessage.encode(unsigned));
    listener.onOutboxChanged();
  }

  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** The room state now holds this delivered message: stop showing our copy. */
  void forget(String key) {
    entries.remove(key);
  }

  /**
   * The room holds this entry's message (PendingMessage.deliveredIn): it is delivered even if
   * our acknowledgment is still on its way or was lost, so it leaves the outbox now. Silent: the
   * caller is rendering.
   */
  void deliveredByRoom(String key) {
    if (entries.remove(key) != null) {
      awaitingSave.remove(key);
      shell.outboxRemove(key);
    }
  }

  void onSaved(String key, boolean ok) {
    if (!awaitingSave.remove(key)) {
      return;
    }
    if (!ok) {
      DomGlobal.console.warn("River: a message could not be stored in the outbox; sending it anyway");
    }
    drain(key);
  }

  /**
   * The shell's stored outbox: asked for on every (re)connection, and sent unasked when another
   * tab changed it. Entries found on connecting were left by closed tabs or earlier sessions: this
   * tab sends them. Entries that appear while connected belong to another open tab, which sends
   * them: this tab shows them as pending and sends them only if they linger ({@link #LINGER_MS}).
   * Another tab's entries that left the store were delivered (or given up) there.
   */
  void onItems(Map<String, byte[]> items) {
    boolean leftBehind = listingOnConnect;
    listingOnConnect = false;
    for (Map.Entry<String, byte[]> item : items.entrySet()) {
      Entry known = entries.get(item.getKey());
      if (known != null) {
        if (leftBehind) {
          known.foreign = false; // after a reconnect every tab sends what is waiting
        }
        continue;
      }
      RoomMessage m;
      try {
        m = PendingMessage.decode(item.getValue());
      } catch (RuntimeException unreadable) {
        shell.outboxRemove(item.getKey());
        continue;
      }
      entries.put(item.getKey(), new Entry(item.getKey(), m, !leftBehind));
      if (!leftBehind) {
        DomGlobal.setTimeout(ignored -> drainAll(), LINGER_MS + 100);
      }
    }
    for (Entry e : entries()) {
      if (e.foreign && !items.containsKey(e.key) && !inFlight.contains(e.key)) {
        entries.remove(e.key);
      }
    }
    listener.onOutboxChanged();
    drainAll();
  }

  /** How long another open tab's entry may wait before this tab sends it too. */
  static final int LINGER_MS = 10_000;

  void onConnected() {
    connected = true;
    listingOnConnect = true;
    shell.outboxList();
    drainAll();
  }

  void onDisconnected() {
    connected = false;
  }

  private void drainAll() {
    for (Entry e : entries()) {
      boolean lingering = !e.foreign || DomGlobal.performance.now() - e.adoptedAt >= LINGER_MS;
      if (e.deliveredId == null && !awaitingSave.contains(e.key) && lingering) {
        drain(e.key);
      }
    }
  }

  private void drain(String key) {
    Entry e = entries.get(key);
    if (e == null || e.deliveredId != null || !connected || !inFlight.add(key)) {
      return;
    }
    byte[] room = PendingMessage.room(e.unsigned);
    node.request(new Op.Delegate(DelegateKeys.current(), new DelegateRequest.Sign(room, "message",
        e.unsigned.signedBytes())), new NodeLink.Callback() {
      @Override
      public void onResult(OpResult result) {
        Object r = result instanceof OpResult.Delegate ? ((OpResult.Delegate) result).response() : null;
        if (!(r instanceof DelegateResponse.Signature)) {
          failed(e, ErrorCodes.INVALID, "the node did not sign the message");
          return;
        }
        RoomMessage signed = e.unsigned.withSignature(((DelegateResponse.Signature) r).signature());
        node.request(new Op.Update(room, RoomDelta.builder().message(signed).build().encode()), new NodeLink.Callback() {
          @Override
          public void onResult(OpResult ok) {
            inFlight.remove(key);
            failures = 0;
            e.deliveredId = Base58.encode(signed.id());
            shell.outboxRemove(key);
            listener.onOutboxChanged();
          }

          @Override
          public void onError(String code, String message) {
            failed(e, code, message);
          }
        });
      }

      @Override
      public void onError(String code, String message) {
        failed(e, code, message);
      }
    });
  }

  private void failed(Entry e, String code, String message) {
    inFlight.remove(e.key);
    if (ErrorCodes.INVALID.equals(code) || ErrorCodes.MALFORMED.equals(code) || ErrorCodes.TOO_LARGE.equals(code)) {
      entries.remove(e.key);
      shell.outboxRemove(e.key);
      listener.onOutboxChanged();
      listener.onUndeliverable(message);
      return;
    }
    // Transient (timeout, lost connection, node trouble): keep it; retry soon (backing off) and
    // on reconnect.
    DomGlobal.console.warn("River: sending a message failed (" + code + ": " + message + "); retrying");
    if (connected && retryTimer < 0) {
      retryTimer = DomGlobal.setTimeout(ignored -> {
        retryTimer = -1;
        drainAll();
      }, ReconnectBackoff.delayMs(failures++, Math.random()));
    }
  }
}
