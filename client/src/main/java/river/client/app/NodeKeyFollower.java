package river.client.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.engine.TabSession;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.rooms.SigningIdentity;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * Keeps the node's signing key for a room on the identity this profile holds there ({@link
 * SigningIdentity}: the node's key follows the held identity, never the reverse). A check asks the
 * node for its public key and, when it is not the held one, imports the held seed naming the held
 * public key. Checks run when a join ends (whichever identity won), when another tab's identity
 * replaces this tab's (a merge), when a room is opened (a tab closed in the middle of a join, or an
 * earlier failure, is repaired before the user posts), and for every room a migration brought in
 * from the legacy blob (the old release kept the keys in the blob only). One check at a time per
 * room; asked again meanwhile, it runs once more after, so the last check of a room always reads
 * the latest ROOMS. At most {@link #WINDOW} rooms are checked at once (a migration can bring
 * hundreds).
 */
final class NodeKeyFollower {
  /** Told once the room's check ended: null when the node signs as the held identity now. */
  interface Done {
    void done(String problem);
  }

  static final int WINDOW = 8;

  private final NodeCalls calls;
  private final SessionDriver driver;

  /** Rooms being checked, with whoever waits for the end of that room's checks. */
  private final Map<RoomKey, List<Done>> running = new HashMap<>();

  /** Rooms asked for again while their check ran. */
  private final Map<RoomKey, Boolean> again = new HashMap<>();

  private final Fifo<RoomKey> queued = new Fifo<>();
  private int active;

  NodeKeyFollower(NodeCalls calls, SessionDriver driver) {
    this.calls = calls;
    this.driver = driver;
  }

  void follow(RoomKey key) {
    follow(key, problem -> {});
  }

  void follow(RoomKey key, Done done) {
    List<Done> waiting = running.get(key);
    if (waiting != null) {
      waiting.add(done);
      again.put(key, Boolean.TRUE);
      return;
    }
    waiting = new ArrayList<>();
    waiting.add(done);
    running.put(key, waiting);
    queued.add(key);
    pump();
  }

  /** Another tab's identity replaced this tab's in a room this tab held: the node follows. */
  void onRoomsChanged(Rooms before, Rooms after) {
    for (Map.Entry<RoomKey, RoomData> e : after.map().entrySet()) {
      RoomData was = before.room(e.getKey());
      if (was != null && SigningIdentity.identityChanged(was, e.getValue())) {
        follow(e.getKey());
      }
    }
  }

  /**
   * Every held room that carries its seed (after a migration from the legacy blob); {@code report}
   * gets "N of M" rooms whose key could not be put on the node, or null, once all are done.
   */
  void followAll(Rooms rooms, Done report) {
    List<RoomKey> keys = new ArrayList<>();
    for (Map.Entry<RoomKey, RoomData> e : rooms.map().entrySet()) {
      if (SigningIdentity.carriesSeed(e.getValue())) {
        keys.add(e.getKey());
      }
    }
    if (keys.isEmpty()) {
      report.done(null);
      return;
    }
    int[] left = {keys.size()};
    List<String> problems = new ArrayList<>();
    for (RoomKey key : keys) {
      follow(
          key,
          problem -> {
            if (problem != null) {
              problems.add(problem);
            }
            if (--left[0] == 0) {
              if (!problems.isEmpty()) {
                elemental2.dom.DomGlobal.console.warn(
                    "River: signing keys not put on the node: " + problems.get(0));
              }
              report.done(problems.isEmpty() ? null : problems.size() + " of " + keys.size());
            }
          });
    }
  }

  private void pump() {
    while (active < WINDOW && !queued.isEmpty()) {
      active++;
      check(queued.poll());
    }
  }

  private void check(RoomKey key) {
    TabSession session = driver.session();
    if (!SigningIdentity.carriesSeed(session.rooms().room(key))) {
      finish(key, null); // not held (any more), or a key that never left the node
      return;
    }
    byte[] room = key.bytes().toArray();
    calls.delegate(
        new DelegateRequest.GetPublicKey(room),
        DelegateResponse.PublicKey.class,
        answer -> {
          // Decided on the identity held now, not the one held when the question went out.
          RoomData held = driver.session().rooms().room(key);
          byte[] onNode = answer.publicKey();
          Bytes seed = SigningIdentity.seedToStore(held, onNode == null ? null : Bytes.of(onNode));
          if (seed == null) {
            finish(key, null);
            return;
          }
          calls.delegate(
              new DelegateRequest.StoreSigningKey(
                  room, seed.toArray(), held.verifyingKey().toArray()),
              DelegateResponse.SigningKey.class,
              stored -> finish(key, null),
              problem -> finish(key, problem));
        },
        problem -> finish(key, problem));
  }

  private void finish(RoomKey key, String problem) {
    active--;
    if (again.remove(key) != null) {
      queued.add(key); // asked again meanwhile: check once more, with the latest ROOMS
      pump();
      return;
    }
    List<Done> waiting = running.remove(key);
    pump();
    if (waiting != null) {
      for (Done d : waiting) {
        d.done(problem);
      }
    }
  }
}
