package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The reads the shell sends before the app asks must be the very reads the app's load sends (else
 * the shell's work is wasted, though nothing breaks): compared by their op keys, in order.
 */
class LoadReadsTest {
  /** The tab's requests still queued, as op keys, GetManys only when {@code getManys}. */
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

  private static List<String> keysOf(List<Op> ops) {
    List<String> out = new ArrayList<>();
    for (Op op : ops) {
      out.add(Arrays.toString(LoadReads.opKey(op)));
    }
    return out;
  }

  /** Delivers the tab's List and returns its answer, leaving the reads it caused queued. */
  private static DelegateResponse.ListKeys listAnswered(World w) {
    assertEquals(
        keysOf(List.of(LoadReads.list(World.CURRENT))), queuedKeys(w, false), "the List first");
    w.deliverFirst(e -> e.kind == World.Kind.REQUEST);
    World.Event reply = w.deliverFirst(e -> e.kind == World.Kind.REPLY);
    return (DelegateResponse.ListKeys) ((OpResult.Delegate) reply.reply.result()).response();
  }

  @Test
  void theGetManysAfterTheListAreTheOnesTheLoadSends() {
    World w = new World();
    for (int i = 0; i < 300; i++) {
      w.putSlot(World.CURRENT, key(i % 256), RoomSlot.present(room(i % 256)));
    }
    w.current().store(RoomStorageKeys.ROOMS_META, w.codec.encodeMeta(Rooms.EMPTY.meta()));
    w.current().store("room:not-base58-0OIl", new byte[] {1}); // listed, not a room: not read
    w.openTab();
    List<Op> expected = LoadReads.afterList(World.CURRENT, listAnswered(w));
    assertEquals(3, expected.size(), "256 slots + meta: 128 + 128 + 1 keys");
    assertEquals(keysOf(expected), queuedKeys(w, false));
  }

  @Test
  void besideABlobToMigrateTheGetManysStillMatchAndTheRestIsAskedAsUsual() {
    World w = new World();
    for (int i = 1; i <= 5; i++) {
      w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i)));
    }
    w.current()
        .store(RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(9))));
    w.openTab();
    List<Op> expected = LoadReads.afterList(World.CURRENT, listAnswered(w));
    assertEquals(1, expected.size());
    assertEquals(keysOf(expected), queuedKeys(w, true));
    assertTrue(queuedKeys(w, false).size() > 1, "the blob is read too, by the app itself");
  }

  @Test
  void aLoadWithoutPerRoomSlotsStartsNoGetMany() {
    World w = new World();
    w.current()
        .store(RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(9))));
    w.openTab();
    assertEquals(List.of(), LoadReads.afterList(World.CURRENT, listAnswered(w)));
    assertEquals(List.of(), queuedKeys(w, true));
  }

  @Test
  void theOpKeyIgnoresTheRequestIdAndNothingElse() {
    Op list = LoadReads.list(World.CURRENT);
    assertArrayEquals(LoadReads.opKey(list), LoadReads.opKey(LoadReads.list(World.CURRENT)));
    assertFalse(
        Arrays.equals(LoadReads.opKey(list), LoadReads.opKey(LoadReads.list(World.LEGACY_NEWER))));
  }

  @Test
  void theShellReadsTheGetManysOfAListAnswerFrameAsOfTheAnswer() {
    World w = new World();
    for (int i = 1; i <= 3; i++) {
      w.putSlot(World.CURRENT, key(i), RoomSlot.present(room(i)));
    }
    w.openTab();
    DelegateResponse.ListKeys list = listAnswered(w);
    byte[] frame =
        river.wire.WireCodec.encodeResponse(
            river.wire.Response.ok((1L << 49) + 1, new OpResult.Delegate(list)));
    assertEquals(
        keysOf(LoadReads.afterList(World.CURRENT, list)),
        keysOf(LoadReads.afterListFrame(World.CURRENT, frame)));
    assertEquals(
        List.of(),
        LoadReads.afterListFrame(
            World.CURRENT,
            river.wire.WireCodec.encodeResponse(river.wire.Response.err(1, "too_large", "x"))));
    assertEquals(List.of(), LoadReads.afterListFrame(World.CURRENT, new byte[] {1, 2, 3}));
  }

  @Test
  void onlyASmallListAnswerIsParsedByTheShell() {
    assertTrue(LoadReads.getManysEarly(LoadReads.MAX_EARLY_LIST_BYTES));
    assertFalse(LoadReads.getManysEarly(LoadReads.MAX_EARLY_LIST_BYTES + 1));
  }
}
