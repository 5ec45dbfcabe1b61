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
import java.util.Map;
import org.junit.jupiter.api.Test;
import river.chat.Names;
import river.chat.Roster;
import river.engine.World;
import river.room.AuthorizedMember;
import river.room.Invitation;
import river.room.MessageKind;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.WireException;

/** The room actions engine against the node model, one test per flow and per multi-tab rule. */
class RoomActionsTest {
  final ModelNode node = new ModelNode(3);
  final World aliceWorld = new World();
  final World bobWorld = new World();
  final ActionTab alice = new ActionTab("alice", aliceWorld, node);

  RoomKey create(ActionTab t, String name, boolean isPrivate) {
    List<RoomKey> made = new ArrayList<>();
    t.actions.create(name, t.user, isPrivate, made::add, t.failInto());
    t.pump();
    assertEquals(List.of(), t.failures);
    assertEquals(1, made.size());
    return made.get(0);
  }

  String invite(ActionTab t, RoomKey key) {
    List<String> codes = new ArrayList<>();
    assertNull(t.actions.invite(key, node.room(key.bytes().toArray()), codes::add, t.failInto()));
    t.pump();
    return codes.get(0);
  }

  RoomKey join(ActionTab t, String code) {
    List<RoomKey> joined = new ArrayList<>();
    t.actions.join(code, t.user, joined::add, t.failInto());
    t.pump();
    return joined.isEmpty() ? null : joined.get(0);
  }

  /** Signs through the user's node and sends a post; the node's answer (null when ok). */
  String post(ActionTab t, RoomKey key, String text) {
    byte[] room = key.bytes().toArray();
    RoomData data = t.session().rooms().map().get(key);
    RoomMessage m =
        Compose.message(
            key,
            data,
            node.room(room),
            node.now,
            MessageKind.TEXT,
            null,
            SealedBytes.publicBytes(text.getBytes(StandardCharsets.UTF_8)));
    try {
      DelegateResponse.Signature sig =
          (DelegateResponse.Signature)
              ((OpResult.Delegate)
                      node.answer(
                          t.user,
                          new Op.Delegate(
                              DelegateKeys.current(),
                              new DelegateRequest.Sign(room, "message", m.signedBytes()))))
                  .response();
      node.answer(
          t.user,
          new Op.Update(
              room,
              RoomDelta.builder().message(m.withSignature(sig.signature())).build().encode()));
      return null;
    } catch (WireException e) {
      return e.getMessage();
    }
  }

  byte[] nodeKey(String user, RoomKey key) {
    return ModelNode.publicKey(node.keys.get(user).get(ModelNode.hex(key.bytes().toArray())));
  }

  @Test
  void aLeaveIsNotUndoneByANicknameAnotherTabSignedFromTheStateBefore() {
    // equal versions merge by signature: without a rule, about one room in two shows bob again
    for (int i = 0; i < 8; i++) {
      RoomKey key = create(alice, "Room " + i, false);
      World bw = new World();
      ActionTab bob1 = new ActionTab("bob", bw, node);
      ActionTab bob2 = new ActionTab("bob", bw, node);
      assertNotNull(join(bob1, invite(alice, key)));
      bob2.pump();
      RoomState before = node.room(key.bytes().toArray());
      bob2.hold = true;
      assertNull(bob2.actions.setNickname(key, before, "Bobby " + i, bob2.failInto()));
      bob2.pump();
      bob1.actions.leave(key, before, bob1.failInto());
      bob1.pump();
      bob2.hold = false;
      while (bob2.step()) {}
      byte[] bob = nodeKey("bob", key);
      for (byte[] shown : Roster.shown(node.room(key.bytes().toArray()))) {
        assertFalse(java.util.Arrays.equals(shown, bob), "bob left room " + i + " but is shown");
      }
      assertEquals(List.of(), bob1.failures);
    }
  }

  @Test
  void createListsTheRoomOnlyOnceItsContractExists() {
    RoomKey key = create(alice, "Lobby", false);
    RoomState s = node.room(key.bytes().toArray());
    assertEquals("Lobby", new String(s.config().name().data(), StandardCharsets.UTF_8));
    assertTrue(alice.session().rooms().holds(key));
    assertEquals(key, alice.session().rooms().currentRoom());
    assertEquals("alice", Names.of(s).of(key.bytes().toArray()));
    assertNull(post(alice, key, "hello"));
  }

