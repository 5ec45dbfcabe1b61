package river.actions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.chat.RoomSecrets;
import river.chat.SecretKeys;
import river.engine.World;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SecretRotation;
import river.rooms.Bytes;
import river.rooms.RoomKey;

/**
 * Private-room secret versions through the actions engine, with real P-256 ECDH, HKDF and AES-GCM
 * (javax.crypto) against the node model: keys published, versions wrapped and picked up, the ban
 * followed by a version the banned member's key cannot open.
 */
class SecretRotationFlowTest {
  final ModelNode node = new ModelNode(5);
  final JceCrypto crypto = new JceCrypto();
  final ActionTab alice = new ActionTab("alice", new World(), node, crypto);
  final ActionTab bob = new ActionTab("bob", new World(), node, crypto);
  final ActionTab carol = new ActionTab("carol", new World(), node, crypto);
  final List<ActionTab> tabs = List.of(alice, bob, carol);
  RoomKey key;

  RoomState room() {
    return node.room(key.bytes().toArray());
  }

  void setUpRoom() {
    key = alice.createRoom("Secret", true);
    alice.admit(key, bob);
    alice.admit(key, carol);
    settle(tabs);
  }

  /** Every tab sees the room as the node holds it until nothing more happens; nobody was told. */
  void settle(List<ActionTab> who) {
    ActionTab.settle(node, key, who);
    for (ActionTab t : who) {
      assertEquals(List.of(), t.failures, t.user);
    }
  }

  Iterable<Bytes> stored(ActionTab t) {
    return t.session().rooms().map().get(key).invitationSecrets();
  }

  byte[] me(ActionTab t) {
    return t.session().rooms().map().get(key).verifyingKey().toArray();
  }

  byte[] privateKey(ActionTab t) {
    MemberInfo info = SecretKeys.infoOf(room(), me(t));
    return RoomSecrets.privateKeyFor(stored(t), info.encryptionKey());
  }

  /** What unwrapping gives: the secret, or null when the key does not open the wrap. */
  byte[] unwrap(byte[] privateKey, SecretRotation r, SecretRotation.Wrap w, byte[] asMember) {
    byte[][] out = new byte[1][];
    crypto.unwrap(
        privateKey,
        r.ephemeral(),
        SecretRotation.wrapInfo(key.bytes().toArray(), r.version(), asMember),
        w.nonce(),
        w.wrapped(),
        s -> out[0] = s,
        m -> {});
    return out[0];
  }

  @Test
  void everyMemberPublishesAKeyAndPicksUpTheVersionTheOwnerWrapsForThem() {
    setUpRoom();
    RoomState s = room();
    for (ActionTab t : tabs) {
      assertNotNull(SecretKeys.infoOf(s, me(t)).encryptionKey(), t.user);
    }
    // the owner wrapped a new version for the members whose keys the last one missed
    assertEquals(2, s.secretVersion());
    byte[] v2 = RoomSecrets.find(stored(alice), 2);
    assertNotNull(v2);
    assertArrayEquals(v2, RoomSecrets.find(stored(bob), 2));
    assertArrayEquals(v2, RoomSecrets.find(stored(carol), 2));
  }

  /**
   * Two tabs of one profile both saw the member without a key and each published one; the owner
   * wrapped a version for the first key before the second replaced it. The owner sees a wrap for
   * the member and does not rotate again, so the member must open it with the first key's kept
   * private half. Which same-version info the room keeps is decided by its bytes (random keys), so
   * the race is run with a new member until the second key wins.
   */
  @Test
  void aVersionWrappedForAKeyTheMemberLaterReplacedIsStillPickedUp() {
    setUpRoom();
    for (int attempt = 0; attempt < 40; attempt++) {
      World browser = new World();
      ActionTab dave = new ActionTab("dave" + attempt, browser, node, crypto);
      List<String> codes = new ArrayList<>();
      assertNull(alice.actions.invite(key, room(), codes::add, alice.failInto()));
      alice.pump();
      dave.actions.join(codes.get(0), "dave", k -> {}, dave.failInto());
      dave.pump();
      ActionTab daveTwo = new ActionTab("dave" + attempt, browser, node, crypto);
      daveTwo.pump();
      RoomState keyless = room();
      ActionTab.raceOn(key, keyless, false, dave, daveTwo); // each makes a pair
      dave.releaseAll();
      byte[] first = SecretKeys.infoOf(room(), me(dave)).encryptionKey();
      assertNotNull(first);
      long before = room().secretVersion();
      alice.actions.onRoomState(key, room()); // the owner wraps a version for the first key
      alice.pump();
      long version = room().secretVersion();
      assertTrue(version > before, "the owner rotated for dave");
      daveTwo.releaseAll();
      if (java.util.Arrays.equals(first, SecretKeys.infoOf(room(), me(dave)).encryptionKey())) {
        settle(List.of(alice, dave, daveTwo));
        continue; // the first key won the tie: nothing was replaced, race again
      }
      alice.actions.onRoomState(key, room());
      alice.pump();
      assertEquals(version, room().secretVersion(), "the owner sees a wrap and does not rotate");
      dave.actions.onRoomState(key, room());
      dave.pump();
      byte[] secret = RoomSecrets.find(stored(alice), version);
      assertArrayEquals(secret, RoomSecrets.find(stored(dave), version));
      assertArrayEquals(secret, RoomSecrets.find(stored(daveTwo), version));
      assertEquals(List.of(), dave.failures);
      assertEquals(List.of(), daveTwo.failures);
      return;
    }
    throw new AssertionError("in 40 races the second key never replaced the first");
  }

