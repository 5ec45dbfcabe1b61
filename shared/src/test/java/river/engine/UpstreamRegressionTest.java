package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * One named test per data-loss bug the upstream review of River PR #347 found, replayed against our
 * engine with the interleaving that triggered it.
 */
class UpstreamRegressionTest {
  private static Predicate<World.Event> pushTo(int tab) {
    return e -> e.kind == World.Kind.PUSH && e.tab == tab;
  }

  private static World loaded(int tabs) {
    World w = new World();
    for (int i = 0; i < tabs; i++) w.openTab();
    w.runAll();
    return w;
  }

  private static int freshTab(World w) {
    int t = w.openTab();
    w.runAll();
    return t;
  }

  @Test
  void staleTabDoesNotClobberANewlyAcceptedRoom() {
    World w = loaded(2);
    w.act(1, t -> t.createRoom(room(2)));
    w.runAll();
    w.act(0, t -> t.join(room(1, 7))); // tab 0 accepts an invitation
    w.runAllExcept(pushTo(1)); // tab 1 stays stale: it never hears of room 1
    w.act(1, t -> t.setNickname(key(2), "stale tab saves"));
    w.runAllExcept(pushTo(1));
    assertEquals(RoomSlot.present(room(1, 7)), w.slot(key(1)));
    assertTrue(w.tab(freshTab(w)).rooms().holds(key(1)), "visible after a refresh");
  }

