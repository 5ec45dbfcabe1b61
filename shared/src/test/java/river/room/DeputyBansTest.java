package river.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.chat.Bans;

/**
 * Deputies (upstream #410, {@link BanRule}): a member names others in their info, and each may ban
 * below that member. The hostile member's attempts first. Room: owner -> alice -> carol -> dave,
 * owner -> bob -> erin.
 */
class DeputyBansTest {
  final Random rnd = new Random(410);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final TestKey carol = TestKey.random(rnd);
  final TestKey dave = TestKey.random(rnd);
  final TestKey erin = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  RoomState room() {
    return f.apply(
        f.created(),
        RoomDelta.builder()
            .member(f.invite(owner, alice))
            .member(f.invite(alice, carol))
            .member(f.invite(carol, dave))
            .member(f.invite(owner, bob))
            .member(f.invite(bob, erin))
            .build());
  }

  /**
   * {@code member}'s info at {@code version}, signed by {@code signer}, naming {@code deputies}.
   */
  MemberInfo naming(TestKey signer, TestKey member, long version, TestKey... deputies) {
    List<byte[]> keys = new ArrayList<byte[]>();
    for (TestKey d : deputies) {
      keys.add(d.pub);
    }
    MemberInfo i =
        new MemberInfo(
            f.room(), member.pub, version, RoomFixture.text("n"), false, null, keys, new byte[0]);
    return i.withSignature(signer.sign(i.signedBytes()));
  }

  RoomState with(RoomState s, MemberInfo info) {
    return f.apply(s, RoomDelta.builder().memberInfo(info).build());
  }

  RoomState banned(RoomState s, TestKey by, TestKey target) {
    return f.apply(s, RoomDelta.builder().ban(f.ban(by, target, 7)).build());
  }

  String refused(RoomState s, RoomDelta d) {
    return f.refused(s, d);
  }

  String refusedBan(RoomState s, TestKey by, TestKey target) {
    return refused(s, RoomDelta.builder().ban(f.ban(by, target, 7)).build());
  }

  @Test
  void aMemberCannotNameThemselvesTheirOwnDeputy() {
    assertEquals(
        "member info: a member cannot be their own deputy",
        refused(room(), RoomDelta.builder().memberInfo(naming(bob, bob, 1, bob)).build()));
  }

  @Test
  void aMemberCannotNameThemselvesInSomeoneElsesInfo() {
    // erin signs bob's info naming erin: only bob (or the owner) signs bob's info
    assertTrue(
        refused(room(), RoomDelta.builder().memberInfo(naming(erin, bob, 1, erin)).build())
            .contains("signed by neither the member nor the owner"));
  }

  @Test
  void aDeputyBansOnlyBelowTheMemberWhoNamedThem() {
    RoomState s = with(room(), naming(alice, alice, 1, bob));
    assertTrue(refusedBan(s, bob, alice).startsWith("ban: only the owner, an inviter up"));
    assertTrue(refusedBan(s, bob, TestKey.random(rnd)).endsWith("is not a member of this room"));
    RoomState after = banned(s, bob, carol);
    assertFalse(after.isMember(carol.pub));
    assertFalse(after.isMember(dave.pub), "the cascade removes carol's invitee too");
    assertTrue(after.isMember(alice.pub));
  }

  @Test
  void aBanThatWouldRemoveItsOwnIssuerIsRefused() {
    // dave, deputy of alice, is below carol: banning carol would remove dave
    RoomState s = with(room(), naming(alice, alice, 1, dave));
    assertEquals("ban: the ban would remove its own issuer", refusedBan(s, dave, carol));
    assertEquals("ban: the ban would remove its own issuer", refusedBan(s, dave, dave));
  }

  @Test
  void namingIsNotPassedOn() {
    // alice names bob; bob names erin: erin acts only below bob
    RoomState s = with(with(room(), naming(alice, alice, 1, bob)), naming(bob, bob, 1, erin));
    assertTrue(refusedBan(s, erin, carol).startsWith("ban: only the owner, an inviter up"));
  }

  @Test
  void aNamingIsReadFromTheRoomBeforeTheDelta() {
    RoomDelta both =
        RoomDelta.builder()
            .memberInfo(naming(alice, alice, 1, bob))
            .ban(f.ban(bob, carol, 7))
            .build();
    assertTrue(refused(room(), both).startsWith("ban: only the owner, an inviter up"));
  }

  @Test
  void aNamingTakenBackEndsThePower() {
    RoomState s = with(with(room(), naming(alice, alice, 1, bob)), naming(alice, alice, 2));
    assertTrue(refusedBan(s, bob, carol).startsWith("ban: only the owner, an inviter up"));
  }

  @Test
  void aDeputyWhoWasBannedOrWhoseNamerWasBannedBansNoOne() {
    RoomState s = with(room(), naming(alice, alice, 1, bob));
    assertEquals(
        "ban: the issuer is not a current member", refusedBan(banned(s, owner, bob), bob, carol));
    // the owner's deputy erin bans alice: alice's naming of bob goes with her
    RoomState t = banned(with(s, naming(owner, owner, 1, erin)), erin, alice);
    assertFalse(t.isMember(carol.pub));
    assertFalse(Bans.canBan(t, bob.pub, carol.pub));
  }

