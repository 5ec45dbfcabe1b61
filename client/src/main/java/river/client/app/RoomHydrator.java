package river.client.app;

import elemental2.dom.DomGlobal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.RoomKey;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;

/**
 * Keeps the room-contract state of every room in ROOMS: a room that appears (created here, joined
 * here, or learned from another tab) is fetched and subscribed; ContractUpdated pushes replace its
 * state; after a reconnect every room is subscribed again (subscriptions end with a connection).
 * The node validates every state it stores, so the app decodes it as trusted. Fetches are sent in
 * list order, a batch per task after the one that drew the list: the list paints before 5,000
 * requests are encoded, and the rooms at the top (the first screenful) get their names first.
 */
final class RoomHydrator {
  interface Listener {
    void onRoomState(RoomKey key, RoomState state);

    void onRoomUnavailable(RoomKey key, String reason);
  }

  private final NodeLink node;
  private final Listener listener;
  private final Map<RoomKey, RoomState> states = new HashMap<>();
  private final Set<RoomKey> tracked = new HashSet<>();

  /** Tracked rooms whose fetch is not sent yet, in list order. */
  private final Set<RoomKey> toFetch = new LinkedHashSet<>();

  private boolean fetchScheduled;

  /** Fetches sent per task: many screenfuls, small enough to leave the page responsive. */
  static final int FETCH_BATCH = 500;

  /** Rooms whose fetch was answered, with a state or a refusal (for the benchmark's hook). */
  private final Set<RoomKey> answered = new HashSet<>();

  RoomHydrator(NodeLink node, Listener listener) {
    this.node = node;
    this.listener = listener;
  }

  RoomState state(RoomKey key) {
    return states.get(key);
  }

  /** Whether the state fetch of {@code key} was answered (state or refusal). */
  boolean answered(RoomKey key) {
    return answered.contains(key);
  }

  /** Whether every one of {@code rooms} had its state fetch answered (state or refusal). */
  boolean allAnswered(Collection<RoomKey> rooms) {
    if (answered.size() < rooms.size()) {
      return false; // without a loop over 5,000 rooms per burst while they are still arriving
    }
    for (RoomKey key : rooms) {
      if (!answered.contains(key)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Follows exactly these rooms: new ones are fetched and subscribed (in {@code order} first, the
   * order the list shows them), gone ones forgotten.
   */
  void track(Set<RoomKey> rooms, List<RoomKey> order) {
    answered.retainAll(rooms);
    tracked.retainAll(rooms);
    toFetch.retainAll(rooms);
    states.keySet().retainAll(rooms);
    for (RoomKey key : order) {
      if (rooms.contains(key) && tracked.add(key)) {
        toFetch.add(key);
      }
    }
    for (RoomKey key : rooms) {
      if (tracked.add(key)) {
        toFetch.add(key);
      }
    }
    scheduleFetches();
  }

  /** After a reconnect: the node forgot our subscriptions, and we may have missed updates. */
  void resubscribeAll() {
    toFetch.addAll(tracked);
    scheduleFetches();
  }

  private void scheduleFetches() {
    if (fetchScheduled || toFetch.isEmpty()) {
      return;
    }
    fetchScheduled = true;
    DomGlobal.setTimeout(ignored -> fetchBatch(), 0);
  }

  private void fetchBatch() {
    fetchScheduled = false;
    Iterator<RoomKey> it = toFetch.iterator();
    for (int n = 0; n < FETCH_BATCH && it.hasNext(); n++) {
      RoomKey key = it.next();
      it.remove();
      fetch(key);
    }
    scheduleFetches();
  }

  void onPush(Event.ContractUpdated update) {
    RoomKey key = RoomKey.of(Bytes.of(update.key()));
    if (!tracked.contains(key)) {
      return;
    }
    decodeAndShow(key, update.state());
  }

  private void fetch(RoomKey key) {
    final byte[] owner = key.bytes().toArray();
    node.request(
        new Op.Get(owner, true),
        new NodeLink.Callback() {
          @Override
          public void onResult(OpResult result) {
            if (result instanceof OpResult.GetResult && tracked.contains(key)) {
              decodeAndShow(key, ((OpResult.GetResult) result).state());
            }
          }

          @Override
          public void onError(String code, String message) {
            if (tracked.contains(key) && !NodeLink.DISCONNECTED.equals(code)) {
              answered.add(key);
              listener.onRoomUnavailable(key, message);
            }
          }
        });
  }

  private void decodeAndShow(RoomKey key, byte[] bytes) {
    RoomState state;
    try {
      state = RoomState.decodeTrusted(key.bytes().toArray(), bytes);
      answered.add(key);
    } catch (RuntimeException e) {
      answered.add(key);
      listener.onRoomUnavailable(key, "unreadable room state: " + e.getMessage());
      return;
    }
    states.put(key, state);
    listener.onRoomState(key, state);
  }
}
