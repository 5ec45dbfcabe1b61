package river.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.RoomsCodec;
import river.rooms.RoomsDecodeException;
import river.wire.DelegateRequest;
import river.wire.Op;
import river.wire.Response;

/**
 * A deterministic test world: delegate models (current + legacy), N tabs each running a real
 * TabSession, and one queue of in-flight events (requests on their way to the node, responses on
 * their way back, DelegateKeyChanged pushes, wakeups). Tests and the simulator choose which event
 * happens next, so any interleaving of single request/response steps can be produced. A tab reload
 * replaces its session; requests it already sent still reach the node (and may land), their replies
 * are dropped.
 */
public final class World {
  public static final Bytes CURRENT = Bytes.filled(32, 0xC2);
  public static final Bytes LEGACY_NEWER = Bytes.filled(32, 0xB1);
  public static final Bytes LEGACY_OLDER = Bytes.filled(32, 0xA0);

  public enum Kind {
    REQUEST,
    REPLY,
    PUSH,
    WAKEUP
  }

  /** One in-flight event. */
  public static final class Event {
    public final Kind kind;
    public final int tab;
    public final int epoch;
    public final long id;

    /** A request: what the tab sent. */
    public final Op.Delegate op;

    /** A reply: the answer frame on its way back (delivered by {@link #id}). */
    public final Response reply;

    public final String key;
    public final long generation;
    public final long at;

    /** A push: the value it carries, or null (the tab re-reads). */
    public final byte[] value;

    public Event(
        Kind kind,
        int tab,
        int epoch,
        long id,
        Op.Delegate op,
        Response reply,
        String key,
        long generation,
        long at) {
      this(kind, tab, epoch, id, op, reply, key, generation, at, null);
    }

    public Event(
        Kind kind,
        int tab,
        int epoch,
        long id,
        Op.Delegate op,
        Response reply,
        String key,
        long generation,
        long at,
        byte[] value) {
      this.kind = kind;
      this.tab = tab;
      this.epoch = epoch;
      this.id = id;
      this.op = op;
      this.reply = reply;
      this.key = key;
      this.generation = generation;
      this.at = at;
      this.value = value;
    }

    @Override
    public String toString() {
      switch (kind) {
        case REQUEST:
          return "tab" + tab + "." + epoch + " -> " + op + " #" + id;
        case REPLY:
          return "tab" + tab + "." + epoch + " <- " + reply + " #" + id;
        case PUSH:
          return "push tab" + tab + " " + key + "@" + generation + (value == null ? "" : "+value");
        default:
          return "wakeup tab" + tab + "." + epoch + " #" + id + " at " + at;
      }
    }
  }

  public final RoomsCodec codec = new CborRoomsCodec();
  public final Map<Bytes, DelegateModel> delegates = new LinkedHashMap<>();
  public final List<Event> queue = new ArrayList<>();
  public final List<TabSession> tabs = new ArrayList<>();
  public final List<Integer> epochs = new ArrayList<>();
  public final List<String> log = new ArrayList<>();
  public final List<String> problems = new ArrayList<>();
  public final SeededRandom jitter;
  public long now;
  public boolean logging = true;

  /**
   * Null: requests are answered by {@link #delegates}; else by this backend (which keeps them in
   * step).
   */
  public DelegateBackend backend;

  /**
   * Whether pushes carry the value written (as the node's do for a value of at most {@code
   * DelegateHost.PUSH_VALUE_BYTES}) or only the key and generation (as another node's do): even
   * seeds carry it, odd seeds do not, so the simulators run both ways of taking a push.
   */
  public boolean pushValues;

  private final List<Bytes> legacy;

  public World(long seed, List<Bytes> legacyNewestFirst) {
    this.pushValues = (seed & 1) == 0;
    this.jitter = new SeededRandom(seed ^ 0x5DEECE66DL);
    this.legacy = legacyNewestFirst;
    delegates.put(CURRENT, new DelegateModel());
    for (Bytes l : legacyNewestFirst) delegates.put(l, new DelegateModel());
  }

