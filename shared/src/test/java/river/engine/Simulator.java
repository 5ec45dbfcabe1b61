package river.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.rooms.RoomsDecodeException;

/**
 * The deterministic multi-tab simulator. One seed fixes everything: the number of tabs (2..6),
 * optional legacy data, and a schedule that interleaves single request/response steps, pushes,
 * wakeups, random user actions (create, join by invitation, leave, rejoin, nickname, mark read,
 * reorder, notification mode) and reloads. At quiescent points (nothing in flight) it checks:
 * (a)/(b) per room, the store holds the outcome of the last action of one of the tabs that acted
 * since the previous quiescent point (a tab's own actions are ordered: its last one counts; a tab
 * reloaded after acting may have lost its unsaved actions), and with no action the state did not
 * change; (c) a freshly loaded tab shows exactly the store's rooms and data; (d) on every write,
 * last-read and identity generation never go backwards; (e) no engine exception; plus (f) every
 * live loaded tab holds exactly the store's Present rooms.
 */
public final class Simulator {
  private final long seed;
  private final SeededRandom rnd;
  private World world;
  private final List<String> violations = new ArrayList<>();
  private final Map<RoomKey, Boolean> expected = new HashMap<>();

  /** room -> tab -> outcomes of its explicit actions since the last quiescent point. */
  private final Map<RoomKey, Map<Integer, List<Boolean>>> window = new HashMap<>();

  private final Map<RoomKey, Set<Integer>> lossy = new HashMap<>();
  private final List<RoomKey> universe = new ArrayList<>();
  private long tick = 1;
  private int nextRoom = 1;
  public int steps;
  public int checks;
  public int exhaustions;
  public int disconnectErrors;

  /** Builds the backend for a world (null: the in-memory models answer). */
  public interface BackendFactory {
    DelegateBackend create(World world) throws Exception;
  }

  private final BackendFactory backendFactory;

  /** The seed wants legacy data that the backend cannot hold: it did not run. */
  public boolean skipped;

  public Simulator(long seed) {
    this(seed, null);
  }

  public Simulator(long seed, BackendFactory backendFactory) {
    this.seed = seed;
    this.rnd = new SeededRandom(seed);
    this.backendFactory = backendFactory;
  }

