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
import river.chat.DmThreads;
import river.chat.Names;
import river.chat.RoomSecrets;
import river.chat.SecretKeys;
import river.engine.World;
import river.room.DirectMessage;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.RoomKey;

/**
 * Direct messages through the actions engine with real P-256 ECDH, HKDF and AES-GCM (javax.crypto)
 * against the node model: every member of a public room publishes a key; a DM is sealed to the
 * recipient and to the sender (whose other tab reads it), goes through the durable outbox (also
 * while disconnected), is read only by its two parties, and is deleted by either of them.
 */
class DirectMessageFlowTest {
  final ModelNode node = new ModelNode(5);
  final JceCrypto crypto = new JceCrypto();
  final World aliceBrowser = new World();
  final ActionTab alice = new ActionTab("alice", aliceBrowser, node, crypto);
  final ActionTab bob = new ActionTab("bob", new World(), node, crypto);
  final ActionTab carol = new ActionTab("carol", new World(), node, crypto);
  final List<ActionTab> tabs = List.of(alice, bob, carol);
  RoomKey key;

  RoomState room() {
    return node.room(key.bytes().toArray());
  }

  void setUpRoom() {
    key = alice.createRoom("Open", false);
    for (ActionTab t : List.of(bob, carol)) {
      join(t);
    }
    settle(tabs);
  }

  void join(ActionTab t) {
    alice.admit(key, t);
  }

  void settle(List<ActionTab> who) {
    for (int round = 0; round < 10; round++) {
      String before = new String(room().encode(), StandardCharsets.ISO_8859_1);
      for (ActionTab t : who) {
        t.actions.onRoomShown(key, room()); // each has the room open
        t.outbox.onRoomState(key.bytes().toArray(), room());
        t.pump();
      }
      if (before.equals(new String(room().encode(), StandardCharsets.ISO_8859_1))) {
        break;
      }
    }
    for (ActionTab t : who) {
      assertEquals(List.of(), t.failures, t.user);
    }
  }

  /** A new member joined by one tab of a new browser, and a second tab of that profile. */
  ActionTab[] newMemberInTwoTabs(String name) {
    World browser = new World();
    ActionTab first = new ActionTab(name, browser, node, crypto);
    join(first);
    ActionTab second = new ActionTab(name, browser, node, crypto);
    second.pump();
    return new ActionTab[] {first, second};
  }

  byte[] me(ActionTab t) {
    return t.session().rooms().map().get(key).verifyingKey().toArray();
  }

  String send(ActionTab from, ActionTab to, String text) {
    return from.actions.sendDirect(
        key, room(), me(to), to.user, text, from.outbox, from.failInto());
  }

  /** What {@code t} reads of {@code m}: the text, or the words it shows instead. */
  String read(ActionTab t, DirectMessage m) {
    String[] out = new String[1];
    t.actions.readDirect(key, room(), m, s -> out[0] = s, f -> out[0] = "failed: " + f);
    return out[0];
  }

  List<DmThreads.Conversation> threads(ActionTab t) {
    return DmThreads.of(
        List.of(new DmThreads.Room(key, t.session().rooms().map().get(key), room())));
  }

  @Test
  void everyMemberWhoOpensAPublicRoomPublishesAnEncryptionKey() {
    setUpRoom();
    for (ActionTab t : tabs) {
      assertNotNull(SecretKeys.infoOf(room(), me(t)).encryptionKey(), t.user);
    }
    assertTrue(room().rotations().isEmpty(), "a public room still has no secret versions");
  }

  @Test
  void aPublicRoomOnlyListedInTheBackgroundGetsNoKeyUntilItIsOpened() {
    setUpRoom();
    ActionTab dave = new ActionTab("dave", new World(), node, crypto);
    join(dave);
    dave.actions.onRoomState(key, room()); // a state for a listed room the user has not opened
    dave.pump();
    assertNull(SecretKeys.infoOf(room(), me(dave)).encryptionKey());
    dave.actions.onRoomShown(key, room());
    dave.pump();
    assertNotNull(SecretKeys.infoOf(room(), me(dave)).encryptionKey());
  }

  @Test
  void theRecipientAndTheSendersOtherTabReadADirectMessageAndNobodyElseDoes() {
    setUpRoom();
    ActionTab aliceTwo = new ActionTab("alice", aliceBrowser, node, crypto);
    aliceTwo.pump();
    assertNull(send(alice, bob, "hello <b>bob</b>"));
    alice.pump();
    assertEquals(1, room().directMessages().size());
    DirectMessage m = room().directMessages().get(0);
    assertEquals("hello <b>bob</b>", read(bob, m));
    assertEquals("hello <b>bob</b>", read(alice, m));
    assertEquals("hello <b>bob</b>", read(aliceTwo, m));
    assertEquals("failed: " + DmTexts.CANNOT_OPEN, read(carol, m));
    assertFalse(
        new String(room().encode(), StandardCharsets.ISO_8859_1).contains("hello"),
        "the room state holds only ciphertext");
  }

