package river.node.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import river.node.crypto.Sha256;
import river.node.signing.Ed25519Jdk;
import river.node.store.DelegateStore;
import river.node.store.Mutation;
import river.node.store.StoreChange;
import river.node.ws.ClientConnection;
import river.node.ws.ErrorTranslation;
import river.node.ws.OpHandler;
import river.room.RoomContract;
import river.room.RoomState;
import river.room.RoomValidationException;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Push;
import river.wire.WireCodec;
import river.wire.WireException;

/**
 * The room contracts on the node: Get (optionally subscribing), Put (a full state: must be valid,
 * owner = the contract key), Update (a delta), Subscribe. The contract key is the room owner's
 * 32-byte verifying key.
 *
 * <p>Each room's operations run one at a time, in arrival order, on a small pool (signature checks
 * stay off Jetty's threads and off the store's writer thread): read the state (the most recently
 * used rooms stay decoded in memory, {@link RecentRooms}), validate and merge with {@link
 * RoomContract}, write durably, then push {@code ContractUpdated{key, state}} (the full canonical
 * state) to every subscribed connection of every user, then answer. The write is a CAS on the
 * room's state row (it lands only if the row still holds the state this update was validated
 * against); if another node wrote the room in between, the update is re-read, re-validated and
 * re-merged ({@link #apply}), so two nodes on one database never both accept updates that lose one.
 * Rooms another node changed are dropped from the cache and pushed to this node's subscribers after
 * a re-read ({@link #onRemoteChange}). A refused Put/Update is {@code invalid} with the reason and
 * writes nothing; a merge that changes nothing writes and pushes nothing. Get of a room that was
 * never put is {@code invalid} ("no such room"); with subscribe it still subscribes, so a client
 * waiting for a room hears its first Put. Subscribe needs no existing room. Subscriptions are
 * capped per connection and per node ({@link Subscriptions}: past a cap, {@code too_large}) and end
 * when the connection closes ({@link #onClose}).
 *
 * <p>Storage: {@link DelegateStore} row (user {@code "#contracts"}, delegate id
 * SHA-256("river.room-contract/1"), key = contract key), value = canonical state bytes. User ids
 * are {@code "u" + hex}, so the row is out of every user's reach. Hazard: the whole state must fit
 * the store's 256 KiB row; the config ceilings keep a full room well below that, and anything
 * larger is refused as invalid.
 */
public final class ContractHost implements OpHandler {
  static final String USER = "#contracts";
  static final byte[] NAMESPACE = Sha256.of("river.room-contract/1");

  /** The most subscriptions one connection may hold by default. */
  public static final int SUBSCRIPTIONS_PER_CONNECTION = Subscriptions.PER_CONNECTION;

  /** The most subscriptions the node holds over all connections by default. */
  public static final int SUBSCRIPTIONS_PER_NODE = Subscriptions.PER_NODE;

  /**
   * CAS attempts on one room before giving up with unavailable (each lost one means progress
   * elsewhere).
   */
  private static final int MAX_CAS_ATTEMPTS = 32;