  public World() {
    this(1, List.of(LEGACY_NEWER, LEGACY_OLDER));
  }

  public DelegateModel current() {
    return delegates.get(CURRENT);
  }

  public void log(String s) {
    if (logging) log.add(s);
  }

  /** Opens a new tab and starts its load; returns its index. */
  public int openTab() {
    tabs.add(null);
    epochs.add(0);
    int i = tabs.size() - 1;
    startSession(i);
    return i;
  }

  /** Closes the tab's session and opens a fresh one in its place (a reload). */
  public void reload(int tab) {
    log("reload tab" + tab);
    epochs.set(tab, epochs.get(tab) + 1);
    startSession(tab);
  }

  private void startSession(final int tab) {
    if (backend != null) backend.opened(tab, epochs.get(tab));
    TabSession s = new TabSession(new TabConfig(CURRENT, legacy), codec, () -> now, jitter);
    s.setListener(
        new TabSession.Listener() {
          @Override
          public void onProblem(String message) {
            problems.add("tab" + tab + ": " + message);
          }
        });
    tabs.set(tab, s);
    s.start();
    collect(tab);
  }

  public TabSession tab(int i) {
    return tabs.get(i);
  }

  /** Moves what the tab's session wants sent into the in-flight queue. */
  public void collect(int tab) {
    int epoch = epochs.get(tab);
    for (Outgoing o : tabs.get(tab).drainOutgoing()) {
      if (o.isWakeup()) {
        queue.add(new Event(Kind.WAKEUP, tab, epoch, o.id(), null, null, null, 0, o.wakeupAt()));
      } else {
        queue.add(new Event(Kind.REQUEST, tab, epoch, o.id(), o.op(), null, null, 0, 0));
      }
    }
  }

  /** Makes the i-th in-flight event happen. */
  public void deliver(int index) {
    Event e = queue.remove(index);
    if (logging) log(e.toString());
    switch (e.kind) {
      case REQUEST:
        {
          if (backend != null) {
            List<Event> pushes = new ArrayList<>();
            Response r =
                backend.apply(
                    e.tab, e.epoch, e.op, (t, key, g, v) -> pushes.add(push(t, key, g, v)));
            queue.add(new Event(Kind.REPLY, e.tab, e.epoch, e.id, null, r, null, 0, 0));
            queue.addAll(pushes);
            return;
          }
          DelegateModel d = delegates.get(Answers.delegate(e.op));
          Response r =
              d == null ? Answers.unknownDelegate(e.id) : Answers.ok(e.id, d.apply(e.op.msg()));
          queue.add(new Event(Kind.REPLY, e.tab, e.epoch, e.id, null, r, null, 0, 0));
          if (Answers.wrote(r) && Answers.delegate(e.op).equals(CURRENT)) {
            String key = Answers.key(e.op);
            long g = d.generation(key);
            for (int t = 0; t < tabs.size(); t++) {
              // every connection of this user but the writer's own (a reloaded tab is a new one)
              if (t != e.tab || epochs.get(t) != e.epoch) queue.add(push(t, key, g, d.data(key)));
            }
          }
          return;
        }
      case REPLY:
        if (epochs.get(e.tab) == e.epoch) {
          Answers.deliver(tabs.get(e.tab), e.id, e.reply);
          collect(e.tab);
        }
        return;
      case PUSH:
        tabs.get(e.tab).onKeyChanged(CURRENT, e.key, e.generation, e.value);
        collect(e.tab);
        return;
      default:
        now = Math.max(now, e.at);
        if (epochs.get(e.tab) == e.epoch) {
          tabs.get(e.tab).onWakeup(e.id);
          collect(e.tab);
        }
    }
  }

