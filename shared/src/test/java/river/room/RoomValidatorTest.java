package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** One test per validation rule and per cleanup effect. */
class RoomValidatorTest {
  final Random rnd = new Random(7);
  final TestKey ownerKey = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final TestKey carol = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(ownerKey);

  RoomState withAliceBobCarol() {
    // owner -> alice -> bob -> carol
    return f.apply(
        f.created(),
        RoomDelta.builder()
            .member(f.invite(ownerKey, alice))
            .member(f.invite(alice, bob))
            .member(f.invite(bob, carol))
            .build());
  }

  String reason(RoomState s, RoomDelta d) {
    return assertThrows(RoomValidationException.class, () -> f.apply(s, d)).getMessage();
  }

  @Test
  void createdRoomRoundTripsThroughItsBytes() {
    RoomState s = withAliceBobCarol();
    RoomState back =
        RoomContract.put(RoomState.empty(f.room()), s.encode(), TestKey.VERIFIER, RoomFixture.NOW);
    assertArrayEquals(s.encode(), back.encode());
    assertTrue(back.isMember(carol.pub));
    assertTrue(back.isMember(ownerKey.pub));
  }

  @Test
  void forgedMessageSignatureIsRejected() {
    RoomState s = withAliceBobCarol();
    RoomMessage real = f.text(alice, 10, "hi");
    RoomMessage forged = real.withSignature(bob.sign(real.signedBytes()));
    assertEquals(
        "message is not signed by its author",
        reason(s, RoomDelta.builder().message(forged).build()));
  }

  @Test
  void brokenInvitationChainIsRejected() {
    TestKey stranger = TestKey.random(rnd);
    AuthorizedMember m = f.invite(stranger, TestKey.random(rnd));
    assertTrue(
        reason(f.created(), RoomDelta.builder().member(m).build())
            .contains("has no chain to the owner"));
  }

  @Test
  void cyclicChainIsRejected() {
    TestKey x = TestKey.random(rnd);
    TestKey y = TestKey.random(rnd);
    RoomDelta d = RoomDelta.builder().member(f.invite(x, y)).member(f.invite(y, x)).build();
    assertTrue(reason(f.created(), d).contains("no chain to the owner"));
  }

  @Test
  void overLimitMessageIsRejected() {
    RoomState s = withAliceBobCarol();
    String big = "x".repeat(RoomConfig.DEFAULT_MAX_MESSAGE_BYTES);
    assertTrue(
        reason(s, RoomDelta.builder().message(f.text(alice, 1, big)).build())
            .startsWith("message: content is"));
    // exactly at the limit passes: the limit counts the encoded content ({"Public": h(989)} = 1000)
    String fits = "x".repeat(RoomConfig.DEFAULT_MAX_MESSAGE_BYTES - 11);
    assertEquals(
        1,
        f.apply(s, RoomDelta.builder().message(f.text(alice, 1, fits)).build()).messages().size());
  }

  @Test
  void overLimitNicknameIsRejected() {
    RoomState s = withAliceBobCarol();
    assertTrue(
        reason(s, RoomDelta.builder().memberInfo(f.info(alice, alice, 1, "n".repeat(51))).build())
            .contains("nickname"));
  }

  @Test
  void unauthorizedBanIsRejected() {
    // carol is below bob; carol may not ban her inviter (the cascade would remove her), and a
    // sibling may not ban a sibling
    RoomState s = withAliceBobCarol();
    assertEquals(
        "ban: the ban would remove its own issuer",
        reason(s, RoomDelta.builder().ban(f.ban(carol, bob, 5)).build()));
    TestKey dave = TestKey.random(rnd);
    RoomState s2 = f.apply(s, RoomDelta.builder().member(f.invite(alice, dave)).build());
    assertTrue(
        reason(s2, RoomDelta.builder().ban(f.ban(dave, bob, 5)).build())
            .startsWith("ban: only the owner"));
    // a banned member bans nobody: their invitees left with them
    RoomState s3 = f.apply(s, RoomDelta.builder().ban(f.ban(ownerKey, bob, 6)).build());
    assertTrue(
        reason(s3, RoomDelta.builder().ban(f.ban(bob, carol, 7)).build())
            .contains("is not a member"));
  }

