package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateRequest;

/**
 * {@link MigrationProgress}'s rules, one test each, on the model delegate (the rules' longer
 * stories, an interrupted migration and an unreadable source, are in UpstreamRegressionTest).
 */
class MigrationProgressTest {
  private static World.Event storeOf(World w, String marker) {
    return w.queue.get(
        w.find(
            e ->
                e.kind == World.Kind.REQUEST
                    && Answers.is(e.op, DelegateRequest.Store.class)
                    && marker.equals(Answers.key(e.op))));
  }

  private static boolean wakeup(World.Event e) {
    return e.kind == World.Kind.WAKEUP;
  }

  @Test
  void noRoomIsReSavedBeforeTheStartedMarkerLandsAndAFailedMarkerIsRetried() {
    World w = new World();
    w.delegates
        .get(World.LEGACY_OLDER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(1))));
    int t = w.openTab();
    w.runAllExcept(
        e -> e.kind == World.Kind.REQUEST && Answers.is(e.op, DelegateRequest.Store.class));
    World.Event started = storeOf(w, RoomStorageKeys.MIGRATION_STARTED);
    w.queue.remove(started);
    w.tab(t).onError(started.id, "unavailable", "the node is busy; try again");
    w.collect(t);
    w.runAllExcept(MigrationProgressTest::wakeup);
    assertNull(w.slot(key(1)), "nothing is re-saved while the started marker is not stored");
    assertFalse(w.current().keys().contains(RoomStorageKeys.MIGRATION_STARTED));
    assertEquals(TabSession.LoadState.MIGRATING, w.tab(t).loadState());
    w.runAll(); // the retry's wakeup stores the marker, then the re-save and done follow
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_STARTED));
    assertEquals(RoomSlot.present(room(1)), w.slot(key(1)));
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
  }

  @Test
  void aResyncResumesAnIncompleteMigrationWithoutWaitingForItsDelay() {
    World w = new World();
    w.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(1))));
    w.delegates
        .get(World.LEGACY_OLDER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(2))));
    int t = w.openTabWithNewerLegacyUnread();
    w.runAllExcept(MigrationProgressTest::wakeup);
    assertFalse(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertEquals(
        TabSession.LoadState.LOADED, w.tab(t).loadState(), "usable while the resume waits");
    assertNull(w.slot(key(1)), "nothing from or below the unread source is used yet");
    w.tab(t).resync(); // a reconnect: the delayed resume is not waited for
    w.collect(t);
    w.runAllExcept(MigrationProgressTest::wakeup);
    assertEquals(RoomSlot.present(room(1)), w.slot(key(1)));
    assertEquals(RoomSlot.present(room(2)), w.slot(key(2)));
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
  }
}