  /**
   * Two tabs of one profile both saw the member without a key and each published one: a message
   * sealed to the first key, sent before the second replaced it, still opens in both tabs (the
   * profile keeps both private halves), as do messages sealed to the second. Which of two
   * same-version infos the room keeps is decided by their bytes (random keys), so the race is run
   * with a new member until the second key wins, as it does about every other time.
   */
  @Test
  void aMessageSealedToAKeyTheMemberLaterReplacedStillOpens() {
    setUpRoom();
    for (int attempt = 0; attempt < 40; attempt++) {
      ActionTab[] pair = newMemberInTwoTabs("dave" + attempt);
      ActionTab dave = pair[0];
      ActionTab daveTwo = pair[1];
      RoomState keyless = room();
      List<String> earlier = new ArrayList<>(); // earlier attempts' daves' messages
      for (DirectMessage m : keyless.directMessages()) {
        earlier.add(java.util.Arrays.toString(m.id()));
      }
      ActionTab.raceOn(key, keyless, true, dave, daveTwo); // each makes a pair
      dave.releaseAll();
      byte[] first = SecretKeys.infoOf(room(), me(dave)).encryptionKey();
      assertNotNull(first);
      assertNull(send(alice, dave, "sealed to the first key"));
      alice.pump();
      daveTwo.releaseAll();
      dave.pump();
      if (java.util.Arrays.equals(first, SecretKeys.infoOf(room(), me(dave)).encryptionKey())) {
        continue; // the first key won the tie: nothing was replaced, race again
      }
      assertNull(send(alice, dave, "sealed to the second key"));
      alice.pump();
      for (ActionTab t : List.of(dave, daveTwo)) {
        List<String> read = new ArrayList<>();
        for (DirectMessage m : room().directMessages()) {
          if (!earlier.contains(java.util.Arrays.toString(m.id()))) {
            read.add(read(t, m));
          }
        }
        read.sort(null);
        assertEquals(List.of("sealed to the first key", "sealed to the second key"), read);
      }
      assertEquals(List.of(), dave.failures);
      assertEquals(List.of(), daveTwo.failures);
      return;
    }
    throw new AssertionError("in 40 races the second key never replaced the first");
  }

  /**
   * The second tab saw the member without a key after the first had stored its pair but before its
   * publish landed: it publishes the kept key instead of making another, so nothing is replaced and
   * the profile keeps one pair.
   */
  @Test
  void aSecondTabPublishesTheKeyTheFirstStoredInsteadOfANewOne() {
    setUpRoom();
    ActionTab[] pair = newMemberInTwoTabs("dave");
    ActionTab dave = pair[0];
    ActionTab daveTwo = pair[1];
    RoomState keyless = room();
    ActionTab.raceOn(key, keyless, true, dave); // the pair is stored; its publish is held
    daveTwo.pump();
    ActionTab.raceOn(key, keyless, true, daveTwo); // still no key in the room
    daveTwo.releaseAll();
    byte[] published = SecretKeys.infoOf(room(), me(dave)).encryptionKey();
    assertNotNull(published);
    dave.releaseAll();
    settle(List.of(alice, dave, daveTwo));
    assertArrayEquals(published, SecretKeys.infoOf(room(), me(dave)).encryptionKey());
    assertEquals(
        1,
        RoomSecrets.privateKeysToTry(
                dave.session().rooms().map().get(key).invitationSecrets(), null)
            .size(),
        "one key pair kept");
    assertNull(send(alice, dave, "to the one key"));
    alice.pump();
    DirectMessage m = room().directMessages().get(room().directMessages().size() - 1);
    assertEquals("to the one key", read(daveTwo, m));
  }

  /**
   * A nickname edit is the member's next info: it keeps their published key, so DMs still reach
   * them.
   */
  @Test
  void aNicknameEditKeepsTheMembersKey() {
    setUpRoom();
    byte[] before = SecretKeys.infoOf(room(), me(bob)).encryptionKey();
    assertNotNull(before);
    assertNull(bob.actions.setNickname(key, room(), "Robert", bob.failInto()));
    bob.pump();
    assertEquals(List.of(), bob.failures);
    assertArrayEquals(before, SecretKeys.infoOf(room(), me(bob)).encryptionKey());
    assertNull(send(alice, bob, "still reaches you"));
  }