  /** The delegate request a room action sent, or null for a contract operation. */
  private static DelegateRequest delegateOf(ActionRequest r) {
    return r.op instanceof Op.Delegate ? ((Op.Delegate) r.op).msg() : null;
  }

  @Test
  void createAsksForBothSignaturesInOneRoundTrip() {
    List<RoomKey> made = new ArrayList<>();
    alice.actions.create("Lobby", "alice", false, made::add, alice.failInto());
    List<ActionRequest> mint = alice.actions.link().drain();
    assertEquals(1, mint.size());
    assertTrue(delegateOf(mint.get(0)) instanceof DelegateRequest.CreateSigningKey);
    alice.answer(mint.get(0));
    List<ActionRequest> signs = alice.actions.link().drain();
    assertEquals(2, signs.size(), "the configuration's and the member info's, at once");
    for (ActionRequest r : signs) {
      assertTrue(delegateOf(r) instanceof DelegateRequest.Sign, r.toString());
    }
    alice.answer(signs.get(1)); // in either order
    assertEquals(List.of(), alice.actions.link().drain(), "the put waits for both");
    alice.answer(signs.get(0));
    List<ActionRequest> put = alice.actions.link().drain();
    assertEquals(1, put.size());
    assertTrue(put.get(0).op instanceof Op.Put);
    alice.answer(put.get(0));
    alice.pump();
    assertEquals(1, made.size());
    RoomState s = node.room(made.get(0).bytes().toArray());
    assertEquals("Lobby", new String(s.config().name().data(), StandardCharsets.UTF_8));
    assertEquals("alice", Names.of(s).of(made.get(0).bytes().toArray()));
  }

  @Test
  void aRefusedSignatureFailsTheCreateOnceAndPutsNothing() {
    List<RoomKey> made = new ArrayList<>();
    alice.actions.create("Lobby", "alice", false, made::add, alice.failInto());
    List<ActionRequest> mint = alice.actions.link().drain();
    alice.answer(mint.get(0));
    List<ActionRequest> signs = alice.actions.link().drain();
    assertEquals(2, signs.size());
    alice.actions.link().onError(signs.get(0).id, "invalid", "refused");
    alice.answer(signs.get(1)); // the other one signed: still no put
    assertEquals(List.of(), alice.actions.link().drain(), "no put");
    assertEquals(1, alice.failures.size(), alice.failures.toString());
    assertEquals(List.of(), made);
    assertTrue(alice.session().rooms().map().isEmpty());
  }

  @Test
  void aNameThatCannotWorkIsRefusedBeforeAnythingIsAsked() {
    alice.actions.create("  ", "alice", false, k -> {}, alice.failInto());
    assertEquals(List.of("A room needs a name."), alice.failures);
    assertTrue(alice.actions.link().drain().isEmpty());
  }

  @Test
  void aPrivateRoomKeepsItsSecretInTheRoomData() {
    RoomKey key = create(alice, "Secret", true);
    assertTrue(node.room(key.bytes().toArray()).config().isPrivate());
    assertTrue(alice.session().rooms().map().get(key).invitationSecrets().iterator().hasNext());
  }

  @Test
  void aNodeAnsweringTheJoinsReadWithAnotherKindOfAnswerFailsTheJoinPlainly() {
    RoomKey key = create(alice, "Lobby", false);
    String code = invite(alice, key);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    node.answersGetsWrongly = true;
    assertNull(join(bob, code));
    assertEquals(List.of("The room's state could not be read; try again later."), bob.failures);
  }

  @Test
  void anInvitedUserJoinsWithTheKeyTheirNodeHoldsAndPosts() {
    RoomKey key = create(alice, "Lobby", false);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    assertEquals(key, join(bob, invite(alice, key)));
    RoomData data = bob.session().rooms().map().get(key);
    assertArrayEquals(nodeKey("bob", key), data.verifyingKey().toArray());
    assertNull(post(bob, key, "hi alice"));
    assertEquals(2, Roster.shown(node.room(key.bytes().toArray())).size());
  }

