package river.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import river.actions.NicknameRequests.Step;
import river.chat.Names;
import river.chat.PlainErrors;
import river.engine.World;
import river.room.RoomState;
import river.rooms.RoomKey;
import river.wire.ErrorCodes;

/**
 * Nickname edits kept until the room has them: the rule's rows, then flows over the node model with
 * two tabs of one profile (a tab that loses its connection mid-edit, two edits in a row, a private
 * room whose nickname the other tab must open to see it landed).
 */
class NicknameRequestsTest {
  static final long T = 1_000_000;
  static final long LINGER = NicknameRequests.LINGER_MS;

  @Test
  void noRequestIsNothingToDo() {
    assertEquals(Step.NOTHING, NicknameRequests.step(0, false, true, T));
  }

  @Test
  void aNicknameTheTabCannotOpenIsLeftAlone() {
    assertEquals(Step.NOTHING, NicknameRequests.step(T, null, true, T + LINGER));
  }

  @Test
  void theInfoCarryingItEndsTheRequest() {
    assertEquals(Step.LANDED, NicknameRequests.step(T, true, false, T));
  }

  @Test
  void theTabThatWasAskedPublishesAtOnce() {
    assertEquals(Step.PUBLISH, NicknameRequests.step(T, false, true, T));
  }

  @Test
  void anotherTabsRequestIsLeftToItWhileItIsYoung() {
    assertEquals(Step.NOTHING, NicknameRequests.step(T, false, false, T + LINGER - 1));
  }

  @Test
  void anotherTabsRequestThatLingersIsPublishedHere() {
    assertEquals(Step.PUBLISH, NicknameRequests.step(T, false, false, T + LINGER));
  }

  // --- flows over the node model -------------------------------------------------------------

  final ModelNode node = new ModelNode(11);
  RoomKey key;

  RoomState room() {
    return node.room(key.bytes().toArray());
  }

  byte[] me(ActionTab t) {
    return t.session().rooms().map().get(key).verifyingKey().toArray();
  }

  long asked(ActionTab t) {
    return t.session().rooms().map().get(key).nicknameAskedAt();
  }

  void settle(ActionTab... who) {
    ActionTab.settle(node, key, List.of(who));
  }

  /**
   * Two tabs of one profile; the first renames itself "Al" and loses its connection before the
   * update reaches the node (or is closed): the request is kept in the profile, and the second tab
   * holds it. Returns {the first tab, the second}.
   */
  ActionTab[] renameCutOff() {
    World browser = new World();
    ActionTab alice = new ActionTab("alice", browser, node);
    key = alice.createRoom("Open", false);
    ActionTab alice2 = new ActionTab("alice", browser, node);
    alice2.pump();
    alice.hold = true;
    assertNull(alice.actions.setNickname(key, room(), "Al", alice.failInto()));
    alice.pump(); // the request is kept in the profile (saved), the update is held
    alice.cut(() -> false); // never reached the node
    assertEquals(1, alice.failures.size(), "the user is told it did not go through yet");
    browser.runAll();
    return new ActionTab[] {alice, alice2};
  }

  @Test
  void aRenameWhoseTabLostItsConnectionIsPublishedByTheOtherTabOnceItLingers() {
    ActionTab[] tabs = renameCutOff();
    ActionTab alice = tabs[0];
    ActionTab alice2 = tabs[1];
    assertNotEquals(0, asked(alice2), "the other tab holds the request");
    assertNotEquals("Al", Names.of(room()).nickname(me(alice)));

    settle(alice2);
    assertNotEquals("Al", Names.of(room()).nickname(me(alice)), "young: left to its own tab");
    node.now += LINGER;
    settle(alice2);
    assertEquals("Al", Names.of(room()).nickname(me(alice)), "published by the other tab");
    alice2.world.runAll();
    assertEquals(0, asked(alice2), "and ended");
    assertEquals(0, asked(alice));
    assertEquals(List.of(), alice2.failures);
  }

  @Test
  void inAQuietRoomTheOtherTabIsWokenWhenTheRequestLingers() {
    ActionTab[] tabs = renameCutOff();
    ActionTab alice = tabs[0];
    ActionTab alice2 = tabs[1];
    settle(alice2); // the one state the other tab sees: the request is young
    assertEquals(List.of(asked(alice2) + LINGER), alice2.actionWakeups, "it asks to be woken then");
    node.now += LINGER - 1;
    alice2.wake(node.now());
    alice2.pump();
    assertNotEquals("Al", Names.of(room()).nickname(me(alice)), "not before it lingers");
    node.now += 1;
    alice2.wake(node.now());
    alice2.pump();
    assertEquals("Al", Names.of(room()).nickname(me(alice)), "woken, with no state since");
    alice2.world.runAll();
    settle(alice2);
    assertEquals(0, asked(alice2), "and ended");
    assertEquals(List.of(), alice2.actionWakeups, "nothing left to wake for");
  }

