package river.actions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import river.engine.SeededRandom;
import river.engine.TabSession;
import river.engine.World;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomKey;
import river.store.Base58;
import river.wire.WireException;

/**
 * One browser tab for the actions tests: a {@link TabSession} over its browser's delegate model
 * ({@link World}), its {@link RoomActions} and {@link OutboxQueue} (over one request link, as in
 * the client), and a pump that answers the requests from the node as the tab's profile token and
 * runs the session's saves and pushes until both are quiet. {@link #hold} keeps requests back so
 * tests can interleave tabs step by step; {@link #cut} loses the connection with what is in flight
 * (each held request reached the node or not, its answer never comes back), and {@link #restore}
 * reconnects, as the browser's node link does.
 */
public final class ActionTab implements OutboxQueue.Host {
  /** The code the client's node link gives every request in flight when the socket closes. */
  static final String DISCONNECTED = "disconnected";

  final String browser;
  final String user;
  final World world;
  final int index;
  final NodeAnswers node;
  final RoomActions actions;
  final OutboxQueue outbox;
  final BrowserOutbox stored;
  final List<ActionRequest> held = new ArrayList<>();
  final List<String> failures = new ArrayList<>();
  final List<String> undeliverable = new ArrayList<>();
  final List<Long> wakeups = new ArrayList<>();

  /** The times the room actions asked to be woken at, on the actions' clock (the node's). */
  final List<Long> actionWakeups = new ArrayList<>();

  final List<String> saved = new ArrayList<>();

  /** Every entry this tab's outbox held, by key; and the last one removed from the store. */
  final Map<String, RoomMessage> seen = new LinkedHashMap<>();

  private String lastRemoved;

  /** Messages the outbox dropped as refused for good (the user was told), by signed bytes. */
  final java.util.Set<String> refused = new java.util.HashSet<>();

  /** Messages this tab's outbox saw acknowledged, by entry key. */
  final Map<String, RoomMessage> acknowledged = new LinkedHashMap<>();

  /** Identity replacements running in this tab ({@link IdentityReplacement}). */
  int identityChanges;

  boolean hold;
  boolean connected = true;
  boolean itemsChanged;

  /** Private-room sealing stand-in: the plain bytes with a fake tag, under the secret version. */
  static final Cipher CIPHER =
      new Cipher() {
        @Override
        public void seal(
            byte[] secret, long version, byte[] plain, Sealed then, ActionLink.Fail fail) {
          then.accept(
              SealedBytes.privateBytes(
                  Arrays.copyOf(plain, plain.length + 16), new byte[12], version));
        }

        @Override
        public byte[] newSecret() {
          return new byte[32];
        }
      };

  ActionTab(String user, World world, NodeAnswers node) {
    this(user, user, world, node, new BrowserOutbox(), node::now, CIPHER, null);
  }

  /** A tab with real cryptography (private-room secret versions). */
  ActionTab(String user, World world, NodeAnswers node, JceCrypto crypto) {
    this(user, user, world, node, new BrowserOutbox(), node::now, crypto, crypto);
  }

  /**
   * A tab of {@code browser} with its profile {@code token}, outbox store and clock; with {@code
   * wrap} (may be null) it also publishes the member's key and opens direct messages (real ECDH).
   */
  ActionTab(
      String browser,
      String token,
      World world,
      NodeAnswers node,
      BrowserOutbox stored,
      LongSupplier clock,
      SecretWrap wrap) {
    this(browser, token, world, node, stored, clock, CIPHER, wrap);
  }

  private ActionTab(
      String browser,
      String token,
      World world,
      NodeAnswers node,
      BrowserOutbox stored,
      LongSupplier clock,
      Cipher cipher,
      SecretWrap wrap) {
    this.browser = browser;
    this.user = token;
    this.world = world;
    this.node = node;
    this.stored = stored;
    this.index = world.openTab();
    world.runAll();
    this.actions = new RoomActions(world.tab(index), cipher, wrap, node::now);
    actions.setWake(actionWakeups::add);
    this.outbox =
        new OutboxQueue(
            actions.link(), this, clock::getAsLong, new SeededRandom(token.hashCode() + index));
    stored.tabs.add(this);
    outbox.onConnected();
    itemsChanged = true; // the listing that follows a connect
  }

  TabSession session() {
    return world.tab(index);
  }

  /** Creates a room in this tab (public unless {@code isPrivate}) and answers its requests. */
  RoomKey createRoom(String name, boolean isPrivate) {
    List<RoomKey> made = new ArrayList<>();
    actions.create(name, user, isPrivate, made::add, failInto());
    pump();
    if (made.size() != 1) {
      throw new AssertionError(user + " could not create " + name + ": " + failures);
    }
    return made.get(0);
  }

  /** This tab invites {@code joiner} to the room, and the joiner accepts under their own name. */
  void admit(RoomKey key, ActionTab joiner) {
    List<String> codes = new ArrayList<>();
    String refused = actions.invite(key, node.room(key.bytes().toArray()), codes::add, failInto());
    pump();
    if (refused != null || codes.size() != 1) {
      throw new AssertionError(user + " could not invite: " + refused + " " + failures);
    }
    joiner.actions.join(codes.get(0), joiner.user, k -> {}, joiner.failInto());
    joiner.pump();
  }