  /**
   * A request of the tab's current session that reached the node but whose answer was lost with the
   * connection: it is applied, and its pushes to the other tabs are still sent.
   */
  public void applyLost(Event e) {
    if (backend != null) {
      backend.apply(e.tab, e.epoch, e.op, (t, key, g, v) -> queue.add(push(t, key, g, v)));
      return;
    }
    delegates.get(Answers.delegate(e.op)).apply(e.op.msg());
    // (the model pushes on any write attempt, even a conflicting CAS: pushes are only hints)
    if (Answers.delegate(e.op).equals(CURRENT) && Answers.isWrite(e.op)) {
      String key = Answers.key(e.op);
      long g = current().generation(key);
      for (int o = 0; o < tabs.size(); o++) {
        if (o != e.tab) queue.add(push(o, key, g, current().data(key)));
      }
    }
  }

  /** A push to tab {@code t}; it carries {@code value} only when {@link #pushValues}. */
  private Event push(int t, String key, long generation, byte[] value) {
    return new Event(Kind.PUSH, t, 0, 0, null, null, key, generation, 0, pushValues ? value : null);
  }

  /** The tab's connection came back after a drop (the backend opens a new one). */
  public void reconnected(int tab) {
    if (backend != null) backend.reconnected(tab, epochs.get(tab));
  }

  /**
   * Opens a tab whose load cannot read the newer legacy source (its List times out), so the load
   * goes on without it as an incomplete migration; returns the tab.
   */
  public int openTabWithNewerLegacyUnread() {
    int t = openTab();
    deliver(0); // List current -> empty
    deliver(0);
    Event newerList =
        queue.remove(
            find(e -> e.kind == Kind.REQUEST && Answers.delegate(e.op).equals(LEGACY_NEWER)));
    tab(t).onError(newerList.id, "timeout", "no answer in 10 s");
    collect(t);
    return t;
  }

  /** Delivers events first-in first-out until nothing is in flight. */
  public void runAll() {
    int guard = 0;
    while (!queue.isEmpty()) {
      deliver(0);
      if (++guard > 1_000_000) throw new AssertionError("no quiescence");
    }
  }

  /** Index of the first in-flight event matching, or -1. */
  public int find(java.util.function.Predicate<Event> p) {
    for (int i = 0; i < queue.size(); i++) if (p.test(queue.get(i))) return i;
    return -1;
  }

  /** Delivers the first in-flight event matching (fails when none). */
  public Event deliverFirst(java.util.function.Predicate<Event> p) {
    int i = find(p);
    if (i < 0) throw new AssertionError("no such event in " + queue);
    Event e = queue.get(i);
    deliver(i);
    return e;
  }

  /**
   * Delivers everything except events matching the hold predicate; returns when only held remain.
   */
  public void runAllExcept(java.util.function.Predicate<Event> hold) {
    int guard = 0;
    while (true) {
      int i = find(hold.negate());
      if (i < 0) return;
      deliver(i);
      if (++guard > 1_000_000) throw new AssertionError("no quiescence");
    }
  }

  /** The current store's slot for a room, or null when absent. */
  public RoomSlot slot(RoomKey k) {
    byte[] d = current().data(RoomStorageKeys.roomKey(k));
    try {
      return d == null ? null : codec.decodeSlot(d);
    } catch (RoomsDecodeException e) {
      throw new AssertionError(e);
    }
  }

  /** Writes a slot into a delegate as a plain Store would (setup, no pushes). */
  public void putSlot(Bytes delegate, RoomKey k, RoomSlot slot) {
    delegates.get(delegate).store(RoomStorageKeys.roomKey(k), codec.encodeSlot(slot));
  }

  /** Number of queued requests of a kind (optionally for one tab, -1 = any). */
  public int queued(Class<? extends DelegateRequest> kind, int tab) {
    int n = 0;
    for (Event e : queue)
      if (e.kind == Kind.REQUEST && Answers.is(e.op, kind) && (tab < 0 || e.tab == tab)) n++;
    return n;
  }

  /** Runs the action in the tab and queues what it emits. */
  public void act(int tab, java.util.function.Consumer<TabSession> action) {
    action.accept(tabs.get(tab));
    collect(tab);
  }
}
