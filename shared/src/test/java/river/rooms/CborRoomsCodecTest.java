package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.Arrays;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * Encodings of RoomSlot, RoomsMeta and the legacy blob: round trips, exact shapes, determinism, and
 * typed errors for bad bytes.
 */
class CborRoomsCodecTest {
  private final CborRoomsCodec codec = new CborRoomsCodec();

  private static RoomData full() {
    return room(7, 3).toBuilder()
        .nickname("Ünïcode nick")
        .nicknameVersion(9)
        .lastRead(new LastRead(42, Bytes.ofInts(1, 2, 3)))
        .addInvitationSecret(Bytes.ofInts(9, 9))
        .addInvitationSecret(Bytes.ofInts(1))
        .build();
  }

  @Test
  void presentSlotRoundTrips() throws Exception {
    RoomSlot slot = RoomSlot.present(full());
    assertEquals(slot, codec.decodeSlot(codec.encodeSlot(slot)));
  }

  @Test
  void aNicknameAskedForIsWrittenOnlyWhileAsked() throws Exception {
    RoomSlot asked = RoomSlot.present(full().withNickname("al", 1_800_000_000_123L));
    byte[] b = codec.encodeSlot(asked);
    assertEquals(1_800_000_000_123L, Cbor.decode(b).get("Present").get("nickname_asked").asLong());
    assertEquals(asked, codec.decodeSlot(b));
    RoomSlot landed = RoomSlot.present(asked.data().withNicknameLanded());
    assertNull(Cbor.decode(codec.encodeSlot(landed)).get("Present").get("nickname_asked"));
    assertEquals(0, codec.decodeSlot(codec.encodeSlot(landed)).data().nicknameAskedAt());
  }

  @Test
  void tombstoneIsTheTextTombstone() throws Exception {
    byte[] b = codec.encodeSlot(RoomSlot.TOMBSTONE);
    assertArrayEquals(Cbor.encode(CborItem.text("Tombstone")), b);
    assertTrue(codec.decodeSlot(b).isTombstone());
  }

  @Test
  void presentIsAOneEntryMapNamedPresent() {
    CborItem item = Cbor.decode(codec.encodeSlot(RoomSlot.present(full())));
    assertEquals(1, item.entries().size());
    CborItem data = item.get("Present");
    assertArrayEquals(full().owner().bytes().toArray(), data.get("owner_vk").asBytes());
    assertEquals(42, data.get("last_read").get("position").asLong());
  }

  @Test
  void encodingIsDeterministicWhateverTheInsertionOrder() {
    RoomData a =
        room(1).toBuilder()
            .addInvitationSecret(Bytes.ofInts(2))
            .addInvitationSecret(Bytes.ofInts(1))
            .build();
    RoomData b =
        room(1).toBuilder()
            .addInvitationSecret(Bytes.ofInts(1))
            .addInvitationSecret(Bytes.ofInts(2))
            .build();
    assertArrayEquals(codec.encodeSlot(RoomSlot.present(a)), codec.encodeSlot(RoomSlot.present(b)));
    TreeMap<RoomKey, NotificationMode> m1 = new TreeMap<>();
    m1.put(key(2), NotificationMode.MUTED);
    m1.put(key(1), NotificationMode.ALL);
    RoomsMeta meta = new RoomsMeta(key(1), m1, Arrays.asList(key(2), key(1)));
    assertArrayEquals(
        codec.encodeMeta(meta),
        codec.encodeMeta(new RoomsMeta(key(1), new TreeMap<>(m1), meta.roomOrder())));
  }

  @Test
  void metaRoundTripsAndEveryFieldIsOptional() throws Exception {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    modes.put(key(1), NotificationMode.MENTIONS);
    modes.put(key(2), NotificationMode.MUTED);
    RoomsMeta meta = new RoomsMeta(key(2), modes, Arrays.asList(key(2), key(1)));
    assertEquals(meta, codec.decodeMeta(codec.encodeMeta(meta)));
    assertEquals(RoomsMeta.EMPTY, codec.decodeMeta(Cbor.encode(CborMap.builder().build())));
    assertEquals(RoomsMeta.EMPTY, codec.decodeMeta(codec.encodeMeta(RoomsMeta.EMPTY)));
  }