  @Test
  void mergedRemoteRoomsAreNotDroppedByTheNextSave() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    // both tabs change room 1 at once; tab 1's CAS conflicts and merges tab 0's nickname
    w.act(0, t -> t.setNickname(key(1), "from tab 0"));
    w.act(1, t -> t.markRead(key(1), new LastRead(9, Bytes.ofInts(9))));
    w.act(1, t -> t.createRoom(room(3)));
    w.runAllExcept(pushTo(1));
    RoomData merged = w.slot(key(1)).data();
    assertEquals("from tab 0", merged.nickname());
    assertEquals(9, merged.lastRead().position());
    // the NEXT save of the same tab must not drop what it merged
    w.act(1, t -> t.markRead(key(1), new LastRead(10, Bytes.ofInts(10))));
    w.runAllExcept(pushTo(1));
    assertEquals("from tab 0", w.slot(key(1)).data().nickname());
    assertEquals(10, w.slot(key(1)).data().lastRead().position());
    assertEquals(RoomSlot.present(room(3)), w.slot(key(3)));
  }

  @Test
  void coalescedCatchUpSaveDoesNotLoseMergedState() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(1, t -> t.markRead(key(1), new LastRead(4, Bytes.ofInts(4)))); // pass 1 starts
    w.act(
        1,
        t -> t.markRead(key(1), new LastRead(5, Bytes.ofInts(5)))); // coalesced: one catch-up pass
    w.act(
        0,
        t -> {
          t.setNickname(key(1), "tab 0 wins the race");
          t.createRoom(room(2));
        });
    // tab 0 lands first, then tab 1's first pass conflicts, merges; the catch-up pass follows
    w.runAllExcept(e -> e.tab == 1 && e.kind != World.Kind.PUSH);
    w.runAll();
    RoomData r = w.slot(key(1)).data();
    assertEquals("tab 0 wins the race", r.nickname());
    assertEquals(5, r.lastRead().position());
    assertEquals(RoomSlot.present(room(2)), w.slot(key(2)));
    assertEquals("tab 0 wins the race", w.tab(1).rooms().room(key(1)).nickname());
  }

  @Test
  void staleTombstoneIsNotResurrectedOverAnExplicitRejoin() {
    World w = loaded(3);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(0, t -> t.leave(key(1)));
    w.runAll();
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(1)));
    w.reload(1); // tab 1 now holds the tombstone from its load
    w.runAll();
    w.act(2, t -> t.join(room(1, 5))); // explicit rejoin in tab 2 overwrites the tombstone
    w.runAllExcept(pushTo(1));
    assertEquals(RoomSlot.present(room(1, 5)), w.slot(key(1)));
    assertFalse(w.tab(2).isRejoinFlagged(key(1)), "flag consumed once the Present write landed");
    // tab 1 merely loaded the tombstone: its next save must not write it again
    w.act(1, t -> t.createRoom(room(2)));
    w.runAllExcept(pushTo(1));
    assertEquals(RoomSlot.present(room(1, 5)), w.slot(key(1)));
    w.reload(2); // and the rejoined tab's first save after reload keeps it
    w.runAll();
    w.act(2, t -> t.markRead(key(1), new LastRead(3, Bytes.ofInts(3))));
    w.runAll();
    assertTrue(w.slot(key(1)).isPresent());
    assertTrue(w.tab(1).rooms().holds(key(1)), "the push brought it back to tab 1");
  }

  @Test
  void backgroundUpdateInAStaleTabDoesNotResurrectARoomLeftElsewhere() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(0, t -> t.leave(key(1)));
    w.runAllExcept(pushTo(1));
    w.act(1, t -> t.markRead(key(1), new LastRead(8, Bytes.ofInts(8)))); // background update
    w.runAllExcept(pushTo(1));
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(1)));
    assertFalse(w.tab(1).rooms().holds(key(1)), "the stale tab adopted the leave");
    w.runAll();
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(1)));
  }

  @Test
  void aRoomKnownOnlyFromAnotherTabDoesNotOverrideALegitimateRemoteLeave() {
    World w = loaded(3);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    assertTrue(w.tab(1).rooms().holds(key(1)), "tab 1 knows room 1 only from tab 0");
    w.act(2, t -> t.leave(key(1)));
    w.runAllExcept(pushTo(1));
    // tab 1 saves before hearing of the leave: its own other room, and a change to room 1
    w.act(
        1,
        t -> {
          t.createRoom(room(2));
          t.setNickname(key(1), "not a rejoin");
        });
    w.runAllExcept(pushTo(1));
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(1)));
    w.runAll();
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(1)));
    for (int t = 0; t < 3; t++) assertFalse(w.tab(t).rooms().holds(key(1)), "tab " + t);
  }

  @Test
  void aPlainGetCannotStealACasSavesResponse() {
    CorrelationTable table = new CorrelationTable(1);
    Bytes d = World.CURRENT;
    String k = RoomStorageKeys.roomKey(key(1));
    List<String> got = new ArrayList<>();
    byte[] wk = k.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long cas =
        table.send(d, new DelegateRequest.CasStore(wk, new byte[] {1}, 3), recorder("cas", got));
    long get = table.send(d, new DelegateRequest.Get(wk), recorder("get", got));
    long gv = table.send(d, new DelegateRequest.GetVersioned(wk), recorder("gv", got));
    long other = table.send(d, new DelegateRequest.Get(wk), recorder("other", got));
    assertTrue(table.deliver(get, new DelegateResponse.Get(wk, null)));
    assertEquals(List.of("get:GetResponse"), got, "the Get reply went to the Get only");
    assertTrue(table.deliver(gv, new DelegateResponse.GetVersioned(wk, null, 3)));
    assertTrue(table.deliverError(other, "timeout", "no answer"));
    assertTrue(table.deliver(cas, new DelegateResponse.CasStore(wk, new CasStoreResult.Stored(4))));
    assertFalse(
        table.deliver(cas, new DelegateResponse.CasStore(wk, new CasStoreResult.Stored(4))),
        "an answered id is never reused");
    assertFalse(table.deliverError(cas, "timeout", "late"), "nor answered again by an error");
    assertEquals(
        List.of(
            "get:GetResponse",
            "gv:GetVersionedResponse",
            "other:error timeout",
            "cas:CasStoreResponse"),
        got);
    // end to end: a resync's reads of a slot interleaved with a save of the same slot
    World w = loaded(1);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(0, t -> t.setNickname(key(1), "saved"));
    w.act(0, TabSession::resync);
    // deliver newest-first so the resync's replies overtake the save's
    while (!w.queue.isEmpty()) w.deliver(w.queue.size() - 1);
    assertEquals("saved", w.slot(key(1)).data().nickname());
    assertEquals(List.of(), w.problems);
  }

  @Test
  void legacyPerRoomKeysAreNotStrandedByTheNextDelegateUpgrade() {
    World w = new World();
    // the now-legacy delegate already used per-room keys (no blob at all)
    w.putSlot(World.LEGACY_NEWER, key(1), RoomSlot.present(room(1)));
    w.putSlot(World.LEGACY_NEWER, key(2), RoomSlot.TOMBSTONE);
    w.putSlot(World.LEGACY_OLDER, key(3), RoomSlot.present(room(3)));
    int t = freshTab(w);
    assertEquals(RoomSlot.present(room(1)), w.slot(key(1)));
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(2)));
    assertEquals(RoomSlot.present(room(3)), w.slot(key(3)));
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertTrue(w.tab(t).rooms().holds(key(3)));
  }

  @Test
  void migrationIsNotMarkedDoneBeforeThePerRoomDataIsMigrated() {
    World w = new World();
    Rooms blob = Rooms.EMPTY.withRoom(room(1)).withRoom(room(2)).withRoom(room(3));
    w.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(blob));
    int t = w.openTab();
    // run until the started marker and exactly one room slot have landed, then close the tab
    while (w.current().keys().stream().filter(k -> k.startsWith("room:")).count() < 1) w.deliver(0);
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_STARTED));
    assertFalse(
        w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE), "not done after one room");
    w.reload(t);
    w.runAll(); // the old session's in-flight writes may land; the new one resumes
    for (int i = 1; i <= 3; i++)
      assertEquals(RoomSlot.present(room(i)), w.slot(key(i)), "room " + i);
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertEquals(3, w.tab(t).rooms().map().size());
  }

  @Test
  void anUnreadableLegacySourceNeverRecordsDoneAndNothingBelowItIsUsed() {
    World w = new World();
    w.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(1))));
    // the older source says room 1 was left: only the newer one may overrule that
    w.delegates
        .get(World.LEGACY_OLDER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA,
            w.codec.encodeLegacyBlob(Rooms.EMPTY.withoutRoom(key(1)).withRoom(room(2))));
    int t = w.openTabWithNewerLegacyUnread();
    w.runAllExcept(e -> e.kind == World.Kind.WAKEUP);
    assertNull(w.slot(key(1)), "the older tombstone was not migrated over the unread newer source");
    assertNull(w.slot(key(2)), "nothing below the unread source is used");
    assertTrue(
        w.current().keys().contains(RoomStorageKeys.MIGRATION_STARTED), "a later load resumes");
    assertFalse(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    w.runAll(); // the scheduled resume reads every source again
    assertEquals(RoomSlot.present(room(1)), w.slot(key(1)));
    assertEquals(RoomSlot.present(room(2)), w.slot(key(2)));
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertTrue(w.tab(t).rooms().holds(key(1)) && w.tab(t).rooms().holds(key(2)));
  }

  @Test
  void aLegacyDelegateTheNodeDoesNotHostCountsAsEmpty() {
    World w = new World();
    w.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(1))));
    w.delegates.remove(World.LEGACY_OLDER); // answered with unknown_delegate
    int t = freshTab(w);
    assertEquals(RoomSlot.present(room(1)), w.slot(key(1)));
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertTrue(w.tab(t).rooms().holds(key(1)));
  }

  @Test
  void aFailedMigrationResaveNeverRecordsDone() {
    World w2 = new World();
    w2.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w2.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(1))));
    int t2 = w2.openTab();
    World.Event cas = null;
    while (cas == null) {
      int i =
          w2.find(
              e ->
                  e.kind == World.Kind.REQUEST && Answers.is(e.op, DelegateRequest.CasStore.class));
      if (i >= 0) cas = w2.queue.remove(i);
      else w2.deliver(0);
    }
    w2.tab(t2)
        .onResponse(
            cas.id,
            new DelegateResponse.CasStore(
                Answers.key(cas.op).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new CasStoreResult.Failed("disk full")));
    w2.collect(t2);
    // deliver everything but the scheduled retry: the migration must not be recorded as done
    w2.runAllExcept(e -> e.kind == World.Kind.WAKEUP);
    assertFalse(w2.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    w2.runAll(); // the retry pass lands the room, then done is recorded
    assertEquals(RoomSlot.present(room(1)), w2.slot(key(1)));
    assertTrue(w2.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
  }

  @Test
  void aLostCasAnswerDoesNotLeaveAStaleRejoinFlag() {
    World w = loaded(2);
    w.act(0, t -> t.createRoom(room(1)));
    w.runAll();
    w.act(0, t -> t.leave(key(1)));
    w.runAll();
    w.act(1, t -> t.join(room(1, 6))); // explicit rejoin in tab 1
    World.Event cas = null;
    while (cas == null) {
      int i =
          w.find(
              e ->
                  e.kind == World.Kind.REQUEST
                      && Answers.is(e.op, DelegateRequest.CasStore.class)
                      && e.tab == 1);
      if (i >= 0) cas = w.queue.remove(i);
      else w.deliver(0);
    }
    w.current().apply(cas.op.msg()); // the write lands, but its answer is lost
    w.tab(1).onError(cas.id, "timeout", "connection lost");
    w.collect(1);
    w.act(1, TabSession::resync);
    w.runAll();
    assertFalse(w.tab(1).isRejoinFlagged(key(1)), "the store holds the rejoin: flag consumed");
    w.act(0, t -> t.join(room(1, 7)));
    w.runAll();
    w.act(0, t -> t.leave(key(1))); // a later leave elsewhere
    w.runAll();
    w.act(1, t -> t.setNickname(key(1), "background"));
    w.runAll();
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(1)), "the old rejoin did not resurrect it");
  }

  @Test
  void twoLegacyDelegatesDoNotCollideOnOneCorrelationKey() {
    World w = new World();
    RoomData newer =
        room(1, 0).toBuilder()
            .signingKey(Bytes.ofInts(1))
            .nickname("newer")
            .nicknameVersion(1)
            .build();
    RoomData older =
        room(1, 0).toBuilder()
            .signingKey(Bytes.ofInts(200))
            .nickname("older")
            .nicknameVersion(1)
            .build();
    w.putSlot(World.LEGACY_NEWER, key(1), RoomSlot.present(newer));
    w.putSlot(World.LEGACY_OLDER, key(1), RoomSlot.present(older));
    int t = w.openTab();
    // deliver the newest events first so the older delegate's Get reply arrives first
    while (!w.queue.isEmpty()) w.deliver(w.queue.size() - 1);
    RoomData migrated = w.slot(key(1)).data();
    assertEquals(Bytes.ofInts(1), migrated.signingKey(), "the newer delegate's identity");
    assertEquals(migrated, w.tab(t).rooms().room(key(1)));
  }

  private static CorrelationTable.ReplyHandler recorder(String tag, List<String> got) {
    return new CorrelationTable.ReplyHandler() {
      @Override
      public void onResponse(DelegateResponse response) {
        got.add(tag + ":" + response.variantName());
      }

      @Override
      public void onError(String code, String message) {
        got.add(tag + ":error " + code);
      }
    };
  }
}