  private final DelegateStore store;
  private final Subscriptions subscriptions;
  private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
  private final RecentRooms cache;
  private final ThreadPoolExecutor pool =
      new ThreadPoolExecutor(
          2,
          2,
          30,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "room-contracts");
            t.setDaemon(true);
            return t;
          });

  public ContractHost(DelegateStore store) {
    this(store, Subscriptions.PER_CONNECTION, Subscriptions.PER_NODE);
  }

  /** With caps on subscriptions per connection and per node (see {@link Subscriptions}). */
  public ContractHost(
      DelegateStore store, int subscriptionsPerConnection, int subscriptionsPerNode) {
    this(
        store,
        RecentRooms.DEFAULT_CAPACITY,
        new Subscriptions(subscriptionsPerConnection, subscriptionsPerNode));
  }

  ContractHost(DelegateStore store, int cachedRooms) {
    this(store, cachedRooms, new Subscriptions());
  }

  private ContractHost(DelegateStore store, int cachedRooms, Subscriptions subscriptions) {
    this.store = store;
    this.cache = new RecentRooms(cachedRooms);
    this.subscriptions = subscriptions;
    pool.allowCoreThreadTimeOut(true); // idle nodes (and closed test nodes) keep no threads
    store.onRemoteChange(this::onRemoteChange);
  }

  @Override
  public CompletionStage<OpResult> handle(ClientConnection connection, Op op) {
    if (op instanceof Op.Get g) {
      byte[] key = contractKey(g.key());
      if (g.subscribe()) {
        // before reading, so no update between the read and the subscription is missed
        subscriptions.add(key, connection);
      }
      return inOrder(
          key,
          () -> {
            RoomState s = load(key);
            if (s.config() == null) {
              throw new WireException(ErrorCodes.INVALID, "no such room");
            }
            return new OpResult.GetResult(key, s.encode());
          });
    }
    if (op instanceof Op.Subscribe s) {
      byte[] key = contractKey(s.key());
      subscriptions.add(key, connection);
      return CompletableFuture.completedFuture(new OpResult.Subscribed(key));
    }
    if (op instanceof Op.Put p) {
      byte[] key = contractKey(p.key());
      byte[] bytes = p.state();
      return inOrder(
          key,
          () -> {
            apply(
                key,
                s -> RoomContract.put(s, bytes, Ed25519Jdk.INSTANCE, System.currentTimeMillis()));
            return new OpResult.PutResult(key);
          });
    }
    if (op instanceof Op.Update u) {
      byte[] key = contractKey(u.key());
      byte[] bytes = u.delta();
      return inOrder(
          key,
          () -> {
            apply(
                key,
                s ->
                    RoomContract.update(s, bytes, Ed25519Jdk.INSTANCE, System.currentTimeMillis()));
            return new OpResult.UpdateResult(key);
          });
    }
    return CompletableFuture.failedFuture(
        new WireException(ErrorCodes.UNKNOWN_OP, "not a contract operation"));
  }

  @Override
  public void onClose(ClientConnection connection) {
    subscriptions.remove(connection);
  }

  /** Subscriptions held, over all rooms and connections (tests). */
  int roomsInFlight() {
    return tails.size();
  }

  /** Room states held decoded in memory (tests). */
  int cachedRooms() {
    return cache.size();
  }

  public int subscriptionCount() {
    return subscriptions.count();
  }

  /** Runs {@code step} after every earlier step of the same room. */
  private <T> CompletableFuture<T> inOrder(byte[] key, Supplier<T> step) {
    String k = HexFormat.of().formatHex(key);
    CompletableFuture<T> result = new CompletableFuture<>();
    List<CompletableFuture<?>> mine = new ArrayList<>(1);
    tails.compute(
        k,
        (x, tail) -> {
          CompletableFuture<?> before =
              tail == null ? CompletableFuture.completedFuture(null) : tail;
          CompletableFuture<T> next = before.handleAsync((v, e) -> step.get(), pool);
          next.whenComplete(
              (v, e) -> {
                if (e != null) {
                  result.completeExceptionally(ErrorTranslation.toWire(e, "contract operation"));
                } else {
                  result.complete(v);
                }
              });
          CompletableFuture<?> end = next.handle((v, e) -> null);
          mine.add(end);
          return end;
        });
    // A room with nothing in flight keeps no entry (registered outside compute: it may run at
    // once).
    CompletableFuture<?> end = mine.get(0);
    end.whenComplete((v, e) -> tails.remove(k, end));
    return result;
  }

  private RoomState load(byte[] key) {
    String k = HexFormat.of().formatHex(key);
    RoomState cached = cache.get(k);
    if (cached != null) {
      return cached;
    }
    byte[] bytes = store.read(USER, NAMESPACE, key).join();
    // stored bytes were validated before they were written: decode without re-verifying
    RoomState s = bytes == null ? RoomState.empty(key) : RoomState.decodeTrusted(key, bytes);
    cache.put(k, s);
    return s;
  }

  /**
   * Validates and merges one change against the stored state and writes it only if the row still
   * holds that state (CAS on the bytes); otherwise another node won the race: re-read, and validate
   * and merge again against its state. A change that changes nothing writes nothing.
   */
  private void apply(byte[] key, UnaryOperator<RoomState> change) {
    String k = HexFormat.of().formatHex(key);
    for (int attempt = 1; ; attempt++) {
      RoomState before = load(key);
      RoomState next = change.apply(before);
      byte[] bytes = next.encode();
      byte[] expected = before.config() == null ? null : before.encode();
      if (expected != null && Arrays.equals(expected, bytes)) {
        return; // nothing new: no write, no push
      }
      if (bytes.length > DelegateStore.MAX_VALUE_BYTES) {
        throw new RoomValidationException(
            "the room state would be "
                + bytes.length
                + " bytes, over the node's limit of "
                + DelegateStore.MAX_VALUE_BYTES);
      }
      boolean won =
          store
              .update(
                  USER,
                  NAMESPACE,
                  key,
                  old ->
                      holds(key, old, expected)
                          ? Mutation.put(bytes, Boolean.TRUE)
                          : Mutation.none(Boolean.FALSE))
              .join();
      if (won) {
        cache.put(k, next);
        pushToSubscribers(key, bytes);
        return;
      }
      cache.remove(k); // another node wrote this room since we read it
      if (attempt >= MAX_CAS_ATTEMPTS) {
        throw new WireException(
            ErrorCodes.UNAVAILABLE,
            "room " + k + " is changing too fast on other nodes; try again");
      }
    }
  }

  /**
   * True when the stored bytes are the state this update was validated against. Compared as
   * canonical bytes: a row written by an older node in another encoding of the same state must not
   * make every CAS lose (decoding happens only when the raw bytes differ).
   */
  private static boolean holds(byte[] key, byte[] stored, byte[] expected) {
    if (Arrays.equals(stored, expected)) {
      return true;
    }
    return stored != null
        && expected != null
        && Arrays.equals(RoomState.decodeTrusted(key, stored).encode(), expected);
  }

  /** Another node changed a room: forget our copy; if anyone here follows it, re-read and push. */
  private void onRemoteChange(StoreChange change) {
    if (change.isResync()) {
      cache.clear();
      for (String k : subscriptions.rooms()) {
        refresh(HexFormat.of().parseHex(k));
      }
      return;
    }
    if (!USER.equals(change.user()) || !Arrays.equals(NAMESPACE, change.delegate())) {
      return;
    }
    cache.remove(HexFormat.of().formatHex(change.key()));
    if (!subscriptions.of(change.key()).isEmpty()) {
      refresh(change.key());
    }
  }

  /** In the room's order (after any local update in flight), re-read it and push it. */
  private void refresh(byte[] key) {
    inOrder(
        key,
        () -> {
          cache.remove(HexFormat.of().formatHex(key));
          RoomState s = load(key);
          if (s.config() != null) {
            pushToSubscribers(key, s.encode());
          }
          return null;
        });
  }

  private void pushToSubscribers(byte[] key, byte[] state) {
    byte[] frame = WireCodec.encodePush(new Push(new Event.ContractUpdated(key, state)));
    for (ClientConnection c : subscriptions.of(key)) {
      c.send(frame);
    }
  }

  private static byte[] contractKey(byte[] key) {
    if (key.length != RoomContract.KEY_BYTES) {
      throw new WireException(
          ErrorCodes.INVALID, "a contract key is the room owner's 32-byte verifying key");
    }
    return key;
  }
}
