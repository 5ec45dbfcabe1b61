package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.RoomsMeta;
import river.wire.DelegateRequest;

/** The save engine: coalescing, changed-only writes, per-room isolation, retries, meta save. */
class SaveEngineTest {
  private static long wakeups(World w, int tab) {
    return w.queue.stream().filter(e -> e.kind == World.Kind.WAKEUP && e.tab == tab).count();
  }

  private World loadedWorld(int tabs) {
    World w = new World();
    for (int i = 0; i < tabs; i++) w.openTab();
    w.runAll();
    return w;
  }

  @Test
  void requestsDuringASaveCauseExactlyOneMorePass() {
    World w = loadedWorld(1);
    List<SaveReport> reports = new ArrayList<>();
    w.tab(0)
        .setListener(
            new TabSession.Listener() {
              @Override
              public void onSaveFinished(SaveReport r) {
                reports.add(r);
              }
            });
    w.act(0, t -> t.createRoom(room(1)));
    assertTrue(w.tab(0).isSaving());
    for (int i = 0; i < 5; i++) {
      int n = i;
      w.act(0, t -> t.setNickname(key(1), "nick" + n));
    }
    w.runAll();
    assertEquals(2, reports.size(), reports.toString());
    assertEquals("nick4", w.slot(key(1)).data().nickname());
  }

  @Test
  void changesMadeDuringAPassAreSavedByOneMorePassThatStartsAfterARandomDelay() {
    World w = loadedWorld(1);
    w.act(0, t -> t.createRoom(room(1)));
    w.act(0, t -> t.setNickname(key(1), "during the pass"));
    w.act(0, t -> t.setNickname(key(2), "no such room"));
    w.runAllExcept(e -> e.kind == World.Kind.WAKEUP);
    assertEquals(1, wakeups(w, 0), "the next pass waits (more changes can join it)");
    assertEquals(1, w.queue.size(), "only the wakeup: nothing sent meanwhile");
    assertTrue(w.tab(0).isSaving(), "unsaved changes: still saving");
    assertNotEquals("during the pass", w.slot(key(1)).data().nickname());
    w.act(0, t -> t.markRead(key(1), new LastRead(4, Bytes.ofInts(1))));
    assertEquals(1, w.queue.size(), "a change while it waits joins the same pass");
    w.runAll();
    assertEquals("during the pass", w.slot(key(1)).data().nickname());
    assertEquals(4, w.slot(key(1)).data().lastRead().position());
    assertFalse(w.tab(0).isSaving());
  }

  @Test
  void onlyChangedRoomsAreWrittenAndAnIdleSaveSendsNothing() {
    World w = loadedWorld(1);
    w.act(
        0,
        t -> {
          t.createRoom(room(1));
          t.createRoom(room(2));
        });
    w.runAll();
    int writes = w.current().writes;
    w.act(0, t -> t.setNickname(key(2), "x"));
    assertEquals(1, w.queued(DelegateRequest.CasStore.class, 0), "only room 2's loop started");
    assertEquals(
        0,
        w.queued(DelegateRequest.GetVersioned.class, 0),
        "its generation is known: no read first");
    w.runAll();
    assertEquals(writes + 1, w.current().writes);
    w.act(0, t -> t.setNickname(key(9), "no such room"));
    assertTrue(w.queue.isEmpty());
  }

  @Test
  void aRoomReadAtLoadIsSavedWithOneCasAndAStaleGuessStillMergesTheOtherTabsChange() {
    World w = loadedWorld(1);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    int b = w.openTab();
    w.runAll(); // tab b loaded room 1 by GetMany, with its generation
    w.act(b, t -> t.setNickname(key(1), "from b"));
    assertEquals(1, w.queued(DelegateRequest.CasStore.class, b));
    assertEquals(0, w.queued(DelegateRequest.GetVersioned.class, b));
    w.runAll();
    assertEquals("from b", w.slot(key(1)).data().nickname());

    // Tab 0's cache is now stale (say the push is still on its way): its guess conflicts, and
    // the conflict value is merged rather than overwritten.
    w.queue.removeIf(e -> e.kind == World.Kind.PUSH);
    w.act(0, t -> t.setMode(key(1), NotificationMode.MUTED));
    w.act(0, t -> t.markRead(key(1), new LastRead(5, Bytes.ofInts(1))));
    w.runAll();
    assertEquals("from b", w.slot(key(1)).data().nickname(), "b's change survives a's stale guess");
    assertEquals(5, w.slot(key(1)).data().lastRead().position(), "and a's own change landed");
  }

