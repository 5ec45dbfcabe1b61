package river.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.chat.PlainErrors;
import river.engine.Clock;
import river.engine.RandomSource;
import river.net.ReconnectBackoff;
import river.room.DirectMessage;
import river.room.PendingMessage;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SigningPurpose;
import river.store.Base58;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The durable outbox's decisions, sans I/O. A composed message is first stored by the shell
 * (IndexedDB, committed: {@link Host#store}) and only then sent; its signature is asked for while
 * the shell stores it (signing publishes nothing, and the two waits then overlap). It leaves the
 * outbox when the node acknowledged it or the room state holds it, or when the node refuses it for
 * good ({@code invalid}, {@code malformed}, {@code too_large}: the user is told). Anything else
 * (timeout, lost connection, {@code unavailable}) is retried with backoff and on every reconnect.
 * Entries the shell lists on connecting were left by closed tabs: this tab sends them. Entries that
 * appear while connected belong to another open tab, which sends them: this tab shows them and
 * sends them only if they linger ({@link #LINGER_MS}). Ed25519 is deterministic, so two tabs
 * sending one entry make one message. Direct messages wait in the same queue ({@link
 * #add(DirectMessage)}), sealed before they are stored, signed with their own purpose.
 */
public final class OutboxQueue {
  /** How long another open tab's entry may wait before this tab sends it too. */
  public static final long LINGER_MS = 10_000;

  /** The shell's storage and the UI, as the queue needs them. */
  public interface Host {
    void store(String key, byte[] body);

    void remove(String key);

    /** Call {@link #onWakeup} at this clock time (a retry or a linger check). */
    void wakeAt(long atMillis);

    void changed();

    /** {@code reason}: why, for a person ({@link PlainErrors#reason} of the node's code). */
    void undeliverable(String reason);
  }

  /** One queued message as this tab knows it. */
  public static final class Entry {
    public final String key;

    /** The room message; null for a direct message. */
    public final RoomMessage unsigned;

    /** The direct message; null for a room message. */
    public final DirectMessage direct;

    /** Set once the node acknowledged it: shown as delivered until the room state has it. */
    public String deliveredId;

    /** Written by another open tab, which sends it. */
    public boolean foreign;

    /** The node's signature once asked for: Ed25519 is deterministic, so it is asked for once. */
    byte[] signature;

    /** The signature was asked for while the shell stored the entry, before its send began. */
    boolean signedAhead;

    final long adoptedAt;

    Entry(String key, RoomMessage unsigned, DirectMessage direct, boolean foreign, long adoptedAt) {
      this.key = key;
      this.unsigned = unsigned;
      this.direct = direct;
      this.foreign = foreign;
      this.adoptedAt = adoptedAt;
    }
  }

  private final ActionLink link;
  private final Host host;
  private final Clock clock;
  private final RandomSource random;
  private final Map<String, Entry> entries = new LinkedHashMap<String, Entry>();
  private final Set<String> inFlight = new HashSet<String>();
  private final Set<String> awaitingSave = new HashSet<String>();
  private final Set<String> signing = new HashSet<String>();
  private boolean connected;
  private boolean listingOnConnect;
  private boolean retryPending;

  /** Transient failures since the last delivery: the retry delay grows with them. */
  private int failures;

  private long nextKey;

  public OutboxQueue(ActionLink link, Host host, Clock clock, RandomSource random) {
    this.link = link;
    this.host = host;
    this.clock = clock;
    this.random = random;
  }

  /** Queues a composed (unsigned) message: stored by the shell first, then sent. */
  public String add(RoomMessage unsigned) {
    String key = "m" + unsigned.time() + "-" + random.nextInt(1 << 30) + "-" + (nextKey++);
    Entry e = new Entry(key, unsigned, null, false, clock.nowMillis());
    entries.put(key, e);
    awaitingSave.add(key);
    host.store(key, PendingMessage.encode(unsigned));
    sign(e);
    host.changed();
    return key;
  }

  /** Queues a sealed, unsigned direct message: stored by the shell first, then sent. */
  public String add(DirectMessage unsigned) {
    String key = "d" + unsigned.time() + "-" + random.nextInt(1 << 30) + "-" + (nextKey++);
    Entry e = new Entry(key, null, unsigned, false, clock.nowMillis());
    entries.put(key, e);
    awaitingSave.add(key);
    host.store(key, PendingMessage.encode(unsigned));
    sign(e);
    host.changed();
    return key;
  }

  /**
   * A state of {@code room} arrived: direct messages waiting for it that it holds are delivered
   * (room messages are matched by the conversation view, {@link #deliveredByRoom}).
   */
  public void onRoomState(byte[] room, RoomState state) {
    for (Entry e : entries()) {
      if (e.direct != null
          && java.util.Arrays.equals(e.direct.room(), room)
          && PendingMessage.deliveredIn(state, e.direct)) {
        deliveredByRoom(e.key);
        host.changed();
      }
    }
  }

  public List<Entry> entries() {
    return new ArrayList<Entry>(entries.values());
  }

  /** The room state shows this entry now (delivered, or an action it applied): drop our copy. */
  public void forget(String key) {
    entries.remove(key);
  }

  /** The room holds this entry's message: delivered whoever sent it; it leaves the store. */
  public void deliveredByRoom(String key) {
    if (entries.remove(key) != null) {
      awaitingSave.remove(key);
      host.remove(key);
    }
  }

  /** The shell committed (or failed to commit) an entry: send it either way. */
  public void onSaved(String key, boolean ok) {
    if (awaitingSave.remove(key)) {
      send(key);
    }
  }

  /** Connected: what this tab knows goes now; the shell's listing ({@link #onItems}) follows. */
  public void onConnected() {
    connected = true;
    listingOnConnect = true;
    sendAll();
  }

  public void onDisconnected() {
    connected = false;
  }

  public boolean listingOnConnect() {
    return listingOnConnect;
  }

  /** The shell's stored outbox: after a (re)connect (ours to send) or another tab's change. */
  public void onItems(Map<String, byte[]> items) {
    boolean leftBehind = listingOnConnect;
    listingOnConnect = false;
    boolean foreignAdded = false;
    for (Map.Entry<String, byte[]> item : items.entrySet()) {
      Entry known = entries.get(item.getKey());
      if (known != null) {
        if (leftBehind) {
          known.foreign = false; // after a reconnect every tab sends what is waiting
        }
        continue;
      }
      RoomMessage m = null;
      DirectMessage d = null;
      try {
        if (PendingMessage.isDirect(item.getValue())) {
          d = PendingMessage.decodeDirect(item.getValue());
        } else {
          m = PendingMessage.decode(item.getValue());
        }
      } catch (RuntimeException unreadable) {
        host.remove(item.getKey());
        continue;
      }
      entries.put(item.getKey(), new Entry(item.getKey(), m, d, !leftBehind, clock.nowMillis()));
      foreignAdded |= !leftBehind;
    }
    for (Entry e : entries()) {
      if (e.foreign && !items.containsKey(e.key) && !inFlight.contains(e.key)) {
        entries.remove(e.key); // the other tab delivered it (or gave up)
      }
    }
    if (foreignAdded) {
      host.wakeAt(clock.nowMillis() + LINGER_MS + 100);
    }
    host.changed();
    sendAll();
  }

  public void onWakeup() {
    retryPending = false;
    sendAll();
  }

  /** Whether this tab sends the entry now. */
  static boolean due(Entry e, boolean awaitingSave, long now) {
    return e.deliveredId == null && !awaitingSave && (!e.foreign || now - e.adoptedAt >= LINGER_MS);
  }

  /** A refusal the node will repeat however often we ask: the entry is dropped, the user told. */
  static boolean permanent(String code) {
    return ErrorCodes.INVALID.equals(code)
        || ErrorCodes.MALFORMED.equals(code)
        || ErrorCodes.TOO_LARGE.equals(code);
  }

  private void sendAll() {
    long now = clock.nowMillis();
    for (Entry e : entries()) {
      if (due(e, awaitingSave.contains(e.key), now)) {
        send(e.key);
      }
    }
  }

  private void send(final String key) {
    final Entry e = entries.get(key);
    if (e == null || e.deliveredId != null || !connected || !inFlight.add(key)) {
      return;
    }
    if (e.signature != null) {
      update(e);
    } else {
      sign(e); // its answer sends: the entry is in flight now
    }
  }

  /**
   * Asks the node to sign the entry, once at a time; the answer sends it when it is in flight (its
   * store committed and it is due), or keeps the signature for when it is. A failed signing of an
   * entry not yet in flight is asked again by its send.
   */
  private void sign(final Entry e) {
    if (!connected || e.signature != null || !signing.add(e.key)) {
      return;
    }
    final boolean direct = e.direct != null;
    final byte[] room = direct ? e.direct.room() : PendingMessage.room(e.unsigned);
    SigningPurpose purpose = direct ? SigningPurpose.DIRECT_MESSAGE : SigningPurpose.MESSAGE;
    byte[] body = direct ? e.direct.signedBytes() : e.unsigned.signedBytes();
    link.delegateCoded(
        new DelegateRequest.Sign(room, purpose.wireName(), body),
        DelegateResponse.Signature.class,
        new ActionLink.Then<DelegateResponse.Signature>() {
          @Override
          public void accept(DelegateResponse.Signature sig) {
            signing.remove(e.key);
            e.signature = sig.signature();
            e.signedAhead = !inFlight.contains(e.key);
            if (inFlight.contains(e.key) && entries.get(e.key) == e) {
              update(e);
            }
          }
        },
        new ActionLink.CodedFail() {
          @Override
          public void fail(String code, String message) {
            signing.remove(e.key);
            if (inFlight.contains(e.key)) {
              failed(e, code, message);
            }
          }
        });
  }

  /** Puts the signed entry into its room; delivered when the node acknowledged it. */
  private void update(final Entry e) {
    final byte[] id = e.signature;
    final boolean direct = e.direct != null;
    final byte[] room = direct ? e.direct.room() : PendingMessage.room(e.unsigned);
    RoomDelta delta =
        direct
            ? RoomDelta.builder().directMessage(e.direct.withSignature(id)).build()
            : RoomDelta.builder().message(e.unsigned.withSignature(id)).build();
    link.contract(
        new Op.Update(room, delta.encode()),
        new ActionLink.Then<OpResult>() {
          @Override
          public void accept(OpResult ok) {
            inFlight.remove(e.key);
            failures = 0;
            e.deliveredId = Base58.encode(id);
            host.remove(e.key);
            host.changed();
          }
        },
        new ActionLink.CodedFail() {
          @Override
          public void fail(String code, String message) {
            boolean ahead = e.signedAhead;
            e.signature = null; // a retry signs again, with the key the room holds then
            e.signedAhead = false;
            if (ahead && permanent(code)) {
              // Signed before the store committed: the member's key may have changed since (an
              // identity replaced in another tab). Sign again once before refusing for good.
              inFlight.remove(e.key);
              send(e.key);
              return;
            }
            failed(e, code, message);
          }
        });
  }

  private void failed(Entry e, String code, String message) {
    inFlight.remove(e.key);
    if (permanent(code)) {
      entries.remove(e.key);
      host.remove(e.key);
      host.changed();
      host.undeliverable(PlainErrors.reason(code));
      return;
    }
    if (connected && !retryPending) {
      retryPending = true;
      host.wakeAt(
          clock.nowMillis() + ReconnectBackoff.delayMs(failures++, random.nextInt(1000) / 1000.0));
    }
  }
}