  @Test
  void aWakeupForAnOlderRequestLooksAgainAtTheNewerOne() {
    World browser = new World();
    ActionTab alice = new ActionTab("alice", browser, node);
    key = alice.createRoom("Open", false);
    ActionTab alice2 = new ActionTab("alice", browser, node);
    alice2.pump();
    alice.cut(() -> false); // every edit of this tab fails now, and is kept
    assertNull(alice.actions.setNickname(key, room(), "Al", alice.failInto()));
    alice.pump();
    browser.runAll();
    settle(alice2);
    long first = asked(alice2);
    node.now += LINGER / 2;
    assertNull(alice.actions.setNickname(key, room(), "Ally", alice.failInto()));
    alice.pump();
    browser.runAll();
    settle(alice2); // the room has not changed: the wakeup asked for stays the first one
    assertEquals(List.of(first + LINGER), alice2.actionWakeups);
    node.now = first + LINGER;
    alice2.wake(node.now());
    alice2.pump();
    assertNotEquals("Ally", Names.of(room()).nickname(me(alice)), "the newer one is young");
    assertEquals(List.of(asked(alice2) + LINGER), alice2.actionWakeups, "so it asks again, for it");
    node.now = asked(alice2) + LINGER;
    alice2.wake(node.now());
    alice2.pump();
    assertEquals("Ally", Names.of(room()).nickname(me(alice)));
  }

  @Test
  void aRenameTheRoomRefusesForGoodEndsAndTheUserIsToldWhy() {
    ActionTab alice = new ActionTab("alice", new World(), node);
    ActionTab bob = new ActionTab("bob", new World(), node);
    key = alice.createRoom("Open", false);
    alice.admit(key, bob);
    bob.hold = true;
    assertNull(bob.actions.setNickname(key, room(), "Bobby", bob.failInto()));
    bob.pump();
    assertNull(alice.actions.ban(key, room(), me(bob), alice.failInto()));
    alice.pump();
    bob.releaseAll();
    assertEquals(List.of(PlainErrors.reason(ErrorCodes.INVALID)), bob.failures);
    assertNotEquals("Bobby", Names.of(room()).nickname(me(bob)));
    assertEquals(0, asked(bob), "the request is dropped, not kept for later");
    int infos = room().memberInfo().size();
    bob.actions.onRoomState(key, room()); // nothing left to publish
    bob.pump();
    assertEquals(infos, room().memberInfo().size());
    assertEquals(1, bob.failures.size());
  }

  @Test
  void twoRenamesInARowEndWithTheSecond() {
    ActionTab alice = new ActionTab("alice", new World(), node);
    key = alice.createRoom("Open", false);
    alice.hold = true;
    assertNull(alice.actions.setNickname(key, room(), "first", alice.failInto()));
    alice.pump();
    assertNull(alice.actions.setNickname(key, room(), "second", alice.failInto()));
    alice.pump();
    alice.releaseAll();
    assertEquals("second", Names.of(room()).nickname(me(alice)));
    assertEquals(0, asked(alice));
    assertEquals(List.of(), alice.failures);
  }

  @Test
  void inAPrivateRoomTheOtherTabOpensTheNicknameToSeeItLanded() {
    JceCrypto crypto = new JceCrypto();
    World browser = new World();
    ActionTab alice = new ActionTab("alice", browser, node, crypto);
    key = alice.createRoom("Secret", true);
    ActionTab alice2 = new ActionTab("alice", browser, node, crypto);
    settle(alice, alice2);
    int updates = room().memberInfo().size();
    assertTrue(room().config().isPrivate());
    long first = Names.of(room()).version(me(alice));
    alice.hold = true;
    assertNull(alice.actions.setNickname(key, room(), "Al", alice.failInto()));
    alice.pump();
    alice.step(); // signed; the update is held
    alice.pump();
    alice.cut(() -> true); // the room took it, the answer was lost: the request stays asked
    long version = Names.of(room()).version(me(alice));
    assertTrue(version > first, "the sealed nickname is in the room");
    browser.runAll();
    assertNotEquals(0, asked(alice2));
    node.now += LINGER; // old enough to be published again, were it not seen in the room
    settle(alice2);
    browser.runAll();
    assertEquals(0, asked(alice2), "seen landed through the room's secret");
    assertEquals(0, asked(alice));
    assertEquals(version, Names.of(room()).version(me(alice)), "and not published again");
    assertEquals(updates, room().memberInfo().size());
  }
}
