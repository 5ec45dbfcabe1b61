package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateRequest;

/**
 * DESIGN "Live cross-tab updates": pushes apply the value they carry, or re-read the key, with the
 * reconcile rules.
 */
class LiveUpdatesTest {
  private static World loaded(int tabs) {
    World w = new World();
    for (int i = 0; i < tabs; i++) w.openTab();
    w.runAll();
    return w;
  }

  @Test
  void aNewPresentRoomAppearsWithoutReload() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    assertEquals(room(1), w.tab(1).rooms().room(key(1)));
  }

  @Test
  void aTombstoneRemovesTheRoomUnlessRejoinedHere() {
    World w = loaded(3);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(2, t -> t.join(room(1, 4))); // tab 2 rejoins explicitly, its write held back
    w.act(0, t -> t.leave(key(1)));
    w.runAllExcept(e -> e.tab == 2 && e.kind != World.Kind.PUSH);
    assertFalse(w.tab(1).rooms().holds(key(1)), "tab 1 adopts the leave");
    assertTrue(w.tab(2).rooms().holds(key(1)), "tab 2 rejoined in this session: kept");
    w.runAll();
    assertEquals(
        RoomSlot.present(room(1, 4)), w.slot(key(1)), "and its rejoin overwrote the tombstone");
    assertTrue(w.tab(1).rooms().holds(key(1)));
    assertTrue(w.tab(0).rooms().holds(key(1)));
  }

  @Test
  void aPresentRoomMergesPerField() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(1, t -> t.markRead(key(1), new LastRead(7, Bytes.ofInts(7))));
    w.runAll();
    w.act(0, t -> t.setNickname(key(1), "n2"));
    w.runAll();
    assertEquals(7, w.tab(0).rooms().room(key(1)).lastRead().position());
    assertEquals("n2", w.tab(1).rooms().room(key(1)).nickname());
  }

  /** Delivers everything, counting the GetVersioned reads tab {@code tab} sends. */
  private static int runAllCountingReads(World w, int tab) {
    int reads = 0;
    while (!w.queue.isEmpty()) {
      World.Event e = w.queue.get(0);
      if (e.tab == tab
          && e.kind == World.Kind.REQUEST
          && e.op.msg() instanceof DelegateRequest.GetVersioned) {
        reads++;
      }
      w.deliver(0);
    }
    return reads;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aPushCarryingTheSlotIsTakenWithoutAReRead(boolean carried) {
    World w = loaded(2);
    w.pushValues = carried;
    w.act(0, t -> t.createRoom(room(1)));
    int reads = runAllCountingReads(w, 1);
    assertEquals(room(1), w.tab(1).rooms().room(key(1)));
    assertEquals(carried ? 0 : 1, reads, "a re-read only when the push carries no value");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aPushCarryingRoomsMetaIsTakenWithoutAReRead(boolean carried) {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.act(0, t -> t.createRoom(room(2)));
    w.runAll();
    w.pushValues = carried;
    w.act(0, t -> t.setOrder(java.util.List.of(key(2), key(1))));
    int reads = runAllCountingReads(w, 1);
    assertEquals(java.util.List.of(key(2), key(1)), w.tab(1).rooms().roomOrder());
    assertEquals(carried ? 0 : 1, reads);
  }

  @Test
  void carriedValuesArrivingOutOfOrderEndAtTheNewest() {
    World w = loaded(2);
    w.pushValues = true;
    w.act(0, t -> t.createRoom(room(1)));
    w.runAllExcept(e -> e.kind == World.Kind.PUSH && e.tab == 1);
    w.act(0, t -> t.setNickname(key(1), "n2"));
    w.runAllExcept(e -> e.kind == World.Kind.PUSH && e.tab == 1);
    // tab 1 hears generation 2 first, then generation 1's value: the older one changes nothing
    String slot = RoomStorageKeys.roomKey(key(1));
    World.Event older =
        w.queue.remove(
            w.find(
                e ->
                    e.kind == World.Kind.PUSH
                        && e.tab == 1
                        && e.key.equals(slot)
                        && e.generation == 1));
    w.runAll();
    assertEquals("n2", w.tab(1).rooms().room(key(1)).nickname());
    w.queue.add(older);
    w.runAll();
    assertEquals("n2", w.tab(1).rooms().room(key(1)).nickname());
    assertEquals(java.util.List.of(), w.problems);
  }

  @Test
  void anUnreadableCarriedValueIsReportedAndChangesNothing() {
    World w = loaded(2);
    Rooms before = w.tab(1).rooms();
    w.act(
        1, t -> t.onKeyChanged(World.CURRENT, RoomStorageKeys.roomKey(key(5)), 3, new byte[] {1}));
    w.runAll();
    assertEquals(before, w.tab(1).rooms());
    assertEquals(1, w.problems.size(), w.problems.toString());
    assertTrue(w.problems.get(0).contains("unreadable"), w.problems.get(0));
  }

  @Test
  void aPushOlderThanWhatTheTabSawIsIgnored() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    int before = w.queue.size();
    w.act(1, t -> t.onKeyChanged(World.CURRENT, RoomStorageKeys.roomKey(key(1)), 1, null));
    assertEquals(before, w.queue.size(), "no re-read for a generation already seen");
    w.act(1, t -> t.onKeyChanged(Bytes.filled(32, 1), RoomStorageKeys.roomKey(key(1)), 9, null));
    assertEquals(before, w.queue.size(), "another delegate's key is not ours");
  }

  @Test
  void pushesDuringLoadingAreReReadAfterTheLoad() {
    World w = loaded(1);
    int t1 = w.openTab(); // still loading: its List is in flight
    w.act(0, t -> t.createRoom(room(1)));
    w.runAllExcept(e -> e.tab == t1 && e.kind == World.Kind.REQUEST);
    w.deliverFirst(e -> e.tab == t1); // List now: sees room 1's key
    w.runAll();
    assertTrue(w.tab(t1).rooms().holds(key(1)));
  }

  @Test
  void notificationModesSetElsewhereArriveLiveAndAreNotReverted() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(0, t -> t.setMode(key(1), NotificationMode.MUTED));
    w.runAll();
    assertEquals(NotificationMode.MUTED, w.tab(1).rooms().notificationModes().get(key(1)));
    w.act(1, t -> t.setCurrentRoom(key(1)));
    w.runAll();
    assertEquals(NotificationMode.MUTED, w.tab(0).rooms().notificationModes().get(key(1)));
  }

  @Test
  void resyncAfterMissedPushesCatchesUp() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAllExcept(e -> e.kind == World.Kind.PUSH && e.tab == 1);
    w.queue.removeIf(e -> e.kind == World.Kind.PUSH); // the pushes are lost (reconnect)
    assertFalse(w.tab(1).rooms().holds(key(1)));
    w.act(1, TabSession::resync);
    w.runAll();
    assertTrue(w.tab(1).rooms().holds(key(1)));
  }

  @Test
  void aResyncReadsEverythingInBatchesAndFallsBackToSingleReadsWhenTheNodeCannotBatch() {
    World w = loaded(2);
    w.act(
        0,
        t -> {
          for (int i = 1; i <= 3; i++) t.createRoom(room(i));
          t.setMode(key(2), NotificationMode.MUTED);
        });
    w.runAllExcept(e -> e.kind == World.Kind.PUSH && e.tab == 1);
    w.queue.removeIf(e -> e.kind == World.Kind.PUSH);
    w.act(1, TabSession::resync);
    w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
    w.deliverFirst(e -> e.kind == World.Kind.REPLY); // the List
    assertEquals(
        1, w.queued(DelegateRequest.GetMany.class, 1), "3 slots and the meta in one GetMany");
    assertEquals(0, w.queued(DelegateRequest.GetVersioned.class, 1));
    World.Event batch =
        w.queue.stream().filter(e -> e.kind == World.Kind.REQUEST && e.tab == 1).findFirst().get();
    w.queue.remove(batch);
    w.tab(1).onError(batch.id, "unknown_op", "an older node");
    w.collect(1);
    assertEquals(4, w.queued(DelegateRequest.GetVersioned.class, 1), "one read per key instead");
    w.runAll();
    for (int i = 1; i <= 3; i++) assertTrue(w.tab(1).rooms().holds(key(i)));
    assertEquals(NotificationMode.MUTED, w.tab(1).rooms().notificationModes().get(key(2)));
  }
}
