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
import river.chat.Deputies;
import river.engine.World;
import river.net.ReconnectBackoff;
import river.room.AuthorizedMember;
import river.room.MessageKind;
import river.room.PendingMessage;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.WireException;

/**
 * Randomized multi-tab runs of the room actions by two users, each in one browser of 2-3 tabs. The
 * tabs of a browser are opened at the same moment on a fresh profile ({@link ProfileOpening}: each
 * mints a token, the first stored wins, a tab may act as soon as it has adopted one). Then, round
 * after round: creates, invitations accepted by one tab or by two tabs at once, leaves and returns,
 * direct posts, identities replaced by one or two tabs at once while a stale tab edits ({@link
 * IdentityReplacement}), messages queued in the tabs' outboxes ({@link OutboxQueue}, one stored
 * outbox per browser, as the shell keeps it), and rooms shown (a tab then publishes the member's
 * key, with real P-256, if the room has none the profile keeps); every tab's requests are answered
 * in a seeded random interleaving, connections are cut at random (each request in flight reached
 * the node or not, its answer is lost) and restored later, and the clock moves so retries and
 * another tab's lingering entries are sent. Each browser's tabs share one delegate model (their
 * saves and live pushes run as in {@link World}). After each round the invariants are checked
 * ({@link ActionInvariants}): every tab of a browser uses the token its credential store holds (one
 * profile per browser); every room a tab lists is held with the key the node holds (so the user can
 * post: a post is sent and must be accepted); all of a user's tabs list the same rooms; each user
 * appears at most once in a room's member list; every acknowledged message is in its room exactly
 * once. At the end every tab reconnects and the outboxes drain: every queued message is then in its
 * room exactly once, or was refused for good and told (and is not in the room); and once every tab
 * showed its rooms, each member has a published key whose private half their profile keeps. Runs
 * Tabs also name the other user a deputy or take it back, while another tab of theirs may rename
 * them from the same state; once every room was shown, each member's info names exactly what their
 * requests say, and (once the tabs' clock moved past {@link NicknameRequests#LINGER_MS}) each
 * member's info carries the nickname the profile asked for last, even when the tab that asked lost
 * its connection. Runs against {@link ModelNode} here and against a real node in the webapp's
 * tests; a failure names the seed, and {@code new ActionSimulator(seed, node)} replays it.
 */
public final class ActionSimulator {
  public final int seed;
  final Random rnd;
  final NodeAnswers node;
  final String[] users = {"u1", "u2"}; // one browser each
  final Map<String, List<ActionTab>> tabs = new HashMap<>();
  final Map<String, Set<String>> keysEver = new HashMap<>(); // user -> hex keys held in any room
  final Map<String, ProfileOpening.CredentialStore> credentials = new HashMap<>();
  final List<RoomMessage> acked = new ArrayList<>();
  final List<RoomMessage> queued = new ArrayList<>();
  final List<RoomKey> rooms = new ArrayList<>();
  long clock = 1_000_000;
  final ActionInvariants invariants = new ActionInvariants(this);

  /** Real P-256 key agreement: tabs publish the member's key when they show a room. */
  final JceCrypto crypto = new JceCrypto();

  public int roomsShown;
  public int joins;
  public int concurrentJoins;
  public int leaves;
  public int posts;
  public int queuedPosts;
  public int tokensMinted;
  public int actedWhileOthersOpened;
  public int cuts;
  public int answersLost;
  public int refusedForGood;
  public int restarts;
  public int identityChanges;
  public int concurrentIdentityChanges;
  public int staleEdits;
  public int deputyChanges;
  public int renames;

  /** Renames whose tab was told they did not go through (most of them lost their connection). */
  public int renamesFailed;