  ActionLink.Fail failInto() {
    return m -> failures.add(m);
  }

  /** Answers every request (unless held) and settles the session, until nothing moves. */
  void pump() {
    for (int round = 0; round < 1000; round++) {
      boolean shell = !saved.isEmpty() || itemsChanged;
      for (String key : new ArrayList<>(saved)) {
        saved.remove(key);
        outbox.onSaved(key, true);
      }
      if (itemsChanged) {
        itemsChanged = false;
        outbox.onItems(stored.snapshot());
      }
      List<ActionRequest> out = actions.link().drain();
      if (hold) {
        held.addAll(out);
        out = new ArrayList<>();
      }
      world.collect(index);
      boolean sessionBusy = !world.queue.isEmpty();
      world.runAll();
      if (out.isEmpty() && !sessionBusy && !shell) {
        return;
      }
      for (ActionRequest r : out) {
        answer(r);
      }
    }
    throw new AssertionError("the tab did not settle");
  }

  /**
   * Every tab handles {@code state} of the room (as shown, or listed only) with its requests held,
   * before any of them sees what the others stored: tabs of one profile racing on the same state.
   */
  static void raceOn(RoomKey key, RoomState state, boolean shown, ActionTab... tabs) {
    for (ActionTab t : tabs) {
      t.hold = true;
      if (shown) {
        t.actions.onRoomShown(key, state);
      } else {
        t.actions.onRoomState(key, state);
      }
    }
    for (ActionTab t : tabs) {
      t.pump();
    }
  }

  /**
   * Every tab handles the room's state as the node holds it, and sends what that asks for, until a
   * round changes nothing (at most 10 rounds).
   */
  static void settle(NodeAnswers node, RoomKey key, List<ActionTab> who) {
    byte[] room = key.bytes().toArray();
    for (int round = 0; round < 10; round++) {
      byte[] before = node.room(room).encode();
      for (ActionTab t : who) {
        t.actions.onRoomState(key, node.room(room));
        t.pump();
      }
      if (Arrays.equals(before, node.room(room).encode())) {
        return;
      }
    }
  }

  /** Answers every held request in order, then stops holding. */
  void releaseAll() {
    while (step()) {}
    hold = false;
  }

  /** Releases the oldest held request, answers it, and pumps (still holding what follows). */
  boolean step() {
    if (held.isEmpty()) {
      pump();
      if (held.isEmpty()) {
        return false;
      }
    }
    answer(held.remove(0));
    pump();
    return true;
  }

  /**
   * The connection drops: each request in flight reached the node or not ({@code reached} picks),
   * and every one of them fails as lost, as the client's node link reports it.
   */
  void cut(java.util.function.BooleanSupplier reached) {
    List<ActionRequest> lost = new ArrayList<>(held);
    held.clear();
    connected = false;
    for (ActionRequest r : lost) {
      if (reached.getAsBoolean()) {
        try {
          node.answer(user, r.op); // applied; the answer is lost with the connection
        } catch (WireException refused) {
          // refused; the answer is lost all the same
        }
      }
      actions.link().onError(r.id, DISCONNECTED, "the connection to the node was lost");
    }
    outbox.onDisconnected();
    pump();
  }

  /** Reconnects; what the outbox sends now goes out with the next pump. */
  void restore() {
    connected = true;
    outbox.onConnected();
    itemsChanged = true; // the shell lists the stored outbox after every connect
  }

  /**
   * Runs the outbox wakeups that are due at {@code now} (the outbox's clock), and the room actions'
   * that are due on theirs (the node's); what they send goes with the next pump.
   */
  void wake(long now) {
    if (takeDue(wakeups, now)) {
      outbox.onWakeup();
    }
    if (takeDue(actionWakeups, node.now())) {
      actions.onWakeup();
    }
  }

  private static boolean takeDue(List<Long> times, long now) {
    return times.removeIf(at -> at <= now);
  }

  void answer(ActionRequest r) {
    if (!connected) {
      actions.link().onError(r.id, DISCONNECTED, "the connection to the node was lost");
      return;
    }
    try {
      actions.link().onResult(r.id, node.answer(user, r.op));
    } catch (WireException e) {
      actions.link().onError(r.id, e.code(), e.getMessage());
    }
  }

  // --- OutboxQueue.Host: the browser's shared outbox store, committed at once ----------------

  @Override
  public void store(String key, byte[] body) {
    stored.put(this, key, body);
    saved.add(key);
  }

  @Override
  public void remove(String key) {
    lastRemoved = key;
    stored.remove(this, key);
  }

  @Override
  public void wakeAt(long atMillis) {
    wakeups.add(atMillis);
  }

  @Override
  public void changed() {
    for (OutboxQueue.Entry e : outbox.entries()) {
      if (e.unsigned == null) {
        continue; // a direct message
      }
      seen.put(e.key, e.unsigned);
      if (e.deliveredId != null) {
        acknowledged.put(e.key, e.unsigned);
      }
    }
  }

  @Override
  public void undeliverable(String reason) {
    undeliverable.add(reason);
    RoomMessage m = seen.get(lastRemoved); // the queue removes the entry just before telling
    if (m != null) {
      refused.add(Base58.encode(m.signedBytes()));
    }
  }
}
