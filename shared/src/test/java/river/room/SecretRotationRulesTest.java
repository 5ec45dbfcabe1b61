package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;

/**
 * The contract's rules for secret rotations (docs/private-rooms.md), one test per rule, the hostile
 * attempt first: only the owner's signature, a version above every one the room knows, wraps only
 * for current members (each once), earlier versions sealed under the new one; refused deltas change
 * nothing; the merge keeps the newest record only. Room: private, owner -> alice, owner -> bob.
 */
class SecretRotationRulesTest {
  final Random rnd = new Random(15);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final TestKey stranger = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  static SealedBytes sealed(int plainBytes, long version) {
    return SealedBytes.privateBytes(new byte[plainBytes + 16], new byte[12], version);
  }

  RoomState room() {
    RoomConfig c =
        new RoomConfig(
            f.room(),
            1,
            sealed(4, 1),
            sealed(0, 1),
            true,
            1,
            RoomConfig.defaultLimits(),
            new byte[0]);
    RoomState s =
        f.apply(
            RoomState.empty(f.room()),
            RoomDelta.builder().config(c.withSignature(owner.sign(c.signedBytes()))).build());
    return f.apply(
        s, RoomDelta.builder().member(f.invite(owner, alice)).member(f.invite(owner, bob)).build());
  }

  static SecretRotation.Wrap wrap(TestKey member) {
    return new SecretRotation.Wrap(member.pub, new byte[12], new byte[48]);
  }

  SecretRotation rotation(TestKey signer, long version, SealedBytes earlier, TestKey... to) {
    List<SecretRotation.Wrap> wraps = new ArrayList<>();
    for (TestKey k : to) {
      wraps.add(wrap(k));
    }
    SecretRotation r =
        new SecretRotation(f.room(), version, new byte[65], wraps, earlier, new byte[0]);
    return r.withSignature(signer.sign(r.signedBytes()));
  }

  SecretRotation rotation(long version, TestKey... to) {
    return rotation(owner, version, null, to);
  }

  String refused(RoomState s, RoomDelta d) {
    return f.refused(s, d);
  }

  RoomDelta of(SecretRotation r) {
    return RoomDelta.builder().rotation(r).build();
  }

  @Test
  void aRotationSignedByAMemberIsRefused() {
    String reason = refused(room(), of(rotation(alice, 2, null, alice, bob)));
    assertEquals("secret rotation is not signed by the room owner", reason);
  }

  @Test
  void aWrapForSomeoneWhoIsNotAMemberIsRefused() {
    assertTrue(
        refused(room(), of(rotation(2, alice, stranger))).endsWith("is not a current member"));
  }

  @Test
  void aWrapForAMemberBannedInTheSameDeltaIsRefused() {
    RoomDelta d =
        RoomDelta.builder().ban(f.ban(owner, bob, 5)).rotation(rotation(2, alice, bob)).build();
    assertTrue(refused(room(), d).endsWith("is not a current member"));
  }

  @Test
  void aVersionThatDoesNotRiseAboveTheRoomsIsRefused() {
    RoomState s = room();
    assertTrue(refused(s, of(rotation(1, alice))).contains("is not above the room's 1"));
    s = f.apply(s, of(rotation(3, alice, bob)));
    assertTrue(refused(s, of(rotation(3, bob))).contains("is not above the room's 3"));
    assertTrue(refused(s, of(rotation(2, alice, bob))).contains("is not above the room's 3"));
  }

  @Test
  void twoWrapsForOneMemberAreRefused() {
    assertTrue(
        refused(room(), of(rotation(2, alice, alice))).startsWith("secret rotation: two wraps"));
  }

  @Test
  void earlierVersionsSealedUnderAnotherVersionAreRefused() {
    assertTrue(
        refused(room(), of(rotation(owner, 2, sealed(40, 1), alice)))
            .contains("earlier versions must be sealed under the new one"));
    assertTrue(
        refused(room(), of(rotation(owner, 2, SealedBytes.publicBytes(new byte[40]), alice)))
            .contains("earlier versions"));
    assertTrue(
        refused(
                room(),
                of(rotation(owner, 2, sealed(SecretRotation.MAX_EARLIER_BYTES + 1, 2), alice)))
            .contains("earlier versions"));
  }

  @Test
  void aPublicRoomHasNoRotations() {
    RoomState s = f.apply(f.created(), RoomDelta.builder().member(f.invite(owner, alice)).build());
    assertTrue(refused(s, of(rotation(1, alice))).contains("only a private room has secrets"));
  }

  @Test
  void aRotationFromAnotherRoomIsRefused() {
    TestKey other = TestKey.random(rnd);
    SecretRotation r = new SecretRotation(other.pub, 2, new byte[65], List.of(), null, new byte[0]);
    r = r.withSignature(other.sign(r.signedBytes()));
    assertEquals("secret rotation belongs to another room", refused(room(), of(r)));
  }

