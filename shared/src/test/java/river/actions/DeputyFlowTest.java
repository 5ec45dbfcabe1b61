package river.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import river.chat.Bans;
import river.chat.Deputies;
import river.chat.Names;
import river.chat.SecretKeys;
import river.engine.World;
import river.room.RoomState;
import river.rooms.RoomKey;

/**
 * Naming deputies through the actions engine against the node model: the owner names bob in one
 * tab, bob may then ban carol (whom the owner invited); the naming is kept in the profile's room
 * data, so a rename signed at the same moment in the owner's other tab, which replaces the member
 * info whole, cannot drop it for good; taking it back in one tab is followed in the other.
 */
class DeputyFlowTest {
  final ModelNode node = new ModelNode(7);
  final World aliceBrowser = new World();
  final ActionTab alice = new ActionTab("alice", aliceBrowser, node);
  final ActionTab bob = new ActionTab("bob", new World(), node);
  final ActionTab carol = new ActionTab("carol", new World(), node);
  RoomKey key;

  RoomState room() {
    return node.room(key.bytes().toArray());
  }

  void setUpRoom() {
    key = alice.createRoom("Open", false);
    alice.admit(key, bob);
    alice.admit(key, carol);
  }

  void settle(ActionTab... who) {
    ActionTab.settle(node, key, List.of(who));
  }

  byte[] me(ActionTab t) {
    return t.session().rooms().map().get(key).verifyingKey().toArray();
  }

  boolean named(ActionTab namer, ActionTab deputy) {
    return Deputies.isNamedBy(room(), me(namer), me(deputy));
  }

  @Test
  void aDeputyTheOwnerNamedBansAMemberTheOwnerInvited() {
    setUpRoom();
    assertFalse(Bans.canBan(room(), me(bob), me(carol)));
    assertTrue(
        bob.actions.ban(key, room(), me(carol), bob.failInto()).startsWith("Only the owner"),
        "refused before anything is sent");
    assertTrue(Deputies.canName(room(), me(alice), me(bob)));
    assertNull(alice.actions.setDeputy(key, room(), me(bob), true, alice.failInto()));
    alice.pump();
    assertTrue(named(alice, bob));
    assertEquals(1, Deputies.namers(room(), me(bob)).size());
    assertFalse(Deputies.canName(room(), me(alice), me(bob)), "named already");
    assertTrue(Bans.canBan(room(), me(bob), me(carol)));
    assertFalse(Bans.canBan(room(), me(bob), me(alice)), "never the owner");
    assertNull(bob.actions.ban(key, room(), me(carol), bob.failInto()));
    bob.pump();
    assertFalse(room().isMember(me(carol)));
    assertEquals(List.of(), alice.failures);
    assertEquals(List.of(), bob.failures);
  }

  @Test
  void aRenameSignedAtTheSameMomentInAnotherTabDoesNotDropTheNamingForGood() {
    setUpRoom();
    ActionTab alice2 = new ActionTab("alice", aliceBrowser, node);
    alice2.pump();
    RoomState before = room();
    alice.hold = true;
    alice2.hold = true;
    assertNull(alice.actions.setDeputy(key, before, me(bob), true, alice.failInto()));
    // the rename is signed one version above the naming from the same state: it replaces it
    assertNull(alice2.actions.setNickname(key, before, "Al", alice2.failInto()));
    alice.pump();
    alice2.pump();
    alice.releaseAll();
    alice2.releaseAll();
    assertEquals("Al", Names.of(room()).nickname(me(alice)));
    assertFalse(named(alice, bob), "the rename replaced the info that named bob");

    settle(alice, alice2);
    assertTrue(named(alice, bob), "the tabs named bob again from the kept request");
    assertEquals("Al", Names.of(room()).nickname(me(alice)), "and kept the rename");
    assertEquals(List.of(), alice.failures);
    assertEquals(List.of(), alice2.failures);
  }

  @Test
  void aNamingSignedFromTheStateBeforeARenameDoesNotBringTheOldNicknameBack() {
    setUpRoom();
    ActionTab alice2 = new ActionTab("alice", aliceBrowser, node);
    assertNull(alice.actions.setDeputy(key, room(), me(bob), true, alice.failInto()));
    alice.pump();
    alice2.pump();
    RoomState before = room();
    alice.hold = true;
    alice2.hold = true;
    // the naming is signed one version under the rename from the same state, and sent last
    String longName = "alice, who names deputies";
    assertNull(alice2.actions.setNickname(key, before, longName, alice2.failInto()));
    assertNull(alice.actions.setDeputy(key, before, me(carol), true, alice.failInto()));
    alice2.pump();
    alice.pump();
    alice2.releaseAll();
    alice.releaseAll();
    assertEquals(longName, Names.of(room()).nickname(me(alice)), "the naming did not undo it");
    assertFalse(named(alice, carol), "refused as older than the rename");
    assertEquals(List.of(), alice2.failures);

    settle(alice, alice2);
    assertTrue(named(alice, bob) && named(alice, carol), "named on top of the rename");
    assertEquals(longName, Names.of(room()).nickname(me(alice)), "and the rename kept");
    assertEquals(0, alice.session().rooms().map().get(key).nicknameAskedAt(), "nothing left asked");
  }

  @Test
  void takingANamingBackInOneTabIsFollowedByTheOtherAndIsNotUndone() {
    setUpRoom();
    ActionTab alice2 = new ActionTab("alice", aliceBrowser, node);
    assertNull(alice.actions.setDeputy(key, room(), me(bob), true, alice.failInto()));
    alice.pump();
    alice2.pump();
    settle(alice, alice2);
    assertTrue(named(alice, bob));
    assertNull(alice2.actions.setDeputy(key, room(), me(bob), false, alice2.failInto()));
    alice2.pump();
    alice.pump();
    settle(alice, alice2);
    assertFalse(named(alice, bob), "the first tab does not name bob again");
    assertFalse(Bans.canBan(room(), me(bob), me(carol)));
    assertEquals(
        "This member is not one of your deputies.",
        alice.actions.setDeputy(key, room(), me(bob), false, alice.failInto()));
  }

  @Test
  void everyLaterInfoCarriesTheNamingOn() {
    setUpRoom();
    assertNull(alice.actions.setDeputy(key, room(), me(bob), true, alice.failInto()));
    alice.pump();
    assertNull(alice.actions.setNickname(key, room(), "alice again", alice.failInto()));
    alice.pump();
    assertTrue(named(alice, bob), "a rename carries the naming");
    assertEquals("alice again", Names.of(room()).nickname(me(alice)));
    // bob, who invited nobody yet, has nobody for a deputy to ban
    assertTrue(
        bob.actions
            .setDeputy(key, room(), me(carol), true, bob.failInto())
            .endsWith("invite someone to the room first."));
    bob.admit(key, new ActionTab("dave", new World(), node));
    // bob names carol, then leaves and the naming is still in his info
    assertNull(bob.actions.setDeputy(key, room(), me(carol), true, bob.failInto()));
    bob.pump();
    byte[] bobKey = me(bob);
    byte[] carolKey = me(carol);
    bob.actions.leave(key, room(), bob.failInto());
    bob.pump();
    assertTrue(SecretKeys.infoOf(room(), bobKey).left());
    assertTrue(SecretKeys.infoOf(room(), bobKey).names(carolKey), "a leave carries it on");
  }
}