  @Test
  void aForgedInvitationIsRefusedAndTouchesNothing() {
    RoomKey key = create(alice, "Lobby", false);
    Invitation real = Invitation.decode(invite(alice, key));
    AuthorizedMember m = real.membership();
    Invitation forged =
        new Invitation(real.room(), real.inviteeSeed(), m.withSignature(new byte[64]), null);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    assertNull(join(bob, forged.encode()));
    assertTrue(
        bob.failures.get(0).startsWith("The room did not accept this invitation"),
        bob.failures.get(0));
    assertFalse(bob.session().rooms().holds(key));
    assertTrue(node.keys.getOrDefault("bob", Map.of()).isEmpty());
  }

  @Test
  void twoTabsAcceptingTwoInvitationsAtOnceEndWithOneKeyAndBothPost() {
    RoomKey key = create(alice, "Lobby", false);
    String first = invite(alice, key);
    String second = invite(alice, key);
    ActionTab bob1 = new ActionTab("bob", bobWorld, node);
    ActionTab bob2 = new ActionTab("bob", bobWorld, node);
    bob1.hold = true;
    bob2.hold = true;
    List<RoomKey> joined = new ArrayList<>();
    bob1.actions.join(first, "bob", joined::add, bob1.failInto());
    bob2.actions.join(second, "bob", joined::add, bob2.failInto());
    // lockstep: each tab's next request answered in turn, so both read "no key held"
    boolean moved = true;
    while (moved) {
      moved = bob1.step() | bob2.step();
    }
    bob1.hold = false;
    bob2.hold = false;
    bob1.pump();
    bob2.pump();
    assertEquals(List.of(), bob1.failures);
    assertEquals(List.of(), bob2.failures);
    assertEquals(2, joined.size());
    byte[] held = nodeKey("bob", key);
    assertArrayEquals(held, bob1.session().rooms().map().get(key).verifyingKey().toArray());
    assertArrayEquals(held, bob2.session().rooms().map().get(key).verifyingKey().toArray());
    assertNull(post(bob1, key, "from tab 1"));
    assertNull(post(bob2, key, "from tab 2"));
    assertEquals(2, Roster.shown(node.room(key.bytes().toArray())).size(), "bob appears once");
  }

  @Test
  void leavingDropsTheUserFromOthersListsAndARejoinKeepsOneMember() {
    RoomKey key = create(alice, "Lobby", false);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    join(bob, invite(alice, key));
    byte[] bobKey = nodeKey("bob", key);
    assertNull(post(bob, key, "before leaving"));
    bob.actions.leave(key, node.room(key.bytes().toArray()), bob.failInto());
    bob.pump();
    assertFalse(bob.session().rooms().holds(key));
    RoomState s = node.room(key.bytes().toArray());
    assertEquals(1, Roster.shown(s).size(), "the others no longer list bob");
    assertEquals("bob", Names.of(s).of(bobKey), "bob's messages keep his name");
    // a new invitation: bob returns as the same member
    assertEquals(key, join(bob, invite(alice, key)));
    assertArrayEquals(bobKey, nodeKey("bob", key));
    assertArrayEquals(bobKey, bob.session().rooms().map().get(key).verifyingKey().toArray());
    s = node.room(key.bytes().toArray());
    assertEquals(2, Roster.shown(s).size(), "bob appears once");
    assertFalse(Names.of(s).hasLeft(bobKey));
    RoomMessage older = s.messages().get(0);
    assertArrayEquals(bobKey, older.author(), "his older message is still his to edit");
  }

  @Test
  void onlyTheOwnerRenamesAndNamesMustFit() {
    RoomKey key = create(alice, "Lobby", false);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    join(bob, invite(alice, key));
    RoomState s = node.room(key.bytes().toArray());
    assertEquals(
        "Only the room's owner can rename it.", bob.actions.rename(key, s, "Mine", bob.failInto()));
    assertNotNull(alice.actions.rename(key, s, "x".repeat(101), alice.failInto()));
    assertNull(alice.actions.rename(key, s, "Main hall", alice.failInto()));
    alice.pump();
    assertEquals(
        "Main hall",
        new String(
            node.room(key.bytes().toArray()).config().name().data(), StandardCharsets.UTF_8));
  }

