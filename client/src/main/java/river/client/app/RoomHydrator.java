package river.client.app;

import java.util.HashMap;
import java.util.HashSet;
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
 * The node validates every state it stores, so the app decodes it as trusted.
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
  boolean allAnswered(Iterable<RoomKey> rooms) {
    for (RoomKey key : rooms) {
      if (!answered.contains(key)) {
        return false;
      }
    }
    return true;
  }

  /** Follows exactly these rooms: new ones are fetched and subscribed, gone ones forgotten. */
  void track(Set<RoomKey> rooms) {
    answered.retainAll(rooms);
    tracked.retainAll(rooms);
    states.keySet().retainAll(rooms);
    for (RoomKey key : rooms) {
      if (tracked.add(key)) {
        fetch(key);
      }
    }
  }

  /** After a reconnect: the node forgot our subscriptions, and we may have missed updates. */
  void resubscribeAll() {
    for (RoomKey key : tracked) {
      fetch(key);
    }
  }

  /** Adopts a state this tab just produced (e.g. right after creating the room). */
  void adopt(RoomKey key, RoomState state) {
    states.put(key, state);
    listener.onRoomState(key, state);
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
