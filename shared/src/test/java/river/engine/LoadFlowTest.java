package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.NotificationMode;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ListValuesResponse;
import river.wire.Response;

/** The load flow: per-room pipelined reads, failures, blob migration, legacy probing. */
class LoadFlowTest {
  @Test
  void perRoomReadsEverySlotAndMetaPipelined() {
    World w = new World();
    w.current().keysAloneInListValues = true; // the GetMany path
    for (int i = 1; i <= 5; i++)
      w.putSlot(World.CURRENT, key(i), i == 3 ? RoomSlot.TOMBSTONE : RoomSlot.present(room(i)));
    w.current()
        .store(
            RoomStorageKeys.ROOMS_META,
            w.codec.encodeMeta(
                Rooms.EMPTY
                    .withRoom(room(2))
                    .withMode(key(2), NotificationMode.MUTED)
                    .withCurrentRoom(key(2))
                    .meta()));
    int t = w.openTab();
    w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
    w.deliverFirst(e -> e.kind == World.Kind.REPLY);
    assertEquals(
        1, w.queued(DelegateRequest.GetMany.class, t), "5 slots and the meta in one GetMany");
    assertEquals(0, w.queued(DelegateRequest.Get.class, t));
    w.runAll();
    Rooms r = w.tab(t).rooms();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(4, r.map().size());
    assertEquals(List.of(key(3)), List.copyOf(r.removed()));
    assertEquals(key(2), r.currentRoom());
    assertEquals(NotificationMode.MUTED, r.notificationModes().get(key(2)));
    assertFalse(w.current().keys().contains(RoomStorageKeys.MIGRATION_STARTED), "no migration");
  }