  @Test
  void unknownNotificationModeDropsOnlyThatEntry() throws Exception {
    CborItem modes =
        CborMap.builder()
            .put(CborItem.bytes(key(1).bytes().toArray()), CborItem.text("FutureMode"))
            .put(CborItem.bytes(key(2).bytes().toArray()), CborItem.text("Muted"))
            .build();
    RoomsMeta m =
        codec.decodeMeta(Cbor.encode(CborMap.builder().put("notification_modes", modes).build()));
    assertEquals(1, m.notificationModes().size());
    assertEquals(NotificationMode.MUTED, m.notificationModes().get(key(2)));
  }

  @Test
  void legacyBlobRoundTrips() throws Exception {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    modes.put(key(1), NotificationMode.MUTED);
    Rooms rooms =
        Rooms.EMPTY
            .withRoom(full())
            .withRoom(room(1))
            .withoutRoom(key(3))
            .withCurrentRoom(key(7))
            .withMode(key(1), NotificationMode.MUTED)
            .withOrder(Arrays.asList(key(7), key(1)));
    assertEquals(rooms, codec.decodeLegacyBlob(codec.encodeLegacyBlob(rooms)));
  }

  @Test
  void unknownFieldsAreIgnoredAndMissingOnesDefault() throws Exception {
    CborItem data =
        CborMap.builder()
            .put("owner_vk", CborItem.bytes(key(4).bytes().toArray()))
            .put("room_state", CborItem.text("a field from a newer client"))
            .build();
    RoomSlot s = codec.decodeSlot(Cbor.encode(CborMap.builder().put("Present", data).build()));
    assertEquals(key(4), s.data().owner());
    assertEquals(LastRead.NONE, s.data().lastRead());
    assertEquals("", s.data().nickname());
  }

  private void assertBad(byte[] b) {
    RoomsDecodeException e = assertThrows(RoomsDecodeException.class, () -> codec.decodeSlot(b));
    assertNotNull(e.getMessage());
  }

  @Test
  void badBytesGiveATypedErrorNeverACrash() {
    assertBad(new byte[0]);
    assertBad(new byte[] {(byte) 0xff});
    assertBad(Arrays.copyOf(codec.encodeSlot(RoomSlot.present(full())), 20));
    assertBad(Cbor.encode(CborItem.text("Gone")));
    assertBad(Cbor.encode(CborItem.uint(5)));
    assertBad(Cbor.encode(CborMap.builder().put("Absent", CborItem.NULL).build()));
    assertBad(Cbor.encode(CborMap.builder().put("Present", CborMap.builder().build()).build()));
    assertBad(
        Cbor.encode(
            CborMap.builder()
                .put(
                    "Present",
                    CborMap.builder().put("owner_vk", CborItem.bytes(new byte[31])).build())
                .build()));
    assertBad(
        Cbor.encode(
            CborMap.builder()
                .put(
                    "Present",
                    CborMap.builder().put("owner_vk", CborItem.text("not bytes")).build())
                .build()));
    assertBad(
        Cbor.encode(
            CborMap.builder()
                .put("Present", CborItem.NULL)
                .put("Tombstone", CborItem.NULL)
                .build()));
    assertThrows(RoomsDecodeException.class, () -> codec.decodeMeta(new byte[] {0x01, 0x02}));
    assertThrows(
        RoomsDecodeException.class, () -> codec.decodeMeta(Cbor.encode(CborItem.text("x"))));
    assertThrows(
        RoomsDecodeException.class, () -> codec.decodeLegacyBlob(Cbor.encode(CborItem.array())));
  }

  @Test
  void legacyBlobRoomFiledUnderAnotherKeyIsRejected() {
    CborItem map =
        CborMap.builder()
            .put(CborItem.bytes(key(1).bytes().toArray()), CborRoomsCodec.roomDataItem(room(2)))
            .build();
    byte[] b = Cbor.encode(CborMap.builder().put("map", map).build());
    assertThrows(RoomsDecodeException.class, () -> codec.decodeLegacyBlob(b));
  }
}