  @Test
  void theBannedMembersKeyCannotUnwrapAnyVersionAfterTheBan() {
    setUpRoom();
    byte[] carolKey = me(carol);
    byte[] carolPrivate = privateKey(carol);
    assertNull(alice.actions.ban(key, room(), carolKey, alice.failInto()));
    alice.pump();
    settle(List.of(alice, bob));
    RoomState s = room();
    assertFalse(s.isMember(carolKey));
    assertEquals(3, s.secretVersion());
    SecretRotation after = s.rotations().get(0);
    assertNull(after.wrapFor(carolKey));
    for (SecretRotation.Wrap w : after.wraps()) {
      assertNull(unwrap(carolPrivate, after, w, carolKey));
      assertNull(unwrap(carolPrivate, after, w, w.member()));
    }
    byte[] v3 = RoomSecrets.find(stored(bob), 3);
    assertNotNull(v3);
    assertArrayEquals(RoomSecrets.find(stored(alice), 3), v3);
    assertNull(RoomSecrets.find(stored(carol), 3));
    // bob's next message is sealed with v3: bob reads it, carol's newest (v2) does not open it
    Invitation.RoomSecret sealing = RoomSecrets.forSealing(stored(bob), s.secretVersion());
    assertEquals(3, sealing.version());
    SealedBytes[] sealed = new SealedBytes[1];
    crypto.seal(
        sealing.secret(),
        3,
        "after the ban".getBytes(StandardCharsets.UTF_8),
        x -> sealed[0] = x,
        m -> {});
    byte[][] read = new byte[2][];
    crypto.open(v3, sealed[0], b -> read[0] = b, m -> {});
    crypto.open(RoomSecrets.newest(stored(carol)).secret(), sealed[0], b -> read[1] = b, m -> {});
    assertEquals("after the ban", new String(read[0], StandardCharsets.UTF_8));
    assertNull(read[1]);
  }

  @Test
  void aRenameAfterTheBanIsSealedWithTheVersionTheBannedMemberNeverReceived() {
    setUpRoom();
    byte[] carolNewest = RoomSecrets.newest(stored(carol)).secret();
    assertNull(alice.actions.ban(key, room(), me(carol), alice.failInto()));
    alice.pump();
    settle(List.of(alice, bob));
    assertEquals(3, room().secretVersion());
    assertNull(alice.actions.rename(key, room(), "After the ban", alice.failInto()));
    alice.pump();
    assertEquals(List.of(), alice.failures);
    SealedBytes name = room().config().name();
    assertEquals(3, name.secretVersion());
    byte[][] read = new byte[2][];
    crypto.open(RoomSecrets.find(stored(bob), 3), name, b -> read[0] = b, m -> {});
    crypto.open(carolNewest, name, b -> read[1] = b, m -> {});
    assertEquals("After the ban", new String(read[0], StandardCharsets.UTF_8));
    assertNull(read[1]);
  }

  @Test
  void aBanWhoseRotationWasLostIsFollowedByOneOnTheNextState() {
    setUpRoom();
    byte[] carolKey = me(carol);
    long before = room().secretVersion();
    alice.hold = true;
    assertNull(alice.actions.ban(key, room(), carolKey, alice.failInto()));
    alice.step(); // the ban's signature
    alice.step(); // the ban itself, accepted; the rotation's signature is held
    assertFalse(room().isMember(carolKey));
    assertEquals(1, alice.held.size());
    alice.actions.link().onError(alice.held.remove(0).id, "timeout", "no answer");
    alice.hold = false;
    assertEquals(before, room().secretVersion());
    alice.failures.clear();
    settle(List.of(alice, bob));
    assertEquals(before + 1, room().secretVersion());
    assertNull(room().rotations().get(0).wrapFor(carolKey));
    assertNotNull(RoomSecrets.find(stored(bob), before + 1));
  }

  @Test
  void aMemberWhoMissedRotationsReadsTheOlderVersionsFromTheNewest() {
    setUpRoom();
    assertNull(alice.actions.rotateSecret(key, room(), alice.failInto()));
    alice.pump();
    assertNull(alice.actions.rotateSecret(key, room(), alice.failInto()));
    alice.pump();
    assertEquals(4, room().secretVersion());
    assertEquals(1, room().rotations().size());
    assertNull(RoomSecrets.find(stored(bob), 3));
    settle(List.of(bob));
    for (long v = 1; v <= 4; v++) {
      assertArrayEquals(RoomSecrets.find(stored(alice), v), RoomSecrets.find(stored(bob), v));
    }
  }

  @Test
  void invitationsCarryEveryVersionTheInviterHolds() {
    setUpRoom();
    assertNull(alice.actions.rotateSecret(key, room(), alice.failInto()));
    alice.pump();
    List<String> codes = new ArrayList<>();
    alice.actions.invite(key, room(), codes::add, alice.failInto());
    alice.pump();
    List<Long> versions = new ArrayList<>();
    for (Invitation.RoomSecret x : Invitation.decode(codes.get(0)).secrets()) {
      versions.add(x.version());
    }
    versions.sort(null);
    assertEquals(List.of(1L, 2L, 3L), versions);
  }

  @Test
  void onlyTheOwnerOfAPrivateRoomRotates() {
    setUpRoom();
    assertEquals(
        "Only the room's owner can change its key.",
        bob.actions.rotateSecret(key, room(), bob.failInto()));
    List<RoomKey> made = new ArrayList<>();
    alice.actions.create("Open", "alice", false, made::add, alice.failInto());
    alice.pump();
    assertEquals(
        "Only a private room has a key to change.",
        alice.actions.rotateSecret(
            made.get(0), node.room(made.get(0).bytes().toArray()), alice.failInto()));
    assertTrue(bob.actions.link().drain().isEmpty());
  }
}
