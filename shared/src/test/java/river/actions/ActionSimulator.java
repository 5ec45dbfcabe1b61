package river.actions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import river.chat.Roster;
import river.engine.World;
import river.room.MessageKind;
import river.room.PendingMessage;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.Base58;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.WireException;

/**
 * Randomized multi-tab, two-user runs of the room actions: creates, invitations accepted by one tab
 * or by two tabs at once, leaves and returns, posts; every tab's requests are answered in a seeded
 * random interleaving, and each user's tabs share one delegate model (their saves and live pushes
 * run as in {@link World}). After each round everything settles and the invariants are checked:
 * every room a tab lists is held with the key the node holds (so the user can post: a post is sent
 * and must be accepted), all of a user's tabs list the same rooms, each user appears at most once
 * in a room's member list, and every acknowledged post is in its room. Runs against {@link
 * ModelNode} here and against a real node in the webapp's tests.
 */
public final class ActionSimulator {
  public final int seed;
  final Random rnd;
  final NodeAnswers node;
  final String[] users = {"u1", "u2"};
  final Map<String, List<ActionTab>> tabs = new HashMap<>();
  final Map<String, Set<String>> keysEver = new HashMap<>(); // user -> hex keys held in any room
  final List<RoomMessage> acked = new ArrayList<>();
  final List<RoomKey> rooms = new ArrayList<>();
  public int joins;
  public int concurrentJoins;
  public int leaves;
  public int posts;

  public ActionSimulator(int seed, NodeAnswers node) {
    this.seed = seed;
    this.rnd = new Random(seed);
    this.node = node;
    for (String u : users) {
      World w = new World(seed * 31L + u.hashCode(), List.of());
      List<ActionTab> l = new ArrayList<>();
      int n = 2 + rnd.nextInt(2);
      for (int i = 0; i < n; i++) {
        l.add(new ActionTab(u, w, node));
      }
      tabs.put(u, l);
      keysEver.put(u, new HashSet<>());
    }
  }

  <T> T pick(List<T> l) {
    return l.get(rnd.nextInt(l.size()));
  }

  String other(String u) {
    return u.equals("u1") ? "u2" : "u1";
  }

  public void run(int rounds) {
    for (int round = 0; round < rounds; round++) {
      act();
      interleave();
      check("seed " + seed + " round " + round);
    }
  }

