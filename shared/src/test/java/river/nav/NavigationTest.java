package river.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.RoomKey;

/** One test per row of the tab's history decisions. */
class NavigationTest {
  final RoomKey a = RoomKey.of(Bytes.filled(32, 1));
  final RoomKey b = RoomKey.of(Bytes.filled(32, 2));
  final RoomKey stranger = RoomKey.of(Bytes.filled(32, 3));
  final Set<RoomKey> held = new HashSet<>(Set.of(a, b));
  final Navigation.Rooms rooms = held::contains;

  @Test
  void anAddressOfAHeldRoomShowsItAndLeavesHistoryAlone() {
    NavStep s = Navigation.arrive(RoomAddress.of(b, null), rooms, a, false);
    assertEquals(b, s.show);
    assertEquals(NavStep.History.NONE, s.history);
    assertEquals(NavStep.Notice.NONE, s.notice);
  }

  @Test
  void aMessageAddressHighlightsTheMessage() {
    NavStep s = Navigation.arrive(RoomAddress.of(b, "MSG"), rooms, a, false);
    assertEquals(b, s.show);
    assertEquals("MSG", s.highlight);
  }

  @Test
  void noAddressShowsTheStoredCurrentRoomAndWritesItsAddressInPlace() {
    NavStep s = Navigation.arrive(RoomAddress.NONE, rooms, a, false);
    assertEquals(a, s.show);
    assertEquals(NavStep.History.REPLACE, s.history);
    assertEquals(RoomAddress.of(a, null), s.address);
  }

  @Test
  void noAddressAndNoStoredRoomShowsTheListAlone() {
    NavStep s = Navigation.arrive(RoomAddress.NONE, rooms, stranger, false);
    assertNull(s.show);
    assertEquals(NavStep.History.NONE, s.history);
  }

  @Test
  void aRoomThisProfileIsNotInSaysSoAndShowsTheList() {
    NavStep s = Navigation.arrive(RoomAddress.of(stranger, null), rooms, a, false);
    assertNull(s.show);
    assertEquals(NavStep.Notice.NOT_A_MEMBER, s.notice);
  }

  @Test
  void aMalformedAddressSaysSo() {
    NavStep s = Navigation.arrive(RoomAddress.MALFORMED, rooms, a, false);
    assertNull(s.show);
    assertEquals(NavStep.Notice.MALFORMED, s.notice);
  }

  @Test
  void backAndForwardNeverWriteHistory() {
    assertEquals(NavStep.History.NONE, Navigation.arrive(RoomAddress.NONE, rooms, a, true).history);
    assertEquals(a, Navigation.arrive(RoomAddress.of(a, null), rooms, b, true).show);
  }

  @Test
  void aClickOnAnotherRoomPushesItsAddress() {
    NavStep s = Navigation.pick(b, a);
    assertEquals(b, s.show);
    assertEquals(NavStep.History.PUSH, s.history);
    assertEquals(RoomAddress.of(b, null), s.address);
  }

  @Test
  void aClickOnTheShownRoomAddsNoStep() {
    assertEquals(NavStep.History.NONE, Navigation.pick(a, a).history);
  }

  @Test
  void whenTheShownRoomGoesTheStoredOneTakesItsPlace() {
    held.remove(b);
    NavStep s = Navigation.gone(rooms, null, a, null);
    assertEquals(a, s.show);
    assertEquals(NavStep.History.REPLACE, s.history);
    held.remove(a);
    NavStep none = Navigation.gone(rooms, null, a, null);
    assertNull(none.show);
    assertEquals(RoomAddress.NONE, none.address);
  }

  @Test
  void leavingTheShownRoomOpensTheNextInTheListNotTheStoredOne() {
    RoomKey c = RoomKey.of(Bytes.filled(32, 4));
    held.add(c);
    List<RoomKey> drawn = List.of(a, b, c);
    held.remove(b);
    NavStep s = Navigation.settle(RoomAddress.of(b, null), rooms, b, drawn, a, a);
    assertEquals(c, s.show);
    assertEquals(RoomAddress.of(c, null), s.address);
    assertEquals(NavStep.History.REPLACE, s.history);
  }