  /** Runs the seed; returns null when every invariant held, else the violation and trace. */
  public String run(boolean logging) {
    try {
      runInner(logging);
    } catch (Exception | AssertionError e) {
      violations.add("(e) exception: " + e);
      java.io.StringWriter sw = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(sw));
      violations.add(sw.toString());
    } finally {
      if (world != null && world.backend != null) world.backend.close();
    }
    if (violations.isEmpty()) return null;
    StringBuilder sb = new StringBuilder("seed " + seed + ": " + violations.get(0));
    for (int i = 1; i < Math.min(violations.size(), 5); i++)
      sb.append("\n  ").append(violations.get(i));
    if (logging) {
      sb.append("\n--- step log ---");
      for (String l : world.log) sb.append('\n').append(l);
    }
    return sb.toString();
  }

  private static RoomKey roomKey(int n) {
    byte[] b = new byte[32];
    b[0] = (byte) 0x7e;
    b[1] = (byte) (n >> 8);
    b[2] = (byte) n;
    return RoomKey.of(Bytes.of(b));
  }

  private RoomData identity(RoomKey k) {
    long g = tick++;
    return RoomData.builder(k)
        .signingKey(Bytes.ofInts(0x51, (int) (g >> 8), (int) g))
        .verifyingKey(Bytes.ofInts(0x56, (int) (g >> 8), (int) g))
        .membership(Bytes.ofInts(0x4d, (int) g))
        .identityGeneration(g)
        .contractKey(Bytes.ofInts(0xc0, k.bytes().get(2)))
        .nickname("n" + g)
        .nicknameVersion(1)
        .addInvitationSecret(Bytes.ofInts((int) g & 0xff))
        .build();
  }

  private void runInner(boolean logging) throws Exception {
    boolean withLegacy = rnd.nextInt(10) < 3;
    world =
        new World(seed, withLegacy ? List.of(World.LEGACY_NEWER, World.LEGACY_OLDER) : List.of());
    world.logging = logging;
    if (backendFactory != null) {
      world.backend = backendFactory.create(world);
      if (withLegacy && !world.backend.supportsLegacy()) {
        skipped = true;
        return;
      }
    }
    if (world.logging) world.log("seed " + seed);
    if (withLegacy) seedLegacy();
    world.current().setObserver(this::checkWrite);
    int tabs = 2 + rnd.nextInt(5);
    for (int i = 0; i < tabs; i++) world.openTab();
    int total = 60 + rnd.nextInt(120);
    int nextCheck = 10 + rnd.nextInt(40);
    for (int s = 0; s < total; s++) {
      steps++;
      int r = rnd.nextInt(100);
      if (r < 2) {
        int t = rnd.nextInt(world.tabs.size());
        markLossy(t);
        world.reload(t);
      } else if (r < 4) {
        reconnect(rnd.nextInt(world.tabs.size()));
      } else if (r < 32 || world.queue.isEmpty()) {
        userAction();
      } else {
        world.deliver(rnd.nextInt(world.queue.size()));
      }
      if (s == nextCheck || s == total - 1) {
        quiesceAndCheck();
        nextCheck = s + 10 + rnd.nextInt(40);
        if (!violations.isEmpty()) return;
      }
    }
  }

  private void seedLegacy() {
    // The newer legacy delegate has per-room keys and a blob, the older one a blob that may
    // contradict it. Expected outcome: the newer source decides, the older one only adds rooms.
    Rooms newerBlob = Rooms.EMPTY;
    Rooms olderBlob = Rooms.EMPTY;
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      RoomKey k = roomKey(nextRoom++);
      universe.add(k);
      boolean present = rnd.nextInt(4) != 0;
      int where = rnd.nextInt(3);
      expected.put(k, present);
      if (where == 0) {
        String key = RoomStorageKeys.roomKey(k);
        world
            .delegates
            .get(World.LEGACY_NEWER)
            .putRaw(
                key,
                world.codec.encodeSlot(
                    present ? RoomSlot.present(identity(k)) : RoomSlot.TOMBSTONE));
      } else if (where == 1) {
        newerBlob = present ? newerBlob.withRoom(identity(k)) : newerBlob.withoutRoom(k);
      }
      if (where < 2 && rnd.nextBoolean()) {
        // the older delegate contradicts the newer one: it must neither remove nor revive
        olderBlob = present ? olderBlob.withoutRoom(k) : olderBlob.withRoom(identity(k));
      } else if (where == 2) {
        olderBlob = present ? olderBlob.withRoom(identity(k)) : olderBlob.withoutRoom(k);
      }
    }
    world
        .delegates
        .get(World.LEGACY_NEWER)
        .putRaw(RoomStorageKeys.ROOMS_DATA, world.codec.encodeLegacyBlob(newerBlob));
    world
        .delegates
        .get(World.LEGACY_OLDER)
        .putRaw(RoomStorageKeys.ROOMS_DATA, world.codec.encodeLegacyBlob(olderBlob));
    for (RoomKey k : expected.keySet()) {
      window
          .computeIfAbsent(k, x -> new HashMap<>())
          .computeIfAbsent(-1, x -> new ArrayList<>())
          .add(expected.get(k));
    }
    expected.clear();
  }

  private void record(int tab, RoomKey k, boolean present) {
    window
        .computeIfAbsent(k, x -> new HashMap<>())
        .computeIfAbsent(tab, x -> new ArrayList<>())
        .add(present);
  }

  private void markLossy(int tab) {
    for (Map.Entry<RoomKey, Map<Integer, List<Boolean>>> e : window.entrySet()) {
      if (e.getValue().containsKey(tab))
        lossy.computeIfAbsent(e.getKey(), x -> new HashSet<>()).add(tab);
    }
  }

  private void userAction() {
    List<Integer> loaded = new ArrayList<>();
    for (int i = 0; i < world.tabs.size(); i++) {
      TabSession.LoadState s = world.tab(i).loadState();
      if (s == TabSession.LoadState.LOADED || s == TabSession.LoadState.MIGRATING) loaded.add(i);
    }
    if (loaded.isEmpty()) {
      if (!world.queue.isEmpty()) world.deliver(rnd.nextInt(world.queue.size()));
      return;
    }
    final int t = loaded.get(rnd.nextInt(loaded.size()));
    TabSession tab = world.tab(t);
    Rooms rooms = tab.rooms();
    List<RoomKey> held = new ArrayList<>(rooms.map().keySet());
    int a = rnd.nextInt(100);
    if (a < 12 && nextRoom < 4000) {
      RoomKey k = roomKey(nextRoom++);
      universe.add(k);
      RoomData d = identity(k);
      if (world.logging) world.log("tab" + t + " create " + k);
      record(t, k, true);
      world.act(t, s -> s.createRoom(d));
    } else if (a < 30 && !universe.isEmpty()) {
      RoomKey k = universe.get(rnd.nextInt(universe.size()));
      if (rooms.holds(k)) return;
      RoomData d = identity(k);
      if (world.logging)
        world.log(
            "tab"
                + t
                + (rooms.removed().contains(k) ? " rejoin " : " join ")
                + k
                + " id#"
                + d.identityGeneration());
      record(t, k, true);
      world.act(t, s -> s.join(d));
    } else if (a < 42 && !held.isEmpty()) {
      RoomKey k = held.get(rnd.nextInt(held.size()));
      if (world.logging) world.log("tab" + t + " leave " + k);
      record(t, k, false);
      world.act(t, s -> s.leave(k));
    } else if (a < 55 && !held.isEmpty()) {
      RoomKey k = held.get(rnd.nextInt(held.size()));
      String nick = "nick" + rnd.nextInt(1000);
      if (world.logging) world.log("tab" + t + " nickname " + k + " " + nick);
      world.act(t, s -> s.setNickname(k, nick));
    } else if (a < 75 && !held.isEmpty()) {
      RoomKey k = held.get(rnd.nextInt(held.size()));
      long pos = rooms.room(k).lastRead().position() + 1 + rnd.nextInt(3);
      if (world.logging) world.log("tab" + t + " read " + k + " " + pos);
      world.act(t, s -> s.markRead(k, new LastRead(pos, Bytes.ofInts((int) pos & 0xff))));
    } else if (a < 85 && held.size() > 1) {
      List<RoomKey> order = new ArrayList<>(held);
      for (int i = order.size() - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        RoomKey x = order.get(i);
        order.set(i, order.get(j));
        order.set(j, x);
      }
      if (world.logging) world.log("tab" + t + " reorder");
      world.act(t, s -> s.setOrder(order));
    } else if (!held.isEmpty()) {
      RoomKey k = held.get(rnd.nextInt(held.size()));
      NotificationMode m = NotificationMode.values()[rnd.nextInt(3)];
      if (world.logging) world.log("tab" + t + " mode " + k + " " + m);
      world.act(
          t,
          s -> {
            s.setMode(k, m);
            s.setCurrentRoom(k);
          });
    }
  }

  /**
   * The tab's connection drops and comes back: requests on the wire may or may not have reached the
   * node, every unanswered one is answered with an error by the host, pushes are lost; then the
   * host resyncs (or retries a failed load).
   */
  private void reconnect(int t) {
    if (world.logging) world.log("reconnect tab" + t);
    int epoch = world.epochs.get(t);
    List<World.Event> lost = new ArrayList<>();
    for (World.Event e : new ArrayList<>(world.queue)) {
      if (e.tab != t || (e.kind != World.Kind.PUSH && e.epoch != epoch)) continue;
      if (e.kind == World.Kind.WAKEUP) continue;
      world.queue.remove(e);
      if (e.kind == World.Kind.REQUEST && rnd.nextBoolean()) {
        world.applyLost(
            e); // reached the node, answer lost; its pushes to other tabs were still sent
      }
      if (e.kind != World.Kind.PUSH) lost.add(e);
    }
    world.reconnected(t);
    TabSession tab = world.tab(t);
    for (World.Event e : lost) tab.onError(e.id, "disconnected", "the connection was lost");
    if (tab.loadState() == TabSession.LoadState.FAILED) tab.start();
    else tab.resync();
    world.collect(t);
  }

  private void checkWrite(String key, byte[] oldData, byte[] newData, long generation) {
    RoomKey k = RoomStorageKeys.parseRoomKey(key);
    if (k == null) return;
    try {
      RoomSlot n = world.codec.decodeSlot(newData);
      if (world.logging) world.log("   store " + k + " @" + generation + " = " + n);
      if (oldData == null) return;
      RoomSlot o = world.codec.decodeSlot(oldData);
      if (o.isPresent() && n.isPresent()) {
        if (n.data().lastRead().position() < o.data().lastRead().position()) {
          violations.add("(d) last-read moved backwards on " + k + ": " + o + " -> " + n);
        }
        if (n.data().identityGeneration() < o.data().identityGeneration()) {
          violations.add("(d) identity reverted on " + k + ": " + o + " -> " + n);
        }
      }
    } catch (RoomsDecodeException e) {
      violations.add("engine wrote an unreadable slot " + key + ": " + e.getMessage());
    }
  }

  /** The store's room slots. */
  private TreeMap<RoomKey, RoomSlot> storeSlots(DelegateModel d) {
    TreeMap<RoomKey, RoomSlot> out = new TreeMap<>();
    for (String key : d.keys()) {
      RoomKey k = RoomStorageKeys.parseRoomKey(key);
      if (k == null) continue;
      try {
        out.put(k, world.codec.decodeSlot(d.data(key)));
      } catch (RoomsDecodeException e) {
        violations.add("unreadable slot in store " + key);
      }
    }
    return out;
  }

  private void quiesceAndCheck() {
    if (world.logging) world.log("-- quiesce");
    int guard = 0;
    while (!world.queue.isEmpty()) {
      world.deliver(rnd.nextInt(world.queue.size()));
      if (++guard > 200_000) {
        violations.add("no quiescence after 200000 deliveries");
        return;
      }
    }
    checks++;
    if (world.logging) world.log("-- check " + checks);
    if (world.backend != null) {
      for (String d : world.backend.verify())
        violations.add("(n) the node and the model differ: " + d);
    }
    TreeMap<RoomKey, RoomSlot> store = storeSlots(world.current());
    // (a)/(b)
    Set<RoomKey> rooms = new TreeSet<>(universe);
    for (RoomKey k : rooms) {
      RoomSlot s = store.get(k);
      Boolean actual = s == null ? null : s.isPresent();
      Set<Boolean> allowed = new HashSet<>();
      Map<Integer, List<Boolean>> acts = window.get(k);
      Set<Integer> lossyTabs = lossy.getOrDefault(k, Set.of());
      if (acts == null || acts.isEmpty()) {
        allowed.add(expected.get(k));
      } else {
        for (Map.Entry<Integer, List<Boolean>> e : acts.entrySet()) {
          List<Boolean> l = e.getValue();
          if (lossyTabs.contains(e.getKey())) {
            allowed.addAll(l);
            allowed.add(expected.get(k));
          } else {
            allowed.add(l.get(l.size() - 1));
          }
        }
      }
      if (!allowed.contains(actual)) {
        violations.add(
            "(a/b) "
                + k
                + " store="
                + (s == null ? "absent" : s)
                + " allowed="
                + allowed
                + " actions="
                + acts
                + " lossy="
                + lossyTabs
                + " before="
                + expected.get(k));
      }
      expected.put(k, actual);
    }
    window.clear();
    lossy.clear();
    // (f) live tabs hold exactly the store's Present rooms
    Set<RoomKey> present = new TreeSet<>();
    for (Map.Entry<RoomKey, RoomSlot> e : store.entrySet())
      if (e.getValue().isPresent()) present.add(e.getKey());
    for (int t = 0; t < world.tabs.size(); t++) {
      TabSession tab = world.tab(t);
      if (tab.loadState() != TabSession.LoadState.LOADED) {
        violations.add("(f) tab" + t + " is " + tab.loadState() + " at a quiescent point");
        continue;
      }
      if (!tab.rooms().map().keySet().equals(present)) {
        violations.add(
            "(f) tab" + t + " holds " + tab.rooms().map().keySet() + " but store has " + present);
      }
      for (RoomKey k : present) {
        RoomData mine = tab.rooms().room(k);
        if (mine != null && !mine.equals(store.get(k).data())) {
          violations.add("(f) tab" + t + " has " + mine + " but store has " + store.get(k).data());
        }
      }
      byte[] meta = world.current().data(RoomStorageKeys.ROOMS_META);
      try {
        if (meta != null
            && !world
                .codec
                .decodeMeta(meta)
                .notificationModes()
                .entrySet()
                .containsAll(tab.rooms().notificationModes().entrySet())) {
          violations.add(
              "(f) tab"
                  + t
                  + " modes "
                  + tab.rooms().notificationModes()
                  + " differ from the store's");
        }
      } catch (RoomsDecodeException e) {
        violations.add("unreadable rooms_meta in store");
      }
    }
    // (c) a fresh tab, loaded against a copy of the store, shows exactly the store's rooms
    if (!Boolean.getBoolean("sim.noFresh")) checkFreshLoad(store);
    for (String p : world.problems) {
      // Conflict exhaustion is a legitimate outcome under an adversarial schedule (the pass is
      // retried later); the invariants above are what must hold regardless.
      if (p.contains("CAS attempts all conflicted")) exhaustions++;
      else if (p.contains("disconnected") || p.contains("legacy source was unreadable"))
        disconnectErrors++;
      else violations.add("problem reported: " + p);
    }
    world.problems.clear();
  }

  private void checkFreshLoad(TreeMap<RoomKey, RoomSlot> store) {
    DelegateBackend backend = world.backend;
    Map<Bytes, DelegateModel> copy = new HashMap<>();
    for (Map.Entry<Bytes, DelegateModel> e :
        backend != null ? Map.<Bytes, DelegateModel>of().entrySet() : world.delegates.entrySet()) {
      DelegateModel m = new DelegateModel();
      for (String key : e.getValue().keys()) m.putRawEnveloped(key, e.getValue());
      copy.put(e.getKey(), m);
    }
    List<Bytes> legacy = new ArrayList<>(world.delegates.keySet());
    legacy.remove(World.CURRENT);
    TabSession probe =
        new TabSession(
            new TabConfig(World.CURRENT, legacy), world.codec, () -> 0L, new SeededRandom(1));
    probe.start();
    int guard = 0;
    while (true) {
      List<Outgoing> out = probe.drainOutgoing();
      if (out.isEmpty()) break;
      for (Outgoing o : out) {
        if (o.isWakeup()) probe.onWakeup(o.id());
        else if (backend == null)
          probe.onResponse(o.id(), copy.get(Answers.delegate(o.op())).apply(o.op().msg()));
        else if (Answers.isWrite(o.op())) {
          // a fresh load of a store without legacy data has nothing to write; the node's store is
          // not a copy
          violations.add("(c) a fresh tab wrote " + o.op());
          probe.onError(o.id(), "internal", "the fresh-load probe does not write");
        } else Answers.deliver(probe, o.id(), backend.probe(o.op()));
      }
      if (++guard > 10000) {
        violations.add("(c) fresh load does not finish");
        return;
      }
    }
    if (probe.loadState() != TabSession.LoadState.LOADED) {
      violations.add("(c) fresh tab ended " + probe.loadState());
      return;
    }
    TreeMap<RoomKey, RoomSlot> after =
        storeSlots(backend != null ? world.current() : copy.get(World.CURRENT));
    if (!after.equals(store)) violations.add("(c) loading a fresh tab changed the store");
    Rooms r = probe.rooms();
    for (Map.Entry<RoomKey, RoomSlot> e : store.entrySet()) {
      RoomSlot s = e.getValue();
      if (s.isPresent()
          ? !s.data().equals(r.room(e.getKey()))
          : !r.removed().contains(e.getKey())) {
        violations.add(
            "(c) fresh tab shows " + e.getKey() + " as " + r.room(e.getKey()) + " store " + s);
      }
    }
    if (r.map().size() + r.removed().size() != store.size()) {
      violations.add("(c) fresh tab shows rooms not in the store: " + r + " vs " + store.keySet());
    }
  }
}