  void act() {
    String u = pick(Arrays.asList(users));
    ActionTab t = pick(tabs.get(u));
    int what = rnd.nextInt(10);
    List<RoomKey> mine = listed(t);
    if (rooms.isEmpty() || what < 2) {
      t.actions.create("room " + rooms.size(), u, false, rooms::add, t.failInto());
      return;
    }
    if (what < 6 && !mine.isEmpty()) { // invite the other user; one or two of their tabs accept
      RoomKey key = pick(mine);
      String them = other(u);
      List<ActionTab> theirs = tabs.get(them);
      boolean both = rnd.nextBoolean() && theirs.size() > 1;
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < (both ? 2 : 1); i++) {
        settle(t);
        t.actions.invite(key, node.room(key.bytes().toArray()), codes::add, t.failInto());
        settle(t);
      }
      if (codes.size() == (both ? 2 : 1)) {
        List<ActionTab> joiners = new ArrayList<>(theirs);
        Collections.shuffle(joiners, rnd);
        for (int i = 0; i < codes.size(); i++) {
          joiners.get(i).actions.join(codes.get(i), them, k -> {}, m -> {});
        }
        joins++;
        concurrentJoins += both ? 1 : 0;
      }
      return;
    }
    if (what < 7 && !mine.isEmpty()) {
      RoomKey key = pick(mine);
      if (!Arrays.equals(
          key.bytes().toArray(),
          t.session()
              .rooms()
              .map()
              .get(key)
              .verifyingKey()
              .toArray())) { // an owner's leave is local only; members leave for the others too
        t.actions.leave(key, node.room(key.bytes().toArray()), m -> {});
        leaves++;
      }
      return;
    }
    if (!mine.isEmpty()) {
      settle(t);
      RoomKey key = pick(mine);
      String refused = post(t, key, "p" + posts);
      if (refused != null) {
        throw new AssertionError("seed " + seed + ": a member's post was refused: " + refused);
      }
    }
  }

  List<RoomKey> listed(ActionTab t) {
    return new ArrayList<>(t.session().rooms().map().keySet());
  }

  void settle(ActionTab t) {
    boolean h = t.hold;
    t.hold = false;
    while (!t.held.isEmpty()) {
      t.step();
    }
    t.pump();
    t.hold = h;
  }

  /** Answers every tab's requests one at a time, picking the tab at random each time. */
  void interleave() {
    List<ActionTab> all = new ArrayList<>();
    for (String u : users) {
      all.addAll(tabs.get(u));
    }
    for (ActionTab t : all) {
      t.hold = true;
      t.pump();
    }
    for (int guard = 0; guard < 100_000; guard++) {
      List<ActionTab> busy = new ArrayList<>();
      for (ActionTab t : all) {
        if (!t.held.isEmpty()) {
          busy.add(t);
        }
      }
      if (busy.isEmpty()) {
        break;
      }
      pick(busy).step();
    }
    for (ActionTab t : all) {
      t.hold = false;
      t.pump();
    }
  }

  String post(ActionTab t, RoomKey key, String text) {
    byte[] room = key.bytes().toArray();
    RoomData data = t.session().rooms().map().get(key);
    RoomMessage m =
        Compose.message(
            key,
            data,
            node.room(room),
            node.now() + posts,
            MessageKind.TEXT,
            null,
            SealedBytes.publicBytes(text.getBytes(StandardCharsets.UTF_8)));
    try {
      DelegateResponse.Signature sig =
          (DelegateResponse.Signature)
              ((OpResult.Delegate)
                      node.answer(
                          t.user,
                          new Op.Delegate(
                              DelegateKeys.current(),
                              new DelegateRequest.Sign(room, "message", m.signedBytes()))))
                  .response();
      RoomMessage signed = m.withSignature(sig.signature());
      node.answer(
          t.user, new Op.Update(room, RoomDelta.builder().message(signed).build().encode()));
      acked.add(signed);
      posts++;
      return null;
    } catch (WireException e) {
      return e.getMessage();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  void check(String where) {
    for (String u : users) {
      Set<RoomKey> first = null;
      for (ActionTab t : tabs.get(u)) {
        Set<RoomKey> listed = new HashSet<>(listed(t));
        if (first == null) {
          first = listed;
        } else if (!first.equals(listed)) {
          throw new AssertionError(where + ": " + u + "'s tabs list different rooms");
        }
        for (RoomKey key : listed) {
          byte[] mine = t.session().rooms().map().get(key).verifyingKey().toArray();
          byte[] held = node.heldKey(u, key.bytes().toArray());
          if (held == null || !Arrays.equals(held, mine)) {
            throw new AssertionError(
                where + ": " + u + " lists a room with a key the node does" + " not hold");
          }
          keysEver.get(u).add(Base58.encode(mine));
          if (!node.room(key.bytes().toArray()).isMember(mine)) {
            throw new AssertionError(where + ": " + u + " lists a room they are not a member of");
          }
        }
      }
    }
    for (RoomKey key : rooms) {
      RoomState s = node.room(key.bytes().toArray());
      for (String u : users) {
        byte[] held = node.heldKey(u, key.bytes().toArray());
        if (held != null) {
          keysEver.get(u).add(Base58.encode(held));
        }
        int shown = 0;
        for (byte[] k : Roster.shown(s)) {
          shown += keysEver.get(u).contains(Base58.encode(k)) ? 1 : 0;
        }
        if (shown > 1) {
          throw new AssertionError(where + ": " + u + " appears " + shown + " times in a room");
        }
      }
    }
    for (RoomMessage m : acked) {
      RoomState s = node.room(PendingMessage.room(m));
      if (!s.messages().contains(m)) {
        throw new AssertionError(where + ": an acknowledged post is gone");
      }
    }
  }
}
