package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The trust rules of a room (DESIGN.md), one test per rule, the hostile member's attempt first.
 * Room: owner -> alice, owner -> bob; alice is the hostile member unless said otherwise.
 */
class TrustRulesTest {
  final Random rnd = new Random(12);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  RoomState room() {
    return f.apply(
        f.created(),
        RoomDelta.builder()
            .member(f.invite(owner, alice))
            .member(f.invite(owner, bob))
            .memberInfo(f.info(bob, bob, 1, "bob"))
            .message(f.text(bob, 100, "bob was here"))
            .build());
  }

  String refused(RoomState s, RoomDelta d) {
    return f.refused(s, d);
  }

  AuthorizedMember recordOf(RoomState s, TestKey k) {
    for (AuthorizedMember m : s.members()) {
      if (Arrays.equals(m.member(), k.pub)) {
        return m;
      }
    }
    return null;
  }

  @Test
  void aMemberCannotReparentAnotherMemberUnderAKeyTheyControl() {
    RoomState s = room();
    TestKey k = TestKey.random(rnd); // alice's extra key, invited by alice
    s = f.apply(s, RoomDelta.builder().member(f.invite(alice, k)).build());
    String reason = refused(s, RoomDelta.builder().member(f.invite(k, bob)).build());
    assertTrue(reason.contains("a member's place is fixed"), reason);
    // and so alice cannot ban bob through k
    assertTrue(
        refused(s, RoomDelta.builder().ban(f.ban(alice, bob, 5)).build())
            .startsWith("ban: only the owner, an inviter up"));
    assertArrayEquals(owner.pub, recordOf(s, bob).invitedBy());
    // re-sending the original record is harmless
    assertEquals(s, f.apply(s, RoomDelta.builder().member(f.invite(owner, bob)).build()));
  }

  @Test
  void twoRecordsForOneNewKeyInOneDeltaAreRefused() {
    TestKey carol = TestKey.random(rnd);
    assertTrue(
        refused(
                room(),
                RoomDelta.builder()
                    .member(f.invite(alice, carol))
                    .member(f.invite(bob, carol))
                    .build())
            .contains("place is fixed"));
  }

  @Test
  void aBannedMemberCannotInvitePostReactSignInfoOrBan() {
    TestKey carol = TestKey.random(rnd);
    RoomState s = f.apply(room(), RoomDelta.builder().member(f.invite(alice, carol)).build());
    RoomMessage bobs = s.messages().get(0);
    s = f.apply(s, RoomDelta.builder().ban(f.ban(owner, alice, 10)).build());
    assertFalse(s.isMember(alice.pub));
    assertFalse(s.isMember(carol.pub));
    assertTrue(
        refused(s, RoomDelta.builder().member(f.invite(alice, TestKey.random(rnd))).build())
            .contains("is banned"));
    assertTrue(
        refused(s, RoomDelta.builder().message(f.text(alice, 11, "still here")).build())
            .contains("not a current member"));
    assertTrue(
        refused(
                s,
                RoomDelta.builder()
                    .message(f.message(alice, 12, MessageKind.REACT, bobs.id(), "+1"))
                    .build())
            .contains("not a current member"));
    assertTrue(
        refused(s, RoomDelta.builder().memberInfo(f.info(alice, alice, 2, "x")).build())
            .contains("not a current member"));
    // her invitee went with her: carol's record is gone, so she can be banned by nobody again
    assertEquals(null, recordOf(s, carol));
    assertTrue(
        refused(s, RoomDelta.builder().ban(f.ban(alice, carol, 13)).build())
            .contains("not a member"));
  }

  @Test
  void aDeltaCannotBanAnInviterAndAdmitTheirInviteeAtOnce() {
    assertTrue(
        refused(
                room(),
                RoomDelta.builder()
                    .ban(f.ban(owner, alice, 1))
                    .member(f.invite(alice, TestKey.random(rnd)))
                    .build())
            .contains("is banned"));
  }

  @Test
  void theMemberCapRefusesJoinsAndNeverEvicts() {
    int[] limits = RoomConfig.defaultLimits();
    limits[3] = 3;
    RoomState s =
        f.apply(
            room(),
            RoomDelta.builder()
                .config(f.config(2, "small", limits))
                .member(f.invite(alice, TestKey.random(rnd)))
                .build());
    // full: alice's puppet with a low key does not push anyone out, it is refused
    String reason =
        refused(s, RoomDelta.builder().member(f.invite(alice, TestKey.random(rnd))).build());
    assertTrue(reason.contains("the room is full (at most 3 members)"), reason);
    // a ban frees a place
    s = f.apply(s, RoomDelta.builder().ban(f.ban(owner, alice, 3)).build());
    TestKey dave = TestKey.random(rnd);
    s = f.apply(s, RoomDelta.builder().member(f.invite(bob, dave)).build());
    assertTrue(s.isMember(dave.pub));
    // lowering the limit keeps everyone
    limits[3] = 1;
    s = f.apply(s, RoomDelta.builder().config(f.config(3, "smaller", limits)).build());
    assertTrue(s.isMember(bob.pub));
    assertTrue(s.isMember(dave.pub));
    assertTrue(
        refused(s, RoomDelta.builder().member(f.invite(bob, TestKey.random(rnd))).build())
            .contains("the room is full"));
  }

