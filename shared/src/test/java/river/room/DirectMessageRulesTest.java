package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract's rules for direct messages and their tombstones (docs/private-rooms.md, "Direct
 * messages"), one test per rule, the hostile attempts first: each is refused and the room state
 * keeps its bytes. Room: public, owner -> alice, owner -> bob, owner -> carol.
 */
class DirectMessageRulesTest {
  final Random rnd = new Random(1515);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final TestKey carol = TestKey.random(rnd);
  final TestKey stranger = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);
  static final long T = 1_700_000_000_000L;

  RoomState room() {
    return f.apply(
        f.created(),
        RoomDelta.builder()
            .member(f.invite(owner, alice))
            .member(f.invite(owner, bob))
            .member(f.invite(owner, carol))
            .build());
  }

  static DirectMessage.Copy copy(int ciphertextBytes) {
    return new DirectMessage.Copy(new byte[65], new byte[12], new byte[ciphertextBytes]);
  }

  DirectMessage dm(TestKey signer, TestKey from, TestKey to, long time, int bytes) {
    DirectMessage m =
        new DirectMessage(f.room(), from.pub, to.pub, time, copy(bytes), copy(32), new byte[0]);
    return m.withSignature(signer.sign(m.signedBytes()));
  }

  DirectMessage dm(TestKey from, TestKey to, long time) {
    return dm(from, from, to, time, 40);
  }

  DmDelete delete(TestKey by, DirectMessage m, long time) {
    DmDelete d = DmDelete.of(m, by.pub, time);
    return d.withSignature(by.sign(d.signedBytes()));
  }

  static RoomDelta of(DirectMessage... ms) {
    RoomDelta.Builder b = RoomDelta.builder();
    for (DirectMessage m : ms) {
      b.directMessage(m);
    }
    return b.build();
  }

  static RoomDelta of(DmDelete d) {
    return RoomDelta.builder().dmDelete(d).build();
  }

  String refused(RoomState s, RoomDelta d) {
    return f.refused(s, d);
  }

  // ---- hostile ----

  @Test
  void aDirectMessageSignedBySomeoneOtherThanItsSenderIsRefused() {
    assertEquals(
        "direct message is not signed by its sender",
        refused(room(), of(dm(carol, alice, bob, T, 40))));
  }

  @Test
  void aDirectMessageToSomeoneWhoIsNotAMemberIsRefused() {
    assertTrue(
        refused(room(), of(dm(alice, stranger, T)))
            .matches("direct message: recipient .* is not a current member"));
  }

  @Test
  void aDirectMessageToABannedMemberIsRefused() {
    RoomState s = f.apply(room(), RoomDelta.builder().ban(f.ban(owner, bob, T)).build());
    assertTrue(refused(s, of(dm(alice, bob, T))).contains("recipient"));
  }

  @Test
  void aBannedSenderIsRefused() {
    RoomState s = f.apply(room(), RoomDelta.builder().ban(f.ban(owner, carol, T)).build());
    assertTrue(
        refused(s, of(dm(carol, alice, T)))
            .matches("direct message: sender .* is not a current member"));
  }

  @Test
  void aSenderBannedInTheSameDeltaIsRefused() {
    RoomDelta d =
        RoomDelta.builder().ban(f.ban(owner, carol, T)).directMessage(dm(carol, alice, T)).build();
    assertTrue(refused(room(), d).contains("sender"));
  }

  @Test
  void aDirectMessageToOneselfIsRefused() {
    assertEquals(
        "direct message: sender and recipient are the same",
        refused(room(), of(dm(alice, alice, T))));
  }

  @Test
  void aCopyOverThirtyTwoKilobytesIsRefused() {
    assertEquals(
        "direct message: a sealed copy is 32769 bytes, limit 32768",
        refused(room(), of(dm(alice, alice, bob, T, DirectMessage.MAX_CIPHERTEXT_BYTES + 1))));
    // the limit itself is fine
    f.apply(room(), of(dm(alice, alice, bob, T, DirectMessage.MAX_CIPHERTEXT_BYTES)));
  }

  @Test
  void aDirectMessageDatedMoreThanFiveMinutesAheadIsRefused() {
    long tooLate = RoomFixture.NOW + RoomValidator.MAX_FUTURE_MILLIS + 1;
    assertTrue(refused(room(), of(dm(alice, bob, tooLate))).contains("5 minutes ahead"));
    f.apply(room(), of(dm(alice, bob, RoomFixture.NOW + RoomValidator.MAX_FUTURE_MILLIS)));
  }

  @Test
  void aDirectMessageOfAnotherRoomIsRefused() {
    RoomFixture other = new RoomFixture(stranger);
    DirectMessage m =
        new DirectMessage(other.room(), alice.pub, bob.pub, T, copy(40), copy(40), new byte[0]);
    m = m.withSignature(alice.sign(m.signedBytes()));
    assertEquals("direct message belongs to another room", refused(room(), of(m)));
  }

  @Test
  void aTombstoneByAThirdPartyIsRefused() {
    DirectMessage m = dm(alice, bob, T);
    RoomState s = f.apply(room(), of(m));
    assertEquals(
        "dm delete: only the sender or the recipient may delete a direct message",
        refused(s, of(delete(carol, m, T + 1))));
  }

  @Test
  void aTombstoneThatLiesAboutTheDirectMessagesPartiesIsRefused() {
    DirectMessage m = dm(alice, bob, T);
    RoomState s = f.apply(room(), of(m));
    DmDelete lie =
        new DmDelete(f.room(), m.id(), carol.pub, bob.pub, carol.pub, T + 1, new byte[0]);
    lie = lie.withSignature(carol.sign(lie.signedBytes()));
    assertEquals(
        "dm delete: names other parties than the direct message it deletes", refused(s, of(lie)));
  }

  @Test
  void aLyingTombstoneThatArrivesBeforeItsDirectMessageRemovesNothing() {
    DirectMessage m = dm(alice, bob, T);
    DmDelete lie =
        new DmDelete(f.room(), m.id(), carol.pub, bob.pub, carol.pub, T + 1, new byte[0]);
    lie = lie.withSignature(carol.sign(lie.signedBytes()));
    RoomState s = f.apply(f.apply(room(), of(lie)), of(m));
    assertEquals(List.of(m), s.directMessages());
  }

  @Test
  void aTombstoneSignedByAnotherKeyIsRefused() {
    DirectMessage m = dm(alice, bob, T);
    DmDelete d = DmDelete.of(m, bob.pub, T + 1);
    d = d.withSignature(carol.sign(d.signedBytes()));
    assertEquals("dm delete is not signed by its deleter", refused(f.apply(room(), of(m)), of(d)));
  }

  @Test
  void moreThanAHundredDirectMessagesAtOnceForOnePairAreRefused() {
    List<DirectMessage> ms = new ArrayList<>();
    for (int i = 0; i <= RoomMerge.MAX_DMS_PER_PAIR; i++) {
      ms.add(dm(alice, bob, T + i));
    }
    assertTrue(
        refused(room(), of(ms.toArray(new DirectMessage[0])))
            .startsWith("direct message: more than 100 at once"));
  }

  @Test
  void aDirectMessageOlderThanThePairsKeptOnesIsRefused() {
    List<DirectMessage> ms = new ArrayList<>();
    for (int i = 1; i <= RoomMerge.MAX_DMS_PER_PAIR; i++) {
      ms.add(dm(alice, bob, T + i));
    }
    RoomState s = f.apply(room(), of(ms.toArray(new DirectMessage[0])));
    assertEquals(
        "direct message: older than the direct messages this room keeps",
        refused(s, of(dm(alice, bob, T))));
  }

  @Test
  void aDeletedDirectMessageSentAgainIsRefused() {
    DirectMessage m = dm(alice, bob, T);
    RoomState s = f.apply(f.apply(room(), of(m)), of(delete(bob, m, T + 1)));
    assertEquals("direct message: it was deleted", refused(s, of(m)));
  }

  // ---- honest ----

  @Test
  void aDirectMessageBetweenTwoMembersIsKept() {
    DirectMessage m = dm(alice, bob, T);
    RoomState s = f.apply(room(), of(m));
    assertEquals(List.of(m), s.directMessages());
    assertEquals(s, RoomState.decodeTrusted(f.room(), s.encode()));
  }

  @Test
  void aRoomWithoutDirectMessagesKeepsItsBytes() {
    RoomState s = room();
    String cbor = s.toCbor().toString();
    assertFalse(cbor.contains("direct_messages"), cbor);
    assertFalse(cbor.contains("dm_deletes"), cbor);
  }

  @Test
  void theRecipientCanDeleteADirectMessage() {
    DirectMessage m = dm(alice, bob, T);
    DmDelete d = delete(bob, m, T + 1);
    RoomState s = f.apply(f.apply(room(), of(m)), of(d));
    assertTrue(s.directMessages().isEmpty());
    assertEquals(List.of(d), s.dmDeletes());
  }

  @Test
  void theSenderCanDeleteADirectMessage() {
    DirectMessage m = dm(alice, bob, T);
    RoomState s = f.apply(f.apply(room(), of(m)), of(delete(alice, m, T + 1)));
    assertTrue(s.directMessages().isEmpty());
  }

  @Test
  void aTombstoneThatArrivesFirstRemovesItsDirectMessageInEitherOrder() {
    DirectMessage m = dm(alice, bob, T);
    DmDelete d = delete(bob, m, T + 1);
    RoomState a = RoomMerge.merge(RoomMerge.merge(room(), of(m)), of(d));
    RoomState b = RoomMerge.merge(RoomMerge.merge(room(), of(d)), of(m));
    assertEquals(a, b);
    assertTrue(a.directMessages().isEmpty());
  }

  @Test
  void theNewestHundredOfAPairAreKeptWhenMoreArrive() {
    List<DirectMessage> ms = new ArrayList<>();
    for (int i = 0; i < RoomMerge.MAX_DMS_PER_PAIR; i++) {
      ms.add(dm(alice, bob, T + i));
    }
    RoomState s = f.apply(room(), of(ms.toArray(new DirectMessage[0])));
    DirectMessage newest = dm(alice, bob, T + 1000);
    DirectMessage other = dm(bob, alice, T - 1000);
    s = f.apply(s, of(newest, other));
    assertEquals(RoomMerge.MAX_DMS_PER_PAIR + 1, s.directMessages().size());
    assertFalse(s.directMessages().contains(ms.get(0)), "the oldest of the pair went");
    assertTrue(s.directMessages().contains(other), "the other direction has its own bound");
    assertEquals(newest, s.directMessages().get(s.directMessages().size() - 1));
  }

  @Test
  void theRoomKeepsTheNewestThreeHundred() {
    RoomState s = room();
    TestKey[][] pairs = {{alice, bob}, {bob, alice}, {alice, carol}};
    int t = 0;
    for (TestKey[] p : pairs) {
      List<DirectMessage> ms = new ArrayList<>();
      for (int i = 0; i < RoomMerge.MAX_DMS_PER_PAIR; i++) {
        ms.add(dm(p[0], p[1], T + t++));
      }
      s = f.apply(s, of(ms.toArray(new DirectMessage[0])));
    }
    DirectMessage oldest = s.directMessages().get(0);
    s = f.apply(s, of(dm(carol, bob, T + 10_000)));
    assertEquals(RoomMerge.MAX_DIRECT_MESSAGES, s.directMessages().size());
    assertFalse(s.directMessages().contains(oldest));
  }

  @Test
  void banningAMemberSweepsTheirDirectMessages() {
    RoomState s =
        f.apply(room(), of(dm(alice, carol, T), dm(carol, bob, T + 1), dm(bob, alice, T)));
    s = f.apply(s, RoomDelta.builder().ban(f.ban(owner, carol, T + 2)).build());
    assertEquals(1, s.directMessages().size());
    assertArrayEquals(bob.pub, s.directMessages().get(0).sender());
  }

  @Test
  void theMergeIsAPureFunctionOfTheUnion() {
    DirectMessage m1 = dm(alice, bob, T);
    DirectMessage m2 = dm(bob, alice, T + 1);
    DirectMessage m3 = dm(carol, alice, T + 2);
    DmDelete d = delete(alice, m2, T + 3);
    RoomState base = room();
    RoomState a = RoomMerge.merge(base, RoomDelta.builder().directMessage(m1).dmDelete(d).build());
    a = RoomMerge.merge(a, of(m2, m3));
    RoomState b = RoomMerge.merge(base, of(m3, m2));
    b = RoomMerge.merge(b, RoomDelta.builder().dmDelete(d).directMessage(m1).build());
    assertEquals(a, b);
    assertEquals(List.of(m1, m3), a.directMessages());
    assertEquals(a, RoomMerge.merge(a, a));
  }

  @Test
  void theNodeSignsADirectMessageOnlyForItsSenderAndATombstoneOnlyForItsDeleter() {
    DirectMessage m =
        new DirectMessage(f.room(), alice.pub, bob.pub, T, copy(40), copy(40), new byte[0]);
    SigningPurpose.DIRECT_MESSAGE.check(f.room(), alice.pub, m.signedBytes());
    assertThrows(
        RoomValidationException.class,
        () -> SigningPurpose.DIRECT_MESSAGE.check(f.room(), bob.pub, m.signedBytes()));
    DmDelete d = DmDelete.of(dm(alice, bob, T), bob.pub, T + 1);
    SigningPurpose.DM_DELETE.check(f.room(), bob.pub, d.signedBytes());
    assertThrows(
        RoomValidationException.class,
        () -> SigningPurpose.DM_DELETE.check(f.room(), alice.pub, d.signedBytes()));
  }

  @Test
  void theCopyInfoBindsRoomPartiesAndWhichCopy() {
    byte[] a = DirectMessage.copyInfo(f.room(), alice.pub, bob.pub, DirectMessage.TO_RECIPIENT);
    byte[] b = DirectMessage.copyInfo(f.room(), alice.pub, bob.pub, DirectMessage.TO_SENDER);
    byte[] c = DirectMessage.copyInfo(f.room(), bob.pub, alice.pub, DirectMessage.TO_RECIPIENT);
    assertFalse(java.util.Arrays.equals(a, b));
    assertFalse(java.util.Arrays.equals(a, c));
    assertEquals("river dm 1".length() + 3 * 32 + 1, a.length);
  }
}