  @Test
  void banByAncestorCascadesToInvitees() {
    RoomState s = withAliceBobCarol();
    s =
        f.apply(
            s,
            RoomDelta.builder()
                .memberInfo(f.info(carol, carol, 1, "carol"))
                .message(f.text(carol, 3, "from carol"))
                .message(f.text(alice, 4, "from alice"))
                .build());
    RoomState banned = f.apply(s, RoomDelta.builder().ban(f.ban(alice, bob, 9)).build());
    assertTrue(banned.isMember(alice.pub));
    assertFalse(banned.isMember(bob.pub));
    assertFalse(banned.isMember(carol.pub), "cascade: bob invited carol");
    assertEquals(1, banned.messages().size(), "carol's message is gone");
    assertTrue(banned.memberInfo().isEmpty());
    // a banned member can no longer post
    assertTrue(
        reason(banned, RoomDelta.builder().message(f.text(carol, 20, "still here?")).build())
            .contains("is not a current member"));
  }

  @Test
  void banOnNonMemberIsRejected() {
    assertTrue(
        reason(
                withAliceBobCarol(),
                RoomDelta.builder().ban(f.ban(ownerKey, TestKey.random(rnd), 1)).build())
            .contains("is not a member"));
  }

  @Test
  void banCapIsEnforcedOnMembersBansButNeverStopsTheOwner() {
    int[] limits = RoomConfig.defaultLimits();
    limits[6] = 1;
    TestKey dave = TestKey.random(rnd);
    RoomState s =
        f.apply(
            withAliceBobCarol(),
            RoomDelta.builder()
                .config(f.config(2, "strict", limits))
                .member(f.invite(alice, dave))
                .build());
    s = f.apply(s, RoomDelta.builder().ban(f.ban(bob, carol, 1)).build());
    assertTrue(
        reason(s, RoomDelta.builder().ban(f.ban(alice, dave, 2)).build())
            .contains("at most 1 bans"));
    // a member who used up the cap cannot keep the owner from banning them
    s = f.apply(s, RoomDelta.builder().ban(f.ban(ownerKey, dave, 3)).build());
    s = f.apply(s, RoomDelta.builder().ban(f.ban(ownerKey, alice, 4)).build());
    assertFalse(s.isMember(alice.pub));
  }

  @Test
  void rejectedDeltaChangesNothing() {
    RoomState s = withAliceBobCarol();
    byte[] before = s.encode();
    RoomMessage good = f.text(alice, 1, "ok");
    RoomMessage bad = f.text(alice, 2, "bad").withSignature(new byte[64]);
    assertThrows(
        RoomValidationException.class,
        () -> f.apply(s, RoomDelta.builder().message(good).message(bad).build()));
    assertArrayEquals(before, s.encode());
  }

  @Test
  void configMustBeSignedByOwner() {
    RoomConfig c = f.config(5, "mine");
    RoomConfig forged = c.withSignature(alice.sign(c.signedBytes()));
    assertEquals(
        "config is not signed by the room owner",
        reason(withAliceBobCarol(), RoomDelta.builder().config(forged).build()));
  }

  @Test
  void configLimitsAboveTheCeilingsAreRejected() {
    int[] limits = RoomConfig.defaultLimits();
    limits[3] = ConfigRules.CEILINGS[3] + 1;
    assertEquals(
        "config: max_members must be 1..200",
        reason(
            withAliceBobCarol(), RoomDelta.builder().config(f.config(2, "huge", limits)).build()));
  }

  @Test
  void itemSignedForAnotherRoomIsRejected() {
    RoomFixture other = new RoomFixture(TestKey.random(rnd));
    assertEquals(
        "message belongs to another room",
        reason(
            withAliceBobCarol(), RoomDelta.builder().message(other.text(alice, 1, "x")).build()));
  }

  @Test
  void newestConfigWinsAndStaleConfigIsRefused() {
    RoomState s = f.apply(f.created(), RoomDelta.builder().config(f.config(3, "three")).build());
    assertTrue(
        reason(s, RoomDelta.builder().config(f.config(2, "two")).build())
            .startsWith("config: a newer version"));
    assertEquals(3, s.config().version());
    // the config the room holds may be sent again: nothing new, nothing refused
    assertEquals(s, f.apply(s, RoomDelta.builder().config(s.config()).build()));
  }