  @Test
  void aMessageFarInTheFutureIsRefused() {
    RoomState s = room();
    long tooLate = RoomFixture.NOW + RoomValidator.MAX_FUTURE_MILLIS + 1;
    assertTrue(
        refused(s, RoomDelta.builder().message(f.text(alice, tooLate, "frozen")).build())
            .contains("more than 5 minutes ahead"));
    long fine = RoomFixture.NOW + RoomValidator.MAX_FUTURE_MILLIS;
    assertEquals(
        2,
        f.apply(s, RoomDelta.builder().message(f.text(alice, fine, "skewed clock")).build())
            .messages()
            .size());
  }

  @Test
  void onlyTheAuthorEditsOrDeletesAMessage() {
    RoomState s = room();
    RoomMessage bobs = s.messages().get(0);
    assertTrue(
        refused(
                s,
                RoomDelta.builder()
                    .message(f.message(alice, 101, MessageKind.EDIT, bobs.id(), "hijacked"))
                    .build())
            .contains("only its author may edit"));
    assertTrue(
        refused(
                s,
                RoomDelta.builder()
                    .message(f.message(alice, 101, MessageKind.DELETE, bobs.id(), ""))
                    .build())
            .contains("only its author may delete"));
    RoomState edited =
        f.apply(
            s,
            RoomDelta.builder()
                .message(f.message(bob, 102, MessageKind.EDIT, bobs.id(), "bob again"))
                .build());
    assertEquals(2, edited.messages().size());
  }

  @Test
  void onlyTheReactorWithdrawsAReactionAndActionsHitTheirKind() {
    RoomState s = room();
    RoomMessage bobs = s.messages().get(0);
    RoomMessage like = f.message(bob, 101, MessageKind.REACT, bobs.id(), "+1");
    s = f.apply(s, RoomDelta.builder().message(like).build());
    assertTrue(
        refused(
                s,
                RoomDelta.builder()
                    .message(f.message(alice, 102, MessageKind.UNREACT, like.id(), ""))
                    .build())
            .contains("only its author may withdraw"));
    assertTrue(
        refused(
                s,
                RoomDelta.builder()
                    .message(f.message(bob, 102, MessageKind.EDIT, like.id(), "x"))
                    .build())
            .contains("edit cannot target a react"));
    assertTrue(
        refused(
                s,
                RoomDelta.builder()
                    .message(f.message(bob, 102, MessageKind.UNREACT, bobs.id(), ""))
                    .build())
            .contains("unreact cannot target a text"));
  }

  @Test
  void aBannedMemberHoldsOneBanWhicheverArrivesFirst() {
    UserBan a = f.ban(owner, alice, 1);
    UserBan b = f.ban(owner, alice, 2);
    UserBan first = RoomMerge.BY_SIGNATURE.compare(a, b) < 0 ? a : b;
    UserBan second = first == a ? b : a;
    RoomState s = f.apply(room(), RoomDelta.builder().ban(first).build());
    // a ban the merge would not keep is refused rather than answered ok and dropped
    assertTrue(refused(s, RoomDelta.builder().ban(second).build()).contains("already banned"));
    // the other order ends in the same state: the smaller ban replaces the larger
    RoomState t = f.apply(room(), RoomDelta.builder().ban(second).build());
    t = f.apply(t, RoomDelta.builder().ban(first).build());
    assertEquals(s, t);
    assertEquals(1, s.bans().size());
    assertFalse(s.isMember(alice.pub));
    assertTrue(s.isMember(bob.pub));
  }

  @Test
  void aMembersBanCannotUseUpTheOwnersBans() {
    int[] limits = RoomConfig.defaultLimits();
    limits[6] = 2;
    RoomState s = f.apply(room(), RoomDelta.builder().config(f.config(2, "b", limits)).build());
    TestKey[] puppets = {TestKey.random(rnd), TestKey.random(rnd), TestKey.random(rnd)};
    for (TestKey p : puppets) {
      s = f.apply(s, RoomDelta.builder().member(f.invite(alice, p)).build());
    }
    s = f.apply(s, RoomDelta.builder().ban(f.ban(alice, puppets[0], 1)).build());
    s = f.apply(s, RoomDelta.builder().ban(f.ban(alice, puppets[1], 2)).build());
    assertTrue(
        refused(s, RoomDelta.builder().ban(f.ban(alice, puppets[2], 3)).build())
            .contains("at most 2 bans"));
    s = f.apply(s, RoomDelta.builder().ban(f.ban(owner, alice, 4)).build());
    assertFalse(s.isMember(alice.pub));
    assertTrue(s.isMember(bob.pub));
  }
}