  public ActionSimulator(int seed, NodeAnswers node) {
    this.seed = seed;
    this.rnd = new Random(seed);
    this.node = node;
    Map<String, World> worlds = new HashMap<>();
    Map<String, BrowserOutbox> outboxes = new HashMap<>();
    int[] counts = new int[users.length];
    ProfileOpening.CredentialStore[] stores = new ProfileOpening.CredentialStore[users.length];
    for (int i = 0; i < users.length; i++) {
      String u = users[i];
      worlds.put(u, new World(seed * 31L + u.hashCode(), List.of()));
      outboxes.put(u, new BrowserOutbox());
      tabs.put(u, new ArrayList<>());
      keysEver.put(u, new HashSet<>());
      counts[i] = 2 + rnd.nextInt(2);
      stores[i] = new ProfileOpening.CredentialStore();
      credentials.put(u, stores[i]);
    }
    int[] opened = {0};
    ProfileOpening opening = new ProfileOpening();
    opening.open(
        users,
        counts,
        stores,
        rnd,
        node::newProfile,
        (browser, token) -> {
          ActionTab t =
              new ActionTab(
                  browser,
                  token,
                  worlds.get(browser),
                  node,
                  outboxes.get(browser),
                  () -> clock,
                  crypto);
          t.pump();
          tabs.get(browser).add(t);
          opened[0]++;
          if (opened[0] < counts[0] + counts[1] && rnd.nextInt(3) == 0) {
            t.actions.create("room " + rooms.size(), browser, false, rooms::add, t.failInto());
            t.pump(); // acts at once, while other tabs are still opening
            actedWhileOthersOpened++;
          }
        });
    tokensMinted = opening.minted;
    check("seed " + seed + " after the first opens");
  }

  <T> T pick(List<T> l) {
    return l.get(rnd.nextInt(l.size()));
  }

  String other(String u) {
    return u.equals("u1") ? "u2" : "u1";
  }

  public void run(int rounds) {
    for (int round = 0; round < rounds; round++) {
      connectivity();
      act();
      interleave();
      later(rnd.nextInt(15_000));
      check("seed " + seed + " round " + round);
    }
    drain();
  }

  List<ActionTab> allTabs() {
    List<ActionTab> all = new ArrayList<>();
    for (String u : users) {
      all.addAll(tabs.get(u));
    }
    return all;
  }

  void check(String where) {
    invariants.check(where);
  }

  /** Restores some lost connections, and sometimes cuts one between rounds. */
  void connectivity() {
    for (ActionTab t : allTabs()) {
      if (!t.connected && rnd.nextInt(5) < 2) {
        t.restore();
      }
    }
    if (rnd.nextInt(5) == 0) {
      cut(pick(allTabs()));
    }
    if (rnd.nextInt(30) == 0) {
      restartNode();
    }
  }

  /** The node restarts: every connection drops. */
  void restartNode() {
    for (ActionTab t : allTabs()) {
      if (t.identityChanges > 0) {
        return; // see IdentityReplacement's known gap
      }
    }
    for (ActionTab t : allTabs()) {
      cut(t);
    }
    node.restart();
    restarts++;
  }

  void cut(ActionTab t) {
    if (t.connected && t.identityChanges == 0) { // see IdentityReplacement's known gap
      cuts++;
      answersLost += t.held.size();
      t.cut(rnd::nextBoolean);
    }
  }

  /** The clock moves on: due retries and linger checks run; the rooms show what they hold. */
  void later(long millis) {
    clock += millis;
    for (ActionTab t : allTabs()) {
      t.wake(clock);
    }
    interleave();
    for (ActionTab t : allTabs()) {
      for (OutboxQueue.Entry e : t.outbox.entries()) {
        if (PendingMessage.deliveredIn(node.room(PendingMessage.room(e.unsigned)), e.unsigned)) {
          t.outbox.deliveredByRoom(e.key); // as the message pane does when it renders the room
        }
      }
      t.pump();
    }
  }

  /** Every tab reconnects and the outboxes drain; then nothing queued may be missing. */
  void drain() {
    for (ActionTab t : allTabs()) {
      if (!t.connected) {
        t.restore();
      }
    }
    for (int i = 0; i < 20 && !invariants.outboxesEmpty(); i++) {
      later(OutboxQueue.LINGER_MS + ReconnectBackoff.MAX_MS + 1000);
    }
    String where = "seed " + seed + " after the outboxes drained";
    if (!invariants.outboxesEmpty()) {
      throw new AssertionError(where + ": a queued message was never delivered");
    }
    check(where);
    refusedForGood = invariants.queuedOnce(where);
    // every tab, connected again (the drain's interleavings may have cut some), shows each of its
    // rooms until nothing changes: each member then has a key
    for (ActionTab t : allTabs()) {
      if (!t.connected) {
        t.restore();
      }
    }
    // a nickname request no tab finished may now be published again by any tab: the tabs' action
    // clock moves past the linger (on a real node only it: the node's own stays)
    node.advance(NicknameRequests.LINGER_MS + 1);
    for (ActionTab t : allTabs()) {
      t.wake(clock); // the young requests a tab saw linger now: it publishes them unasked
      t.pump();
    }
    for (int round = 0; round < 5; round++) {
      for (ActionTab t : allTabs()) {
        for (RoomKey key : listed(t)) {
          t.actions.onRoomShown(key, node.room(key.bytes().toArray()));
          t.pump();
        }
      }
    }
    invariants.everyMemberHasAKeyTheyKeep("seed " + seed + " after every room was shown");
    invariants.deputiesFollowTheRequests("seed " + seed + " after every room was shown");
    invariants.nicknamesFollowTheRequests("seed " + seed + " after every room was shown");
  }