  @Test
  void theNextRoomIsTheOneBeforeWhenTheLastListedGoes() {
    RoomKey c = RoomKey.of(Bytes.filled(32, 4));
    held.add(c);
    held.remove(c);
    assertEquals(b, Navigation.nextAfter(List.of(a, b, c), c, rooms));
    held.remove(b);
    assertEquals(a, Navigation.nextAfter(List.of(a, b, c), c, rooms), "skips rooms gone too");
    held.clear();
    assertNull(Navigation.nextAfter(List.of(a, b, c), c, rooms));
    assertNull(Navigation.nextAfter(List.of(a), stranger, rooms), "not drawn: no neighbour");
  }

  @Test
  void whenTheStoredRoomIsGoneTooTheFirstListedIsShown() {
    assertEquals(b, Navigation.gone(rooms, null, stranger, b).show);
  }

  // --- settle: the tab's rooms changed after it arrived ----------------------------------

  @Test
  void aShownRoomStillHeldStaysWhateverElseChanged() {
    assertNull(Navigation.settle(RoomAddress.of(a, null), rooms, a, List.of(), b, b));
  }

  @Test
  void aShownRoomThatGoesIsReplacedInPlace() {
    held.remove(b);
    NavStep s = Navigation.settle(RoomAddress.of(b, null), rooms, b, List.of(), a, a);
    assertEquals(a, s.show);
    assertEquals(NavStep.History.REPLACE, s.history);
    assertEquals(RoomAddress.of(a, null), s.address);
  }

  @Test
  void anAddressedRoomThatAppearsLaterIsShownWithItsMessage() {
    assertNull(
        Navigation.settle(RoomAddress.of(stranger, "MSG"), rooms, null, List.of(), a, a),
        "not held yet: the notice and the list stay");
    held.add(stranger);
    NavStep s = Navigation.settle(RoomAddress.of(stranger, "MSG"), rooms, null, List.of(), a, a);
    assertEquals(stranger, s.show);
    assertEquals("MSG", s.highlight);
    assertEquals(NavStep.Notice.NONE, s.notice);
    assertEquals(NavStep.History.NONE, s.history);
  }

  @Test
  void aMalformedAddressKeepsTheListEvenWhenRoomsChange() {
    assertNull(Navigation.settle(RoomAddress.MALFORMED, rooms, null, List.of(), a, a));
  }

  @Test
  void withoutAnAddressTheStoredRoomIsOpenedOnceThereIsOne() {
    NavStep s = Navigation.settle(RoomAddress.NONE, rooms, null, List.of(), a, b);
    assertEquals(a, s.show);
    assertEquals(NavStep.History.REPLACE, s.history);
    held.clear();
    assertNull(Navigation.settle(RoomAddress.NONE, rooms, null, List.of(), a, null));
  }

  @Test
  void aMessageNotInTheKnownRoomStateIsSaidToBeGone() {
    assertEquals(NavStep.Notice.MESSAGE_GONE, Navigation.lookFor(true, false));
    assertEquals(
        NavStep.Notice.NONE, Navigation.lookFor(false, false), "the state may still bring it");
    assertEquals(NavStep.Notice.NONE, Navigation.lookFor(true, true));
  }

  @Test
  void noticesArePlainWordsWithoutKeysOrAddresses() {
    for (NavStep.Notice n : NavStep.Notice.values()) {
      String t = n.text.toLowerCase();
      for (String jargon :
          new String[] {
            "key", "base58", "fragment", "hash", "#", "/room/", "address", "delegate", "contract"
          }) {
        assertEquals(-1, t.indexOf(jargon), n + " says " + jargon);
      }
    }
  }
}