  @Test
  void banIsOfferedOnlyWhereTheNodeWillAcceptIt() {
    RoomKey key = create(alice, "Lobby", false);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    join(bob, invite(alice, key));
    byte[] bobKey = nodeKey("bob", key);
    RoomState s = node.room(key.bytes().toArray());
    assertNotNull(bob.actions.ban(key, s, key.bytes().toArray(), bob.failInto()));
    assertNull(alice.actions.ban(key, s, bobKey, alice.failInto()));
    alice.pump();
    assertFalse(node.room(key.bytes().toArray()).isMember(bobKey));
    assertEquals(
        RoomTexts.NOT_A_MEMBER,
        bob.actions.setNickname(key, node.room(key.bytes().toArray()), "bobby", bob.failInto()));
  }

  @Test
  void aNicknameIsCheckedThenSignedAndRecorded() {
    RoomKey key = create(alice, "Lobby", false);
    RoomState s = node.room(key.bytes().toArray());
    assertTrue(
        alice
            .actions
            .setNickname(key, s, "n".repeat(51), alice.failInto())
            .startsWith("That nickname is too long"));
    assertNull(alice.actions.setNickname(key, s, "Alicia", alice.failInto()));
    alice.pump();
    assertEquals("Alicia", Names.of(node.room(key.bytes().toArray())).of(key.bytes().toArray()));
    assertEquals("Alicia", alice.session().rooms().map().get(key).nickname());
  }

  String text(SealedBytes b) {
    return new String(b.data(), StandardCharsets.UTF_8);
  }

  @Test
  void theOwnersSettingsAreTheNextVersionAndEveryOneSeesThem() {
    RoomKey key = create(alice, "Lobby", false);
    RoomState s = node.room(key.bytes().toArray());
    assertNull(
        alice.actions.editSettings(
            key,
            s,
            new SettingsEdit("Lobby", "  Weekly chat  ", " 5 ", "300", "50"),
            alice.failInto()));
    alice.pump();
    assertEquals(List.of(), alice.failures);
    RoomState after = node.room(key.bytes().toArray());
    assertEquals(s.config().version() + 1, after.config().version());
    assertEquals("Weekly chat", text(after.config().description()));
    assertEquals(5, after.config().maxMembers());
    assertEquals(300, after.config().maxMessageBytes());
    assertEquals(50, after.config().maxRecentMessages());
    assertEquals("Lobby", text(after.config().name()));
  }

  @Test
  void aMembersSettingsAreRefusedBeforeAnythingIsAsked() {
    RoomKey key = create(alice, "Lobby", false);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    join(bob, invite(alice, key));
    RoomState s = node.room(key.bytes().toArray());
    assertEquals(
        "Only the room's owner can change its settings.",
        bob.actions.editSettings(
            key, s, new SettingsEdit("Mine", "", "200", "1000", "100"), bob.failInto()));
    assertTrue(bob.actions.link().drain().isEmpty());
  }

  @Test
  void nonsenseLimitsAreRefusedInPlainWordsAndNothingIsSent() {
    RoomKey key = create(alice, "Lobby", false);
    RoomState s = node.room(key.bytes().toArray());
    for (String bad : new String[] {"0", "-3", "abc", "", "201", "99999999999", "1.5"}) {
      assertEquals(
          "Most members must be a whole number from 1 to 200.",
          alice.actions.editSettings(
              key, s, new SettingsEdit("Lobby", "", bad, "1000", "100"), alice.failInto()),
          bad);
    }
    assertEquals(
        "Longest message (bytes) must be a whole number from 1 to 1000.",
        alice.actions.editSettings(
            key, s, new SettingsEdit("Lobby", "", "10", "1001", "100"), alice.failInto()));
    assertEquals(
        "A room needs a name.",
        alice.actions.editSettings(
            key, s, new SettingsEdit(" ", "", "10", "100", "100"), alice.failInto()));
    assertTrue(
        alice
            .actions
            .editSettings(
                key,
                s,
                new SettingsEdit("Lobby", "d".repeat(501), "10", "100", "100"),
                alice.failInto())
            .startsWith("That description is too long"));
    assertTrue(alice.actions.link().drain().isEmpty());
    assertEquals(s, node.room(key.bytes().toArray()));
  }

  @Test
  void anEditThatChangesNothingSendsNothing() {
    RoomKey key = create(alice, "Lobby", false);
    RoomState s = node.room(key.bytes().toArray());
    assertNull(
        alice.actions.editSettings(
            key, s, new SettingsEdit("Lobby", "", "200", "1000", "100"), alice.failInto()));
    assertTrue(alice.actions.link().drain().isEmpty());
  }