  void act() {
    String u = pick(Arrays.asList(users));
    ActionTab t = pick(tabs.get(u));
    int what = rnd.nextInt(10);
    List<RoomKey> mine = listed(t);
    if (!mine.isEmpty() && t.connected && rnd.nextInt(3) == 0) {
      // the tab shows a room (with whatever else it does): it publishes the member's key if the
      // room has none the profile keeps, racing the user's other tabs and edits
      RoomKey key = pick(mine);
      t.actions.onRoomShown(key, node.room(key.bytes().toArray()));
      roomsShown++;
    }
    if (!mine.isEmpty() && t.connected && rnd.nextInt(4) == 0) {
      // the user names the other user a deputy, or takes it back, while (sometimes) another tab
      // renames them from the same state: the info is replaced whole, the naming must survive
      RoomKey key = pick(mine);
      RoomState state = node.room(key.bytes().toArray());
      RoomData data = t.session().rooms().map().get(key);
      byte[] me = data.verifyingKey().toArray();
      for (AuthorizedMember m : state.members()) {
        boolean named = Deputies.isNamedBy(state, me, m.member());
        if (named || Deputies.canName(state, me, m.member())) {
          if (t.actions.setDeputy(key, state, m.member(), !named, why -> {}) == null) {
            deputyChanges++;
          }
          break;
        }
      }
      ActionTab other = pick(tabs.get(u));
      if (other != t && other.connected && rnd.nextBoolean()) {
        if (other.actions.setNickname(key, state, u + " " + renames, m -> renamesFailed++)
            == null) {
          renames++;
        }
      }
    }
    if (!mine.isEmpty() && (what >= 8 || !t.connected)) { // offline, only the outbox takes it
      queue(t, pick(mine));
      return;
    }
    if (!t.connected) {
      return;
    }
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
        boolean replace = rnd.nextBoolean();
        int replacing = 0;
        for (int i = 0; i < codes.size(); i++) {
          ActionTab j = joiners.get(i);
          RoomData held = j.session().rooms().map().get(key);
          if (replace && held != null && !RoomActions.isOwner(key, held)) {
            // already a member: the identity is replaced by the invitation's key, as an import
            IdentityReplacement.start(j, key, codes.get(i), j.failInto());
            replacing++;
          } else {
            j.actions.join(codes.get(i), them, k -> {}, m -> {});
          }
        }
        if (replacing > 0) {
          identityChanges++;
          concurrentIdentityChanges += replacing > 1 ? 1 : 0;
          if (joiners.size() > codes.size()) { // a tab that still has the old identity acts
            ActionTab stale = joiners.get(codes.size());
            if (stale.session().rooms().holds(key)) {
              stale.actions.setNickname(
                  key, node.room(key.bytes().toArray()), them + " again", stale.failInto());
              staleEdits++;
            }
          }
        } else {
          joins++;
          concurrentJoins += both ? 1 : 0;
        }
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

  /** Composes a message in a tab (online or not) and hands it to the tab's outbox. */
  void queue(ActionTab t, RoomKey key) {
    RoomData data = t.session().rooms().map().get(key);
    RoomMessage m;
    try {
      m =
          Compose.message(
              key,
              data,
              node.room(key.bytes().toArray()),
              node.now() + 1000 + queued.size(),
              MessageKind.TEXT,
              null,
              SealedBytes.publicBytes(("q" + queued.size()).getBytes(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException refusedAtOnce) {
      return; // e.g. the user left this room in another tab a moment ago
    }
    queued.add(m);
    queuedPosts++;
    t.outbox.add(m); // stored, signed and sent in the interleaving that follows
  }

  /** Answers every tab's requests one at a time, picking the tab at random each time. */
  void interleave() {
    List<ActionTab> all = allTabs();
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
      if (rnd.nextInt(40) == 0) {
        cut(pick(busy)); // the connection drops with requests in flight
        continue;
      }
      if (rnd.nextInt(400) == 0) {
        restartNode(); // with requests in flight
        continue;
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
}