  /** Requests of that kind tab {@code tab} has queued for room {@code room}'s slot. */
  private static long queuedForSlot(
      World w, Class<? extends DelegateRequest> kind, int tab, int room) {
    String slot = RoomStorageKeys.roomKey(key(room));
    return w.queue.stream()
        .filter(
            e ->
                e.kind == World.Kind.REQUEST
                    && e.tab == tab
                    && Answers.is(e.op, kind)
                    && Answers.key(e.op).equals(slot))
        .count();
  }

  @Test
  void aNewRoomsSlotIsGuessedAbsentAndWrittenWithOneCas() {
    World w = loadedWorld(1);
    w.act(0, t -> t.createRoom(room(1)));
    assertEquals(1, queuedForSlot(w, DelegateRequest.CasStore.class, 0, 1), "a CAS at once");
    assertEquals(0, queuedForSlot(w, DelegateRequest.GetVersioned.class, 0, 1), "no read first");
    w.runAll();
    assertEquals(room(1), w.slot(key(1)).data());
    assertEquals(0, w.current().casConflicts);
  }

  @Test
  void aSlotWrittenUnseenMakesTheAbsentGuessConflictAndBothChangesSurvive() {
    World w = loadedWorld(2);
    // Tab 1 joins the room and names itself; tab 0 hears none of it (the pushes are lost).
    w.act(1, t -> t.createRoom(room(1)));
    w.runAllExcept(e -> e.kind == World.Kind.PUSH && e.tab == 0);
    w.act(1, t -> t.setNickname(key(1), "from b"));
    w.runAllExcept(e -> e.kind == World.Kind.PUSH && e.tab == 0);
    w.queue.clear();
    assertFalse(w.tab(0).rooms().holds(key(1)));
    // Tab 0 joins the same room with its own read mark: its guess conflicts and is merged.
    w.act(0, t -> t.createRoom(room(1).withRead(new LastRead(5, Bytes.ofInts(1)))));
    assertEquals(0, queuedForSlot(w, DelegateRequest.GetVersioned.class, 0, 1));
    int conflicts = w.current().casConflicts;
    w.runAll();
    assertEquals(conflicts + 1, w.current().casConflicts, "the guess conflicted once");
    assertEquals("from b", w.slot(key(1)).data().nickname(), "tab 1's change survives");
    assertEquals(5, w.slot(key(1)).data().lastRead().position(), "and tab 0's landed");
    assertEquals(java.util.List.of(), w.problems);
  }