  @Test
  void contentOfTheNewVersionIsAcceptedOnlyOnceTheRotationIsThere() {
    RoomState s = room();
    RoomMessage sealed2 =
        new RoomMessage(
            f.room(), alice.pub, 100, MessageKind.TEXT, null, sealed(5, 2), new byte[0]);
    RoomMessage signed = sealed2.withSignature(alice.sign(sealed2.signedBytes()));
    assertTrue(
        refused(s, RoomDelta.builder().message(signed).build())
            .contains("unknown secret version 2"));
    s = f.apply(s, of(rotation(owner, 2, sealed(100, 2), owner, alice, bob)));
    assertEquals(2, s.secretVersion());
    s = f.apply(s, RoomDelta.builder().message(signed).build());
    assertEquals(1, s.messages().size());
    // and a rotation may come with the content it makes valid
    RoomMessage sealed3 =
        new RoomMessage(
            f.room(), alice.pub, 101, MessageKind.TEXT, null, sealed(5, 3), new byte[0]);
    s =
        f.apply(
            s,
            RoomDelta.builder()
                .rotation(rotation(3, alice))
                .message(sealed3.withSignature(alice.sign(sealed3.signedBytes())))
                .build());
    assertEquals(3, s.secretVersion());
  }

  RoomConfig renamed(long configVersion, long sealedAt) {
    RoomConfig c =
        new RoomConfig(
            f.room(),
            configVersion,
            sealed(6, sealedAt),
            sealed(0, sealedAt),
            true,
            1,
            RoomConfig.defaultLimits(),
            new byte[0]);
    return c.withSignature(owner.sign(c.signedBytes()));
  }

  @Test
  void aNameSealedWithAVersionTheRoomHasNotSeenIsRefused() {
    assertTrue(
        refused(room(), RoomDelta.builder().config(renamed(2, 2)).build())
            .contains("room name: unknown secret version 2"));
  }

  @Test
  void aNameSealedWithTheRotatedVersionIsAccepted() {
    // the owner renames after a ban's rotation: the banned member must not read the new name
    RoomState s = f.apply(room(), of(rotation(2, owner, alice)));
    s = f.apply(s, RoomDelta.builder().config(renamed(2, 2)).build());
    assertEquals(2, s.config().name().secretVersion());
    assertEquals(1, s.config().secretVersion());
  }

  @Test
  void theMergeKeepsOnlyTheNewestRotationInAnyOrder() {
    RoomState base = room();
    SecretRotation r2 = rotation(2, alice, bob);
    SecretRotation r3 = rotation(3, alice);
    RoomState a = RoomMerge.merge(RoomMerge.merge(base, of(r2)), of(r3));
    RoomState b = RoomMerge.merge(RoomMerge.merge(base, of(r3)), of(r2));
    assertEquals(a, b);
    assertEquals(List.of(r3), a.rotations());
    assertEquals(RoomMerge.KEPT_ROTATIONS, a.rotations().size());
    // a stale rotation arriving after a newer one is refused: the node would not keep it
    RoomState s = f.apply(base, of(r3));
    assertTrue(refused(s, of(r2)).contains("is not above"));
  }

  @Test
  void aRotationAndAMemberKeySurviveTheirCodecsAndOldInfoKeepsItsBytes() {
    SecretRotation r = rotation(owner, 7, sealed(80, 7), alice, bob);
    assertEquals(r, SecretRotation.fromCbor(Cbor.decode(Cbor.encode(r.toCbor()))));
    RoomState s = f.apply(room(), of(r));
    assertEquals(s, RoomState.decodeTrusted(f.room(), s.encode()));
    MemberInfo plain = new MemberInfo(f.room(), alice.pub, 1, sealed(3, 1), new byte[0]);
    assertNull(plain.body().get("encryption_key"));
    byte[] pub = new byte[65];
    pub[0] = 4;
    MemberInfo keyed = plain.withEncryptionKey(pub);
    keyed = keyed.withSignature(alice.sign(keyed.signedBytes()));
    assertEquals(2, keyed.version());
    MemberInfo back = MemberInfo.fromCbor(Cbor.decode(Cbor.encode(keyed.toCbor())));
    assertArrayEquals(pub, back.encryptionKey());
    assertEquals(keyed, back);
    // a room without rotations encodes as before (no "rotations" field)
    assertNull(Cbor.decode(room().encode()).get("rotations"));
  }

  @Test
  void onlyTheOwnersNodeKeySignsARotation() {
    SecretRotation unsigned =
        new SecretRotation(f.room(), 2, new byte[65], List.of(wrap(alice)), null, new byte[0]);
    SigningPurpose.SECRET_ROTATION.check(f.room(), owner.pub, unsigned.signedBytes());
    assertThrows(
        RoomValidationException.class,
        () -> SigningPurpose.SECRET_ROTATION.check(f.room(), alice.pub, unsigned.signedBytes()));
  }
}