  /**
   * One tab renames the member while another tab of the profile publishes the member's key, both
   * from the same state, landing in either order: the new nickname and a key the profile keeps both
   * end up in the room, with only the key's tab seeing the room afterwards (equal versions kept one
   * of the two, by their bytes: hence several members).
   */
  @Test
  void aRenameAndAKeyPublishedFromTheSameStateBothStay() {
    setUpRoom();
    for (int attempt = 0; attempt < 12; attempt++) {
      boolean keyFirst = attempt % 2 == 0;
      // a tie would keep the smaller info: names that sort before and after the joined one
      String name = (attempt / 2 % 2 == 0 ? "Aa " : "zzzzzzzzzz ") + attempt;
      ActionTab[] pair = newMemberInTwoTabs("dave" + attempt);
      ActionTab dave = pair[0];
      ActionTab daveTwo = pair[1];
      RoomState keyless = room();
      dave.hold = true;
      assertNull(dave.actions.setNickname(key, keyless, name, dave.failInto()));
      dave.pump();
      ActionTab.raceOn(key, keyless, true, daveTwo); // a key from the same state
      (keyFirst ? daveTwo : dave).releaseAll();
      (keyFirst ? dave : daveTwo).releaseAll();
      settle(List.of(alice, daveTwo));
      String what = "attempt " + attempt + (keyFirst ? ", the key first" : ", the rename first");
      assertEquals(name, Names.of(room()).of(me(dave)), what);
      byte[] published = SecretKeys.infoOf(room(), me(dave)).encryptionKey();
      assertNotNull(published, what);
      assertNotNull(
          RoomSecrets.privateKeyFor(
              dave.session().rooms().map().get(key).invitationSecrets(), published),
          what);
    }
  }

  @Test
  void aDirectMessageToAMemberWithoutAKeyIsRefusedInWordsAndNothingIsSent() {
    setUpRoom();
    ActionTab dave = new ActionTab("dave", new World(), node, crypto);
    join(dave); // dave's tab never saw a room state: no key published yet
    assertNull(SecretKeys.infoOf(room(), me(dave)).encryptionKey());
    assertEquals(
        "dave can receive direct messages once they open this room.", send(alice, dave, "hi"));
    alice.pump();
    assertTrue(room().directMessages().isEmpty());
    assertTrue(alice.stored.items.isEmpty(), "nothing was queued");
  }

  @Test
  void aDirectMessageToOneselfOrAnEmptyOneIsRefused() {
    setUpRoom();
    assertEquals(
        "A direct message goes to another member, not to yourself.", send(alice, alice, "hi"));
    assertEquals(DmTexts.EMPTY, send(alice, bob, "  "));
    assertTrue(alice.actions.link().drain().isEmpty());
  }

  @Test
  void aDirectMessageWrittenWhileDisconnectedIsDeliveredOnceOnReconnect() {
    setUpRoom();
    alice.cut(() -> false);
    assertNull(send(alice, bob, "later"));
    alice.pump();
    assertTrue(room().directMessages().isEmpty());
    assertEquals(1, alice.stored.items.size(), "kept in the durable outbox");
    alice.restore();
    alice.pump();
    settle(tabs);
    assertEquals(1, room().directMessages().size());
    assertEquals("later", read(bob, room().directMessages().get(0)));
    assertTrue(alice.stored.items.isEmpty(), "delivered: it left the outbox");
  }

  @Test
  void eitherPartyDeletesADirectMessageAndNobodyElseCan() {
    setUpRoom();
    assertNull(send(alice, bob, "one"));
    assertNull(send(alice, bob, "two"));
    alice.pump();
    DirectMessage first = room().directMessages().get(0);
    DirectMessage second = room().directMessages().get(1);
    assertEquals(
        DmTexts.NOT_YOURS, carol.actions.deleteDirect(key, room(), first, carol.failInto()));
    assertNull(bob.actions.deleteDirect(key, room(), first, bob.failInto()));
    bob.pump();
    assertNull(alice.actions.deleteDirect(key, room(), second, alice.failInto()));
    alice.pump();
    assertTrue(room().directMessages().isEmpty());
    assertEquals(2, room().dmDeletes().size());
  }