  @Test
  void aSaveAfterAPushAnnouncedANewerSlotReadsFirstInsteadOfGuessingACasThatWouldConflict() {
    World w = loadedWorld(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(1, t -> t.setNickname(key(1), "from b"));
    // Tab 0 hears the push, but its re-read is still on the way when the user acts.
    w.runAllExcept(e -> e.kind == World.Kind.REQUEST && e.tab == 0);
    assertEquals(1, w.queued(DelegateRequest.GetVersioned.class, 0), "the push's re-read");
    w.act(0, t -> t.markRead(key(1), new LastRead(5, Bytes.ofInts(1))));
    assertEquals(0, w.queued(DelegateRequest.CasStore.class, 0), "no CAS on a known-stale cache");
    assertEquals(1, w.queued(DelegateRequest.GetVersioned.class, 0), "only the push's re-read");
    assertEquals(1, wakeups(w, 0), "the save waits a random while, then reads first");
    int writes = w.current().writes;
    w.runAll();
    assertEquals(writes + 1, w.current().writes, "one CAS, and it landed");
    assertEquals("from b", w.slot(key(1)).data().nickname());
    assertEquals(5, w.slot(key(1)).data().lastRead().position());
  }

  @Test
  void aRoomAnotherTabChangedLastIsReadBeforeTheCasAndGuessedAgainOnceThisTabsWriteLanded() {
    World w = loadedWorld(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(1, t -> t.setNickname(key(1), "from b"));
    w.runAll(); // tab 0 re-read the slot b wrote
    w.act(0, t -> t.markRead(key(1), new LastRead(5, Bytes.ofInts(1))));
    assertEquals(0, w.queued(DelegateRequest.CasStore.class, 0), "others change it: no guess");
    assertEquals(1, wakeups(w, 0), "it waits a random while before reading");
    w.runAllExcept(e -> e.kind == World.Kind.REQUEST && e.tab == 0);
    assertEquals(0, w.queued(DelegateRequest.CasStore.class, 0));
    assertEquals(1, w.queued(DelegateRequest.GetVersioned.class, 0), "then reads first");
    w.runAll();
    assertEquals(5, w.slot(key(1)).data().lastRead().position());
    w.act(0, t -> t.markRead(key(1), new LastRead(6, Bytes.ofInts(1))));
    assertEquals(1, w.queued(DelegateRequest.CasStore.class, 0), "its own write was last: guess");
    assertEquals(0, w.queued(DelegateRequest.GetVersioned.class, 0));
    w.runAll();
    assertEquals(6, w.slot(key(1)).data().lastRead().position());
  }

  @Test
  void aSaveOfTheMetaAfterAPushAnnouncedANewerOneReadsFirst() throws Exception {
    World w = loadedWorld(2);
    w.act(
        0,
        t -> {
          t.createRoom(room(1));
          t.createRoom(room(2));
        });
    w.runAll();
    w.act(1, t -> t.setMode(key(2), NotificationMode.MUTED));
    w.runAllExcept(e -> e.kind == World.Kind.REQUEST && e.tab == 0);
    w.act(0, t -> t.setMode(key(1), NotificationMode.MUTED));
    assertEquals(0, w.queued(DelegateRequest.CasStore.class, 0), "no CAS on a known-stale meta");
    w.runAll();
    RoomsMeta stored = w.codec.decodeMeta(w.current().data(RoomStorageKeys.ROOMS_META));
    assertEquals(NotificationMode.MUTED, stored.notificationModes().get(key(1)));
    assertEquals(NotificationMode.MUTED, stored.notificationModes().get(key(2)));
  }

  @Test
  void aMetaChangeIsOneCasWhenTheTabKnowsTheMetaGenerationAndAStaleOneStillMerges()
      throws Exception {
    World w = loadedWorld(2);
    w.act(
        0,
        t -> {
          t.createRoom(room(1));
          t.createRoom(room(2));
        });
    w.runAll();
    w.act(0, t -> t.setMode(key(2), NotificationMode.MUTED));
    w.runAll();
    w.act(
        0, t -> t.setCurrentRoom(key(1).equals(w.tab(0).rooms().currentRoom()) ? key(2) : key(1)));
    RoomKey chosen = w.tab(0).rooms().currentRoom();
    assertEquals(1, w.queued(DelegateRequest.CasStore.class, 0));
    assertEquals(
        0,
        w.queued(DelegateRequest.GetVersioned.class, 0),
        "the meta generation is known: no read first");
    w.runAll();
    assertEquals(
        chosen, w.codec.decodeMeta(w.current().data(RoomStorageKeys.ROOMS_META)).currentRoom());
    w.queue.removeIf(e -> e.kind == World.Kind.PUSH); // tab 1 does not hear of it
    w.act(1, t -> t.setMode(key(1), NotificationMode.MUTED));
    w.runAll();
    RoomsMeta stored = w.codec.decodeMeta(w.current().data(RoomStorageKeys.ROOMS_META));
    assertEquals(NotificationMode.MUTED, stored.notificationModes().get(key(1)));
    assertEquals(chosen, stored.currentRoom(), "tab 0's change survives tab 1's stale guess");
  }

  @Test
  void oneRoomsUnreadableSlotDoesNotStopTheOthers() {
    World w = loadedWorld(1);
    w.act(
        0,
        t -> {
          t.createRoom(room(1));
          t.createRoom(room(2));
        });
    w.runAll();
    w.current().store(RoomStorageKeys.roomKey(key(1)), new byte[] {(byte) 0xff, 1});
    List<SaveReport> reports = new ArrayList<>();
    w.tab(0)
        .setListener(
            new TabSession.Listener() {
              @Override
              public void onSaveFinished(SaveReport r) {
                reports.add(r);
              }
            });
    w.act(
        0,
        t -> {
          t.setNickname(key(1), "a");
          t.setNickname(key(2), "b");
        });
    w.runAll();
    SaveReport r = reports.get(reports.size() - 1);
    assertEquals(CasOutcome.UNPARSEABLE, r.outcomes().get(RoomStorageKeys.roomKey(key(1))));
    assertEquals(CasOutcome.WRITTEN, r.outcomes().get(RoomStorageKeys.roomKey(key(2))));
    assertFalse(r.clean());
    assertEquals("b", w.slot(key(2)).data().nickname());
    assertArrayEquals(
        new byte[] {(byte) 0xff, 1},
        w.current().data(RoomStorageKeys.roomKey(key(1))),
        "not overwritten");
  }

  @Test
  void conflictExhaustionOfOneRoomIsRetriedLaterWithoutBlockingOthers() {
    World w = loadedWorld(1);
    RoomData mine = room(1).withRead(new LastRead(5, Bytes.ofInts(5)));
    w.act(
        0,
        t -> {
          t.createRoom(mine);
          t.createRoom(room(2));
        });
    // another writer changes room 1 before each of our CAS attempts, always lacking our read mark;
    // the first CAS is the guess that the new room's slot is absent, whose conflict is a stale
    // cache and not one of the 8 attempts
    int guard = 0;
    while (!w.queue.isEmpty() && guard++ < 1000) {
      World.Event e = w.queue.get(0);
      if (e.kind == World.Kind.REQUEST
          && Answers.is(e.op, DelegateRequest.CasStore.class)
          && Answers.key(e.op).equals(RoomStorageKeys.roomKey(key(1)))
          && w.current().casConflicts < 9) {
        w.putSlot(
            World.CURRENT,
            key(1),
            RoomSlot.present(room(1).toBuilder().addInvitationSecret(Bytes.ofInts(guard)).build()));
      }
      w.deliver(0);
    }
    assertTrue(
        w.problems.stream().anyMatch(p -> p.contains("8 CAS attempts")), w.problems.toString());
    assertEquals(room(2), w.slot(key(2)).data(), "room 2 was saved regardless");
    assertEquals(5, w.slot(key(1)).data().lastRead().position(), "the retried pass landed room 1");
    assertEquals(
        1, w.slot(key(1)).data().invitationSecrets().size(), "with the other writer's last change");
  }

  @Test
  void metaSaveKeepsModesOfRoomsThisTabDoesNotKnow() throws Exception {
    World w = loadedWorld(2);
    w.act(
        0,
        t -> {
          t.createRoom(room(1));
          t.setMode(key(1), NotificationMode.MUTED);
        });
    w.runAll();
    // tab 1 has not yet heard of room 3, created in a third tab that wrote meta directly
    w.act(1, t -> t.createRoom(room(2)));
    w.act(1, t -> t.setMode(key(2), NotificationMode.MENTIONS));
    w.runAll();
    RoomsMeta meta = w.codec.decodeMeta(w.current().data(RoomStorageKeys.ROOMS_META));
    assertEquals(NotificationMode.MUTED, meta.notificationModes().get(key(1)));
    assertEquals(NotificationMode.MENTIONS, meta.notificationModes().get(key(2)));
  }

  @Test
  void mergedEqualToStoredWritesNothing() {
    World w = loadedWorld(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    int writes = w.current().writes;
    // tab 1 learned the room by push; it makes the same change tab 0 already stored
    w.act(0, t -> t.setNickname(key(1), "same"));
    w.runAll();
    int afterFirst = w.current().writes;
    assertEquals(writes + 1, afterFirst);
    assertEquals("same", w.tab(1).rooms().room(key(1)).nickname());
    w.reload(1);
    w.runAll();
    assertEquals(afterFirst, w.current().writes, "a fresh load writes nothing");
  }
}