  @Test
  void manyRoomsAreReadInPipelinedBatchesOfAtMost128Keys() {
    World w = new World();
    w.current().keysAloneInListValues = true; // the GetMany path
    for (int i = 0; i < 256; i++)
      w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i))); // every distinct fixture key
    w.current().store(RoomStorageKeys.ROOMS_META, w.codec.encodeMeta(Rooms.EMPTY.meta()));
    int t = w.openTab();
    w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
    w.deliverFirst(e -> e.kind == World.Kind.REPLY);
    assertEquals(
        3,
        w.queued(DelegateRequest.GetMany.class, t),
        "256 slots + meta: 128 + 128 + 1 keys, all in flight at once");
    int keys = 0;
    for (World.Event e : w.queue) {
      if (e.kind == World.Kind.REQUEST) {
        assertTrue(Answers.keys(e.op).size() <= DelegateRequest.GetMany.MAX_KEYS);
        keys += Answers.keys(e.op).size();
      }
    }
    assertEquals(257, keys);
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(256, w.tab(t).rooms().map().size());
  }

  @Test
  void aBatchTheNodeCannotAnswerIsReadAgainOneKeyAtATime() {
    for (String code : List.of("too_large", "unknown_op", "malformed")) {
      World w = new World();
      w.current().keysAloneInListValues = true; // the GetMany path
      for (int i = 1; i <= 3; i++) w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i)));
      int t = w.openTab();
      w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
      w.deliverFirst(e -> e.kind == World.Kind.REPLY);
      World.Event batch = w.queue.remove(0);
      assertTrue(Answers.is(batch.op, DelegateRequest.GetMany.class));
      w.tab(t).onError(batch.id, code, "cannot batch");
      w.collect(t);
      assertEquals(3, w.queued(DelegateRequest.Get.class, t), code);
      w.runAll();
      assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState(), code);
      assertEquals(3, w.tab(t).rooms().map().size(), code);
    }
  }

  @Test
  void aBatchThatFailsOtherwiseOrAnswersOtherKeysFailsTheLoad() {
    List<Response> bad =
        List.of(
            Response.err(0, "internal", "boom"),
            Answers.ok(
                0,
                new DelegateResponse.GetMany(
                    List.of("room:elsewhere".getBytes(StandardCharsets.UTF_8)),
                    Arrays.asList(new byte[][] {null}),
                    new long[1])),
            Answers.ok(
                0, new DelegateResponse.Get("rooms_meta".getBytes(StandardCharsets.UTF_8), null)));
    for (Response reply : bad) {
      World w = new World();
      w.current().keysAloneInListValues = true; // the GetMany path
      w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
      int t = w.openTab();
      w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
      w.deliverFirst(e -> e.kind == World.Kind.REPLY);
      World.Event batch = w.queue.remove(0);
      Answers.deliver(w.tab(t), batch.id, reply);
      assertEquals(TabSession.LoadState.FAILED, w.tab(t).loadState(), reply.toString());
    }
  }

  @Test
  void aNodeWithoutListValuesIsAskedForItsListThenItsSlots() {
    for (String code : List.of("unknown_op", "malformed")) {
      World w = new World();
      for (int i = 1; i <= 3; i++) w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i)));
      int t = w.openTab();
      World.Event first = w.queue.remove(0);
      assertTrue(Answers.is(first.op, DelegateRequest.ListValues.class));
      w.tab(t).onError(first.id, code, "no such request");
      w.collect(t);
      assertEquals(1, w.queued(DelegateRequest.ListKeys.class, t), code);
      w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
      w.deliverFirst(e -> e.kind == World.Kind.REPLY);
      assertEquals(1, w.queued(DelegateRequest.GetMany.class, t), code);
      w.runAll();
      assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState(), code);
      assertEquals(3, w.tab(t).rooms().map().size(), code);
    }
  }

  @Test
  void aListValuesThatFailsOtherwiseFailsTheLoadWithoutAPlainList() {
    World w = new World();
    w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
    int t = w.openTab();
    World.Event first = w.queue.remove(0);
    w.tab(t).onError(first.id, "unavailable", "the node could not read");
    w.collect(t);
    assertEquals(TabSession.LoadState.FAILED, w.tab(t).loadState());
    assertEquals(0, w.queued(DelegateRequest.ListKeys.class, t));
  }

  @Test
  void aSlotGoneBetweenItsListingAndItsValueIsNoRoom() {
    World w = new World();
    w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
    int t = w.openTab();
    World.Event first = w.queue.remove(0);
    String k1 = RoomStorageKeys.roomKey(key(1));
    String k2 = RoomStorageKeys.roomKey(key(2));
    Answers.deliver(
        w.tab(t),
        first.id,
        Answers.ok(
            first.id,
            new ListValuesResponse(
                List.of(k1.getBytes(StandardCharsets.UTF_8), k2.getBytes(StandardCharsets.UTF_8)),
                Arrays.asList(w.current().data(k1), null),
                new long[] {1, 0})));
    w.collect(t);
    assertEquals(0, w.queued(DelegateRequest.GetMany.class, t), "both came with the keys");
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(List.of(key(1)), List.copyOf(w.tab(t).rooms().map().keySet()));
  }

  @Test
  void anUnreadableSlotIsReportedAndSkipped() {
    World w = new World();
    w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
    w.current().store(RoomStorageKeys.roomKey(key(2)), new byte[] {(byte) 0xa1});
    int t = w.openTab();
    w.runAll();
    assertTrue(w.tab(t).rooms().holds(key(1)));
    assertFalse(w.tab(t).rooms().holds(key(2)));
    assertTrue(w.problems.stream().anyMatch(p -> p.contains("unreadable")));
  }

  @Test
  void aFailedListFailsTheLoadAndARetrySucceeds() {
    World w = new World();
    w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
    int t = w.openTab();
    World.Event list = w.queue.remove(0);
    w.tab(t).onError(list.id, "internal", "boom");
    assertEquals(TabSession.LoadState.FAILED, w.tab(t).loadState());
    w.act(t, TabSession::start);
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertTrue(w.tab(t).rooms().holds(key(1)));
  }

  @Test
  void aCurrentBlobIsMigratedAndLeftInPlaceAndDoneRecordedAfterTheResave() {
    World w = new World();
    Rooms blob =
        Rooms.EMPTY
            .withRoom(room(1))
            .withRoom(room(2))
            .withoutRoom(key(3))
            .withMode(key(1), NotificationMode.MUTED);
    w.current().putRaw(RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(blob));
    int t = w.openTab();
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(RoomSlot.present(room(1)), w.slot(key(1)));
    assertEquals(RoomSlot.present(room(2)), w.slot(key(2)));
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(3)));
    assertNotNull(w.current().data(RoomStorageKeys.ROOMS_DATA), "blob left as a fallback");
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    w.reload(t);
    w.runAll();
    assertEquals(blob.map(), w.tab(t).rooms().map());
    assertEquals(NotificationMode.MUTED, w.tab(t).rooms().notificationModes().get(key(1)));
  }

  @Test
  void probesLegacyDelegatesNewestFirstAndMergesByRank() {
    World w = new World();
    // newer legacy: per-room keys (room 1 present, room 2 left) and a blob holding room 4
    w.putSlot(World.LEGACY_NEWER, key(1), RoomSlot.present(room(1)));
    w.putSlot(World.LEGACY_NEWER, key(2), RoomSlot.TOMBSTONE);
    w.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(4))));
    // older legacy: a blob that still holds room 2 and has left room 1
    w.delegates
        .get(World.LEGACY_OLDER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA,
            w.codec.encodeLegacyBlob(
                Rooms.EMPTY.withRoom(room(2)).withRoom(room(5)).withoutRoom(key(1))));
    int legacyWrites = w.delegates.get(World.LEGACY_NEWER).writes;
    int t = w.openTab();
    w.runAll();
    Rooms r = w.tab(t).rooms();
    assertEquals(List.of(key(1), key(4), key(5)), List.copyOf(r.map().keySet()));
    assertEquals(RoomSlot.TOMBSTONE, w.slot(key(2)));
    assertEquals(RoomSlot.present(room(5)), w.slot(key(5)));
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
    assertEquals(
        List.of(RoomStorageKeys.ROOMS_DATA),
        w.delegates.get(World.LEGACY_OLDER).keys(),
        "legacy data untouched");
    assertEquals(legacyWrites, w.delegates.get(World.LEGACY_NEWER).writes);
  }

  @Test
  void nothingAnywhereLoadsEmptyAndRecordsNothing() {
    World w = new World();
    int t = w.openTab();
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(List.of(), w.current().keys());
  }
}