  @Test
  void threadsCountThePeersUnreadMessagesUntilTheThreadIsRead() {
    setUpRoom();
    assertNull(send(alice, bob, "one"));
    assertNull(send(alice, bob, "two"));
    assertNull(send(carol, bob, "from carol"));
    alice.pump();
    carol.pump();
    List<DmThreads.Conversation> bobs = threads(bob);
    assertEquals(2, bobs.size());
    DmThreads.Conversation withAlice = DmThreads.find(bobs, key, Bytes.of(me(alice)));
    assertEquals(2, withAlice.unread);
    assertEquals(0, DmThreads.find(threads(alice), key, Bytes.of(me(bob))).unread, "own DMs");
    DirectMessage newest = withAlice.newest();
    assertTrue(DmThreads.isUnread(newest, bob.session().rooms().room(key)));
    assertFalse(DmThreads.isUnread(newest, alice.session().rooms().room(key)), "own DM");
    assertFalse(DmThreads.isUnread(newest, carol.session().rooms().room(key)), "not a party");
    bob.session().markDmRead(key, Bytes.of(me(alice)), DmThreads.markOf(withAlice.newest()));
    bob.pump();
    assertFalse(DmThreads.isUnread(newest, bob.session().rooms().room(key)), "read mark");
    assertFalse(DmThreads.isUnread(withAlice.messages.get(0), bob.session().rooms().room(key)));
    assertEquals(0, DmThreads.find(threads(bob), key, Bytes.of(me(alice))).unread);
    assertEquals(1, DmThreads.find(threads(bob), key, Bytes.of(me(carol))).unread);
    assertTrue(threads(carol).size() == 1, "carol sees only her own thread");
    // alice writes again, later: one unread
    node.now += 1000;
    assertNull(send(alice, bob, "three"));
    alice.pump();
    assertEquals(1, DmThreads.find(threads(bob), key, Bytes.of(me(alice))).unread);
  }

  @Test
  void aHiddenThreadLeavesTheListInEveryTabUntilAMessageArrivesEitherWay() {
    setUpRoom();
    ActionTab[] daves = newMemberInTwoTabs("dave");
    settle(List.of(alice, daves[0], daves[1]));
    Bytes fromAlice = Bytes.of(me(alice));
    assertNull(send(alice, daves[0], "one"));
    alice.pump();
    DmThreads.Conversation t = DmThreads.find(threads(daves[0]), key, fromAlice);
    assertFalse(t.hidden);
    assertEquals(1, t.unread);
    daves[0].session().hideDm(key, fromAlice, DmThreads.markOf(t.newest()));
    daves[0].pump();
    daves[1].pump(); // the other tab hears the slot change
    for (ActionTab d : daves) {
      DmThreads.Conversation h = DmThreads.find(threads(d), key, fromAlice);
      assertTrue(h.hidden, d.user);
      assertEquals(0, h.unread, "hiding reads it too");
      assertTrue(DmThreads.listed(threads(d), null, null).isEmpty());
      assertEquals(1, DmThreads.listed(threads(d), key, fromAlice).size(), "the open one stays");
    }
    // a later message brings it back, in both tabs
    node.now += 1000;
    assertNull(send(alice, daves[0], "two"));
    alice.pump();
    daves[1].pump();
    for (ActionTab d : daves) {
      DmThreads.Conversation back = DmThreads.find(threads(d), key, fromAlice);
      assertFalse(back.hidden, d.user);
      assertEquals(1, back.unread);
    }
    // hidden again from the second tab; the user's own message brings it back too
    DmThreads.Conversation again = DmThreads.find(threads(daves[1]), key, fromAlice);
    daves[1].session().hideDm(key, fromAlice, DmThreads.markOf(again.newest()));
    daves[1].pump();
    daves[0].pump();
    assertTrue(DmThreads.find(threads(daves[0]), key, fromAlice).hidden);
    node.now += 1000;
    assertNull(send(daves[0], alice, "three"));
    daves[0].pump();
    assertFalse(DmThreads.find(threads(daves[0]), key, fromAlice).hidden);
  }

  @Test
  void aDirectMessageLeftInTheOutboxByAClosedTabIsSentOnceByTheNextTab() {
    setUpRoom();
    alice.cut(() -> false);
    assertNull(send(alice, bob, "from a closed tab"));
    alice.pump();
    assertEquals(1, alice.stored.items.size());
    // the tab is gone; another tab of the same browser lists the shell's outbox and sends it
    ActionTab next =
        new ActionTab("alice", "alice", aliceBrowser, node, alice.stored, node::now, null);
    next.pump();
    assertEquals(1, room().directMessages().size());
    assertEquals("from a closed tab", read(bob, room().directMessages().get(0)));
    assertTrue(alice.stored.items.isEmpty());
  }
}
