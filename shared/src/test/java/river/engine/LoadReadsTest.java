package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.RoomData;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateRequest;
import river.wire.ListValuesResponse;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The read the shell sends before the app asks must be the very read the app's load sends first
 * (else the shell's work is wasted, though nothing breaks), and its answer carries the slots, so
 * that only what did not fit is asked again.
 */
class LoadReadsTest {
  /** The tab's requests still queued, as op keys, GetManys only when {@code getManysOnly}. */
  private static List<String> queuedKeys(World w, boolean getManysOnly) {
    List<String> out = new ArrayList<>();
    for (World.Event e : w.queue) {
      if (e.kind == World.Kind.REQUEST
          && (!getManysOnly || e.op.msg() instanceof DelegateRequest.GetMany)) {
        out.add(Arrays.toString(LoadReads.opKey(e.op)));
      }
    }
    return out;
  }

  /** Delivers the tab's first read and returns its answer, leaving the reads it caused queued. */
  private static ListValuesResponse firstReadAnswered(World w) {
    assertEquals(
        List.of(Arrays.toString(LoadReads.opKey(LoadReads.listValues(World.CURRENT)))),
        queuedKeys(w, false),
        "the shell's read first, alone");
    w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
    World.Event reply = w.deliverFirst(e -> e.kind == World.Kind.REPLY);
    return (ListValuesResponse) ((OpResult.Delegate) reply.reply.result()).response();
  }

  @Test
  void slotsThatCameWithTheKeysAreNotAskedAgain() {
    World w = new World();
    for (int i = 0; i < 256; i++) {
      w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i)));
    }
    w.current().store(RoomStorageKeys.ROOMS_META, w.codec.encodeMeta(Rooms.EMPTY.meta()));
    w.current().store("room:not-base58-0OIl", new byte[] {1}); // listed, not a room: not read
    int t = w.openTab();
    ListValuesResponse answer = firstReadAnswered(w);
    assertEquals(258, answer.valued(), "every value fit the budget");
    assertEquals(List.of(), queuedKeys(w, false), "nothing else to read");
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(256, w.tab(t).rooms().map().size());
  }

  @Test
  void slotsBeyondTheBudgetAreReadByGetManyAndOnlyThose() {
    World w = new World();
    String big = "n".repeat(8 * 1024);
    for (int i = 0; i < 100; i++) { // ~800 KB of slots: over the 512 KiB budget
      RoomData r = room(i).toBuilder().nickname(big + i).build();
      w.putSlot(World.CURRENT, key(i), RoomSlot.present(r));
    }
    int t = w.openTab();
    ListValuesResponse answer = firstReadAnswered(w);
    assertTrue(answer.valued() > 0 && answer.valued() < 100, "valued: " + answer.valued());
    List<String> asked = new ArrayList<>();
    for (World.Event e : w.queue) {
      if (e.kind == World.Kind.REQUEST) {
        assertTrue(e.op.msg() instanceof DelegateRequest.GetMany, "only GetManys follow");
        asked.addAll(Answers.keys(e.op));
      }
    }
    assertEquals(100 - answer.valued(), asked.size(), "the slots that did not fit, once each");
    for (int i = 0; i < answer.valued(); i++) {
      assertFalse(
          asked.contains(
              new String(answer.valuedPart().key(i), java.nio.charset.StandardCharsets.UTF_8)),
          "a slot that came with the keys is asked again");
    }
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertEquals(100, w.tab(t).rooms().map().size());
    assertEquals(big + 42, w.tab(t).rooms().map().get(key(42)).nickname());
  }

  @Test
  void aBlobToMigrateThatCameWithTheKeysIsNotAskedAgain() {
    World w = new World();
    for (int i = 1; i <= 5; i++) {
      w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i)));
    }
    w.current()
        .store(RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(9))));
    int t = w.openTab();
    firstReadAnswered(w);
    assertEquals(0, w.queued(DelegateRequest.GetMany.class, t));
    assertEquals(0, w.queued(DelegateRequest.Get.class, t), "the blob came with the keys");
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertTrue(w.tab(t).rooms().map().containsKey(key(9)), "the blob's room is migrated");
    assertEquals(6, w.tab(t).rooms().map().size());
  }

  @Test
  void theOpKeyIgnoresTheRequestIdAndNothingElse() {
    Op read = LoadReads.listValues(World.CURRENT);
    assertArrayEquals(LoadReads.opKey(read), LoadReads.opKey(LoadReads.listValues(World.CURRENT)));
    assertFalse(
        Arrays.equals(
            LoadReads.opKey(read), LoadReads.opKey(LoadReads.listValues(World.LEGACY_NEWER))));
  }
}
