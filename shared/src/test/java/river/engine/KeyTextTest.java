package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.rooms.NotificationMode;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateResponse;
import river.wire.ListValuesResponse;
import river.wire.Op;

/**
 * Storage keys between the engines' text and the wire's bytes (KeyText), and the engines' wire
 * requests themselves: every Op they emit survives real CBOR.
 */
class KeyTextTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listedKeysAreDecodedInOrderAndANonUtf8KeyIsDropped() {
    DelegateResponse.ListKeys l =
        new DelegateResponse.ListKeys(
            Arrays.asList(utf8("room:x"), new byte[] {(byte) 0xff}, utf8("rooms_meta")));
    assertEquals(List.of("room:x", "rooms_meta"), KeyText.listed(l), "a non-UTF-8 key is dropped");
    assertEquals(List.of(), KeyText.listed(new DelegateResponse.ListKeys(new ArrayList<>())));
  }

  @Test
  void keysAreSentAsTheirUtf8Bytes() {
    assertArrayEquals(utf8("room:abc"), KeyText.bytes("room:abc"));
    List<byte[]> many = KeyText.bytes(List.of("room:a", "rooms_meta"));
    assertEquals(2, many.size());
    assertArrayEquals(utf8("rooms_meta"), many.get(1));
  }

  @Test
  void aGetManyAnswersOnlyTheKeysAskedInTheirOrder() {
    List<String> asked = List.of("room:a", "rooms_meta");
    assertTrue(
        KeyText.answers(
            new DelegateResponse.GetMany(
                Arrays.asList(utf8("room:a"), utf8("rooms_meta")),
                Arrays.asList(null, new byte[] {4}),
                new long[] {0, 9}),
            asked));
    assertFalse(
        KeyText.answers(
            new DelegateResponse.GetMany(
                Arrays.asList(utf8("rooms_meta"), utf8("room:a")),
                Arrays.asList(null, null),
                new long[2]),
            asked),
        "another order");
    assertFalse(
        KeyText.answers(
            new DelegateResponse.GetMany(
                Arrays.asList(utf8("room:a")), Arrays.asList(new byte[][] {null}), new long[1]),
            asked),
        "fewer keys");
    assertFalse(
        KeyText.answers(
            new DelegateResponse.GetMany(
                Arrays.asList(utf8("room:a"), new byte[] {(byte) 0xff}),
                Arrays.asList(null, null),
                new long[2]),
            asked),
        "a key that is not UTF-8 is not one we asked for");
  }

  @Test
  void aListedKeyThatIsNotUtf8DoesNotBreakTheLoad() {
    World w = new World();
    w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
    int t = w.openTab();
    World.Event list = w.queue.remove(0);
    List<byte[]> keys = new ArrayList<>();
    keys.add(new byte[] {(byte) 0xc3, 0x28});
    keys.add(utf8(RoomStorageKeys.roomKey(key(1))));
    // listed with its value (which is not a slot: the load must not take it for one)
    w.tab(t)
        .onResponse(
            list.id, new ListValuesResponse(keys, Arrays.asList(new byte[] {1}), new long[] {1}));
    w.collect(t);
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(t).loadState());
    assertTrue(w.tab(t).rooms().holds(key(1)));
  }

  @Test
  void everyRequestTheEnginesEmitSurvivesRealCbor() {
    World w = new World();
    w.delegates
        .get(World.LEGACY_NEWER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA,
            w.codec.encodeLegacyBlob(
                Rooms.EMPTY.withRoom(room(1)).withMode(key(1), NotificationMode.MUTED)));
    int a = w.openTab();
    int b = w.openTab();
    Set<String> variants = new HashSet<>();
    int guard = 0;
    boolean acted = false;
    while (!w.queue.isEmpty() && guard++ < 100_000) {
      World.Event e = w.queue.get(0);
      if (e.kind == World.Kind.REQUEST) {
        Op back = Op.fromCbor(Cbor.decode(Cbor.encode(e.op.toCbor())));
        assertEquals(e.op, back);
        variants.add(e.op.msg().variantName());
      }
      w.deliver(0);
      if (!acted && (guard == 50 || w.queue.isEmpty())) { // mid-way, or once the loads are done
        acted = true;
        w.act(a, s -> s.createRoom(room(2)));
        w.act(b, TabSession::resync);
      }
    }
    assertTrue(
        variants.containsAll(
            List.of(
                "ListRequest", "GetRequest", "GetManyRequest", "StoreRequest", "CasStoreRequest")),
        variants.toString());
  }
}
