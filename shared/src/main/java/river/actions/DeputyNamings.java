package river.actions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.chat.Deputies;
import river.chat.SecretKeys;
import river.engine.Clock;
import river.engine.TabSession;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.Base58;

/**
 * Naming deputies: the user's request is stored first as a mark in the room data (every tab of the
 * profile gets it through the save engine), then the member's info is made to carry it. Every tab
 * does the second step again on every state of the room where the info does not carry the marks
 * ({@link Deputies#toPublish}): an info is replaced whole, so a rename signed in another tab at the
 * same moment may have won over the naming. One publication per room is in flight at a time.
 */
final class DeputyNamings {
  private final ActionLink link;
  private final TabSession session;
  private final Clock clock;
  private final Set<String> busy = new HashSet<String>();

  DeputyNamings(ActionLink link, TabSession session, Clock clock) {
    this.link = link;
    this.session = session;
    this.clock = clock;
  }

  /** Names {@code target} a deputy (or takes it back); null when it went out, else why not. */
  String set(RoomKey key, RoomState state, byte[] target, boolean named, ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    String problem = RoomEdits.usable(data, state);
    byte[] me = problem == null ? data.verifyingKey().toArray() : null;
    if (problem == null && named && !Deputies.hasBelow(state, me)) {
      problem =
          "A deputy can ban only members you invited, directly or not: invite someone to the room"
              + " first.";
    }
    if (problem == null && named && !Deputies.canName(state, me, target)) {
      problem =
          "You can name up to "
              + MemberInfo.MAX_DEPUTIES
              + " current members as deputies, except the owner and whoever invited you.";
    }
    if (problem == null && !named && !Deputies.isNamedBy(state, me, target)) {
      problem = "This member is not one of your deputies.";
    }
    if (problem != null) {
      return problem;
    }
    session.markDeputy(key, Bytes.of(target), clock.nowMillis(), named);
    follow(key, state, fail);
    return null;
  }

  /** Every state of a room the tab holds: the info follows the user's marks. */
  void onState(RoomKey key, RoomState state) {
    follow(key, state, null);
  }

  private void follow(RoomKey key, RoomState state, final ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    // no request: nothing to follow (every state of every room comes here; this is the cheap test)
    if (data == null || data.deputyMarks().isEmpty() || RoomEdits.usable(data, state) != null) {
      return;
    }
    byte[] me = data.verifyingKey().toArray();
    List<byte[]> want = Deputies.toPublish(state, data, me);
    final String job = Base58.encode(key.bytes().toArray());
    if (want == null || !busy.add(job)) {
      return;
    }
    MemberInfo held = SecretKeys.infoOf(state, me);
    // one below a nickname edit signed from the same state: this info carries the state's nickname,
    // and must not land after the edit and bring the old nickname back (at equal versions the
    // smaller encoding wins)
    long version = NicknameRequests.editVersion(state, data, me) - 1;
    link.updateMemberInfo(
        key.bytes().toArray(),
        held.withDeputies(version, want),
        (RoomDelta delta) -> busy.remove(job),
        new ActionLink.Fail() {
          @Override
          public void fail(String message) {
            busy.remove(job);
            if (fail != null) {
              fail.fail(message);
            }
          }
        });
  }
}