  @Test
  void memberInfoHighestVersionWinsAndOwnerMaySignIt() {
    RoomState s = withAliceBobCarol();
    s = f.apply(s, RoomDelta.builder().memberInfo(f.info(alice, alice, 2, "two")).build());
    assertTrue(
        reason(s, RoomDelta.builder().memberInfo(f.info(ownerKey, alice, 1, "one")).build())
            .startsWith("member info: a newer version"));
    s = f.apply(s, RoomDelta.builder().memberInfo(f.info(ownerKey, alice, 3, "three")).build());
    assertEquals(3, s.memberInfo().get(0).version());
    assertTrue(
        reason(s, RoomDelta.builder().memberInfo(f.info(bob, alice, 3, "x")).build())
            .contains("signed by neither"));
  }

  @Test
  void privateRoomRefusesPublicContent() {
    RoomConfig c =
        new RoomConfig(
            f.room(),
            1,
            SealedBytes.privateBytes(new byte[20], new byte[12], 1),
            SealedBytes.privateBytes(new byte[16], new byte[12], 1),
            true,
            1,
            RoomConfig.defaultLimits(),
            new byte[0]);
    c = c.withSignature(ownerKey.sign(c.signedBytes()));
    // a room is private from its creation on (ConfigRules: it cannot turn private later)
    RoomState s =
        f.apply(
            RoomState.empty(f.room()),
            RoomDelta.builder().config(c).member(f.invite(ownerKey, alice)).build());
    assertTrue(
        reason(s, RoomDelta.builder().message(f.text(alice, 1, "plain")).build())
            .contains("must be private"));
  }

  @Test
  void putNeedsConfigAndUpdateNeedsPut() {
    RoomState empty = RoomState.empty(f.room());
    byte[] noConfig = RoomDelta.builder().member(f.invite(ownerKey, alice)).build().encode();
    assertThrows(
        RoomValidationException.class,
        () -> RoomContract.put(empty, noConfig, TestKey.VERIFIER, RoomFixture.NOW));
    assertThrows(
        RoomValidationException.class,
        () -> RoomContract.update(empty, noConfig, TestKey.VERIFIER, RoomFixture.NOW));
  }

  @Test
  void malformedBytesAreRejectedWithAReason() {
    RoomState s = f.created();
    assertTrue(
        assertThrows(
                RoomValidationException.class,
                () ->
                    RoomContract.update(
                        s, new byte[] {(byte) 0xff}, TestKey.VERIFIER, RoomFixture.NOW))
            .getMessage()
            .startsWith("not CBOR"));
    assertTrue(
        assertThrows(
                RoomValidationException.class,
                () ->
                    RoomContract.update(
                        s, new byte[] {(byte) 0xa0}, TestKey.VERIFIER, RoomFixture.NOW))
            .getMessage()
            .contains("missing field"));
  }

  @Test
  void messageCapKeepsTheNewest() {
    int[] limits = RoomConfig.defaultLimits();
    limits[0] = 3;
    RoomState s =
        f.apply(
            withAliceBobCarol(), RoomDelta.builder().config(f.config(2, "small", limits)).build());
    RoomDelta.Builder d = RoomDelta.builder();
    for (int t = 2; t <= 4; t++) {
      d.message(f.text(alice, t, "m" + t));
    }
    s = f.apply(s, d.build());
    s = f.apply(s, RoomDelta.builder().message(f.text(bob, 5, "m5")).build());
    assertEquals(3, s.messages().size());
    assertEquals(3, s.messages().get(0).time());
    assertEquals(5, s.messages().get(2).time());
    // a message the room would not keep is refused, never answered ok and dropped
    RoomState full = s;
    assertTrue(
        reason(full, RoomDelta.builder().message(f.text(carol, 1, "late")).build())
            .startsWith("message: older than the 3 newest messages"));
    assertTrue(
        reason(
                full,
                RoomDelta.builder()
                    .message(f.text(carol, 6, "new"))
                    .message(f.text(carol, 1, "late"))
                    .build())
            .startsWith("message: older than"));
  }
}