  @Test
  void theOwnersDeputyModeratesTheWholeRoomButNotTheOwner() {
    RoomState s = with(room(), naming(owner, owner, 1, erin));
    assertEquals("ban: the owner cannot be banned", refusedBan(s, erin, owner));
    RoomState after = banned(s, erin, alice);
    assertFalse(after.isMember(alice.pub));
    assertFalse(after.isMember(carol.pub));
    assertTrue(after.isMember(bob.pub));
  }

  @Test
  void theOwnerMayNameDeputiesInAMembersInfo() {
    // the owner may sign any member's info; its naming counts as the member's
    RoomState s = with(room(), naming(owner, alice, 1, bob));
    assertFalse(banned(s, bob, carol).isMember(carol.pub));
  }

  @Test
  void aDeputysBanCountsAgainstTheMembersCap() {
    int[] limits = RoomConfig.defaultLimits();
    limits[6] = 1; // max_bans
    RoomState s =
        f.apply(
            with(room(), naming(alice, alice, 1, bob)),
            RoomDelta.builder().config(f.config(2, "room", limits)).build());
    s = banned(s, bob, dave);
    assertEquals("ban: members may issue at most 1 bans in this room", refusedBan(s, alice, carol));
    assertFalse(banned(s, owner, carol).isMember(carol.pub), "the owner's bans are not capped");
  }

  @Test
  void aMalformedDeputyListIsRefusedWithAReason() {
    MemberInfo honest = naming(alice, alice, 1, bob, erin);
    byte[] low = honest.deputies().get(0);
    byte[] high = honest.deputies().get(1);
    assertEquals(
        "member info: deputies must be distinct keys in ascending order",
        decodeWith(CborItem.array(CborItem.bytes(high), CborItem.bytes(low))));
    assertEquals(
        "member info: deputies must be distinct keys in ascending order",
        decodeWith(CborItem.array(CborItem.bytes(low), CborItem.bytes(low))));
    assertEquals("member info: deputies must name 1 to 16 members", decodeWith(CborItem.array()));
    CborItem[] many = new CborItem[MemberInfo.MAX_DEPUTIES + 1];
    for (int i = 0; i < many.length; i++) {
      byte[] k = new byte[32];
      k[0] = (byte) i;
      many[i] = CborItem.bytes(k);
    }
    assertEquals(
        "member info: deputies must name 1 to 16 members", decodeWith(CborItem.array(many)));
    assertEquals(
        "member info: a deputy must be a 32-byte key",
        decodeWith(CborItem.array(CborItem.bytes(new byte[31]))));
    assertEquals(
        "member info: a deputy must be a 32-byte key",
        decodeWith(CborItem.array(CborItem.text("x"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MemberInfo(
                f.room(),
                alice.pub,
                1,
                RoomFixture.text("n"),
                false,
                null,
                Arrays.asList(many.length > 0 ? new byte[3] : null),
                new byte[0]));
  }

  /**
   * Alice's info as a wire item whose deputies field is {@code deputies}; the decoder's refusal.
   */
  String decodeWith(CborItem deputies) {
    MemberInfo honest = naming(alice, alice, 1, bob);
    CborMap.Builder body = CborMap.builder();
    for (river.cbor.CborEntry e : honest.body().entries()) {
      body.put(e.key(), e.key().asText().equals("deputies") ? deputies : e.value());
    }
    CborItem item =
        CborMap.builder()
            .put("body", body.build())
            .put("signature", CborItem.bytes(honest.signature()))
            .build();
    return assertThrows(RoomValidationException.class, () -> MemberInfo.fromCbor(item))
        .getMessage();
  }

  @Test
  void aNamingRoundTripsAndInfosWithoutOneKeepTheirBytes() {
    MemberInfo i = naming(alice, alice, 1, erin, bob);
    MemberInfo back = MemberInfo.fromCbor(i.toCbor());
    assertEquals(i, back);
    assertTrue(back.names(bob.pub) && back.names(erin.pub) && !back.names(carol.pub));
    assertFalse(
        f.info(alice, alice, 1, "n").body().toString().contains("deputies"),
        "an info naming nobody has no deputies field");
    MemberInfo renamed = i.successor(5, RoomFixture.text("m"), true, null);
    assertEquals(2, renamed.deputies().size(), "every later info carries the naming on");
    assertEquals(2, i.next(false).deputies().size());
  }

  @Test
  void theViewOffersABanExactlyWhereTheContractAcceptsIt() {
    // every issuer and target, over rooms with random namings
    TestKey[] all = {owner, alice, bob, carol, dave, erin};
    Random r = new Random(5);
    for (int round = 0; round < 40; round++) {
      RoomState s = room();
      long v = 1;
      for (TestKey namer : all) {
        List<TestKey> named = new ArrayList<TestKey>();
        for (TestKey d : all) {
          if (d != namer && r.nextInt(4) == 0) {
            named.add(d);
          }
        }
        s = with(s, naming(namer, namer, v, named.toArray(new TestKey[0])));
      }
      for (TestKey by : all) {
        for (TestKey target : all) {
          boolean offered = Bans.canBan(s, by.pub, target.pub);
          boolean accepted;
          try {
            banned(s, by, target);
            accepted = true;
          } catch (RoomValidationException e) {
            accepted = false;
          }
          assertEquals(accepted, offered, "round " + round);
        }
      }
    }
  }
}