  @Test
  void aPrivateRoomsDescriptionIsSealed() {
    RoomKey key = create(alice, "Secret", true);
    RoomState s = node.room(key.bytes().toArray());
    assertNull(
        alice.actions.editSettings(
            key, s, new SettingsEdit(null, "only for us", "20", null, null), alice.failInto()));
    alice.pump();
    assertEquals(List.of(), alice.failures);
    RoomState after = node.room(key.bytes().toArray());
    assertTrue(after.config().description().isPrivate());
    assertEquals(20, after.config().maxMembers());
    assertEquals(s.config().name(), after.config().name(), "the sealed name is kept as it was");
  }

  @Test
  void aRefusalOfTheSettingsReadsAsASentence() {
    assertEquals(
        "The room did not accept these settings; check them and try again.",
        RoomTexts.settingsRefused("invalid", "config: max_members must be 1..200"));
    assertTrue(
        RoomTexts.settingsRefused("invalid", "config: a newer version of the room settings is")
            .contains("changed elsewhere"));
    assertEquals("No connection.", RoomTexts.settingsRefused("disconnected", "No connection."));
  }

  @Test
  void aBannedUserWhoLeftCannotReturnWithTheOldInvitationAndIsToldWhy() {
    RoomKey key = create(alice, "Lobby", false);
    String code = invite(alice, key);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    join(bob, code);
    byte[] bobKey = nodeKey("bob", key);
    assertNull(alice.actions.ban(key, node.room(key.bytes().toArray()), bobKey, alice.failInto()));
    alice.pump();
    bob.actions.leave(key, node.room(key.bytes().toArray()), m -> {});
    bob.pump();
    assertFalse(bob.session().rooms().holds(key));
    bob.failures.clear();
    assertNull(join(bob, code));
    assertEquals(1, bob.failures.size());
    assertTrue(
        bob.failures.get(0).startsWith("You were removed from this room"), bob.failures.get(0));
    assertFalse(bob.session().rooms().holds(key));
  }

  @Test
  void anInvitationFromABannedMemberIsRefusedWithWhy() {
    RoomKey key = create(alice, "Lobby", false);
    ActionTab bob = new ActionTab("bob", bobWorld, node);
    join(bob, invite(alice, key));
    String fromBob = invite(bob, key);
    assertNull(
        alice.actions.ban(
            key, node.room(key.bytes().toArray()), nodeKey("bob", key), alice.failInto()));
    alice.pump();
    ActionTab carol = new ActionTab("carol", new World(), node);
    assertNull(join(carol, fromBob));
    assertTrue(
        carol.failures.get(0).startsWith("The member who created this invitation is no longer"),
        carol.failures.get(0));
  }

  @Test
  void aNodeErrorReachesTheUserAsPlainWordsNotTheNodesMessage() {
    RoomKey key = create(alice, "Lobby", false);
    alice.hold = true;
    assertNull(
        alice.actions.invite(key, node.room(key.bytes().toArray()), code -> {}, alice.failInto()));
    alice.pump();
    ActionRequest mint = alice.held.remove(0);
    alice
        .actions
        .link()
        .onError(mint.id, "timeout", "NewInviteeKey room:E8E1uhXw5dWm6f7vM1c5oPZ3: ERROR timeout");
    assertEquals(List.of(river.chat.PlainErrors.reason("timeout")), alice.failures);
  }

  @Test
  void aNicknameEditThatGetsNoAnswerIsKeptAndTheUserIsToldSo() {
    RoomKey key = create(alice, "Lobby", false);
    alice.hold = true;
    assertNull(
        alice.actions.setNickname(key, node.room(key.bytes().toArray()), "Al", alice.failInto()));
    alice.pump();
    ActionRequest sign = alice.held.remove(0);
    alice.actions.link().onError(sign.id, "timeout", "Sign: ERROR timeout");
    assertEquals(List.of(RoomTexts.NICKNAME_KEPT), alice.failures);
    assertTrue(alice.session().rooms().map().get(key).nicknameAskedAt() != 0, "kept");
    alice.hold = false;
    alice.actions.onRoomState(key, node.room(key.bytes().toArray())); // the next state: sent again
    alice.pump();
    assertEquals(
        "Al",
        river.chat.Names.of(node.room(key.bytes().toArray())).nickname(nodeKey("alice", key)));
  }
}
