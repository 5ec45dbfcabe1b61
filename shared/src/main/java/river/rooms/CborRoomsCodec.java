package river.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import river.cbor.Cbor;
import river.cbor.CborEntry;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * The CBOR encodings of the rooms model (DESIGN "What the app stores in the delegate"). RoomSlot is
 * `{"Present": RoomData}` or `"Tombstone"`; maps keyed by room use the 32-byte key as a CBOR byte
 * string, written in key order; struct fields are snake_case text keys written in a fixed order, so
 * equal values always give equal bytes. Decoding ignores unknown fields, treats missing optional
 * fields as empty, drops unknown notification modes, and turns every malformed input into a {@link
 * RoomsDecodeException}. Hazard: any RuntimeException escaping a decode would crash a load, so
 * every decode funnels through one catch.
 */
public final class CborRoomsCodec implements RoomsCodec {
  private static final String PRESENT = "Present";
  private static final String TOMBSTONE = "Tombstone";

  @Override
  public byte[] encodeSlot(RoomSlot slot) {
    return Cbor.encode(slotItem(slot));
  }

  @Override
  public RoomSlot decodeSlot(byte[] bytes) throws RoomsDecodeException {
    RoomSlot usual = SlotReader.read(bytes); // null: not the shape written here; the tree decides
    if (usual != null) {
      return usual;
    }
    try {
      return slotFrom(Cbor.decode(bytes));
    } catch (RuntimeException e) {
      throw fail("room slot", e);
    }
  }

  @Override
  public byte[] encodeMeta(RoomsMeta meta) {
    return Cbor.encode(
        CborMap.builder()
            .put("current_room_key", keyOrNull(meta.currentRoom()))
            .put("notification_modes", modesItem(meta.notificationModes()))
            .put("room_order", keysItem(meta.roomOrder()))
            .build());
  }

  @Override
  public RoomsMeta decodeMeta(byte[] bytes) throws RoomsDecodeException {
    try {
      CborItem m = Cbor.decode(bytes);
      return new RoomsMeta(
          optionalKey(m.get("current_room_key")),
          modesFrom(m.get("notification_modes")),
          keysFrom(m.get("room_order")));
    } catch (RuntimeException e) {
      throw fail("rooms_meta", e);
    }
  }

  @Override
  public byte[] encodeLegacyBlob(Rooms rooms) {
    CborMap.Builder map = CborMap.builder();
    for (RoomData d : rooms.map().values()) {
      map.put(CborItem.bytes(d.owner().bytes().toArray()), roomDataItem(d));
    }
    return Cbor.encode(
        CborMap.builder()
            .put("map", map.build())
            .put("current_room_key", keyOrNull(rooms.currentRoom()))
            .put("removed_rooms", keysItem(new ArrayList<RoomKey>(rooms.removed())))
            .put("notification_modes", modesItem(rooms.notificationModes()))
            .put("room_order", keysItem(rooms.roomOrder()))
            .build());
  }

  @Override
  public Rooms decodeLegacyBlob(byte[] bytes) throws RoomsDecodeException {
    try {
      CborItem m = Cbor.decode(bytes);
      TreeMap<RoomKey, RoomData> map = new TreeMap<RoomKey, RoomData>();
      CborItem rooms = m.get("map");
      if (rooms != null) {
        for (CborEntry e : rooms.entries()) {
          RoomKey k = key(e.key());
          RoomData d = roomDataFrom(e.value());
          if (!d.owner().equals(k)) {
            throw new RoomsDecodeException("rooms_data map key " + k + " holds room " + d.owner());
          }
          map.put(k, d);
        }
      }
      TreeSet<RoomKey> removed = new TreeSet<RoomKey>(keysFrom(m.get("removed_rooms")));
      return new Rooms(
          map,
          removed,
          optionalKey(m.get("current_room_key")),
          modesFrom(m.get("notification_modes")),
          keysFrom(m.get("room_order")));
    } catch (RoomsDecodeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail("rooms_data", e);
    }
  }

  @Override
  public byte[] encodeMarker(String text) {
    return Cbor.encode(CborItem.text(text));
  }

  // ---- RoomSlot / RoomData ----

  static CborItem slotItem(RoomSlot slot) {
    if (slot.isTombstone()) {
      return CborItem.text(TOMBSTONE);
    }
    return CborMap.builder().put(PRESENT, roomDataItem(slot.data())).build();
  }

  static RoomSlot slotFrom(CborItem item) throws RoomsDecodeException {
    if (item.kind() == CborKind.TEXT) {
      if (TOMBSTONE.equals(item.asText())) {
        return RoomSlot.TOMBSTONE;
      }
      throw new RoomsDecodeException("unknown room slot variant " + item.asText());
    }
    List<CborEntry> entries = item.entries();
    if (entries.size() != 1) {
      throw new RoomsDecodeException("room slot map must have one entry, has " + entries.size());
    }
    CborEntry e = entries.get(0);
    if (e.key().kind() != CborKind.TEXT || !PRESENT.equals(e.key().asText())) {
      throw new RoomsDecodeException("unknown room slot variant " + e.key());
    }
    return RoomSlot.present(roomDataFrom(e.value()));
  }

  static CborItem roomDataItem(RoomData d) {
    List<CborItem> secrets = new ArrayList<CborItem>();
    for (Bytes s : d.invitationSecrets()) {
      secrets.add(CborItem.bytes(s.toArray()));
    }
    CborMap.Builder b =
        CborMap.builder()
            .put("owner_vk", CborItem.bytes(d.owner().bytes().toArray()))
            .put("self_sk", CborItem.bytes(d.signingKey().toArray()))
            .put("self_vk", CborItem.bytes(d.verifyingKey().toArray()))
            .put("membership", CborItem.bytes(d.membership().toArray()))
            .put("identity_generation", CborItem.uint(d.identityGeneration()))
            .put("nickname", CborItem.text(d.nickname()))
            .put("nickname_version", CborItem.uint(d.nicknameVersion()))
            .put(
                "last_read",
                CborMap.builder()
                    .put("position", CborItem.uint(d.lastRead().position()))
                    .put("message_id", CborItem.bytes(d.lastRead().messageId().toArray()))
                    .build())
            .put("invitation_secrets", CborItem.array(secrets))
            .put("contract_key", CborItem.bytes(d.contractKey().toArray()));
    // Only when set: room data written before DMs (or hiding, deputies, an asked nickname) keeps
    // its
    // bytes.
    if (!d.dmRead().isEmpty()) {
      b.put("dm_read", marksItem(d.dmRead()));
    }
    if (!d.dmHidden().isEmpty()) {
      b.put("dm_hidden", marksItem(d.dmHidden()));
    }
    if (d.nicknameAskedAt() != 0) {
      b.put("nickname_asked", CborItem.uint(d.nicknameAskedAt()));
    }
    if (!d.deputyMarks().isEmpty()) {
      CborMap.Builder marks = CborMap.builder();
      for (Map.Entry<Bytes, Long> e : d.deputyMarks().entrySet()) {
        marks.put(CborItem.bytes(e.getKey().toArray()), CborItem.uint(e.getValue()));
      }
      b.put("deputies", marks.build());
    }
    return b.build();
  }

  /** Per-peer marks: {@code {peer key (bytes): {"position", "message_id"}}}. */
  private static CborItem marksItem(Map<Bytes, LastRead> marks) {
    CborMap.Builder m = CborMap.builder();
    for (Map.Entry<Bytes, LastRead> e : marks.entrySet()) {
      m.put(CborItem.bytes(e.getKey().toArray()), readItem(e.getValue()));
    }
    return m.build();
  }

  private static Map<Bytes, LastRead> marksFrom(CborItem item) {
    Map<Bytes, LastRead> marks = new TreeMap<Bytes, LastRead>();
    if (item != null && !item.isNull()) {
      for (CborEntry e : item.entries()) {
        CborItem r = e.value();
        marks.put(
            Bytes.of(e.key().asBytes()),
            new LastRead(optionalUint(r.get("position")), optionalBytes(r.get("message_id"))));
      }
    }
    return marks;
  }

  private static CborItem readItem(LastRead r) {
    return CborMap.builder()
        .put("position", CborItem.uint(r.position()))
        .put("message_id", CborItem.bytes(r.messageId().toArray()))
        .build();
  }

  static RoomData roomDataFrom(CborItem m) throws RoomsDecodeException {
    CborItem owner = m.get("owner_vk");
    if (owner == null) {
      throw new RoomsDecodeException("room data without owner_vk");
    }
    RoomData.Builder b =
        RoomData.builder(key(owner))
            .signingKey(optionalBytes(m.get("self_sk")))
            .verifyingKey(optionalBytes(m.get("self_vk")))
            .membership(optionalBytes(m.get("membership")))
            .identityGeneration(optionalUint(m.get("identity_generation")))
            .nickname(m.get("nickname") == null ? "" : m.get("nickname").asText())
            .nicknameVersion(optionalUint(m.get("nickname_version")))
            .nicknameAskedAt(optionalUint(m.get("nickname_asked")))
            .contractKey(optionalBytes(m.get("contract_key")));
    CborItem read = m.get("last_read");
    if (read != null && !read.isNull()) {
      b.lastRead(
          new LastRead(optionalUint(read.get("position")), optionalBytes(read.get("message_id"))));
    }
    b.dmRead(marksFrom(m.get("dm_read"))).dmHidden(marksFrom(m.get("dm_hidden")));
    CborItem deputies = m.get("deputies");
    if (deputies != null && !deputies.isNull()) {
      for (CborEntry e : deputies.entries()) {
        b.deputyMark(Bytes.of(e.key().asBytes()), e.value().asLong());
      }
    }
    CborItem secrets = m.get("invitation_secrets");
    if (secrets != null) {
      for (CborItem s : secrets.items()) {
        b.addInvitationSecret(Bytes.of(s.asBytes()));
      }
    }
    return b.build();
  }

  // ---- small pieces ----

  private static RoomsDecodeException fail(String what, RuntimeException e) {
    String why = e instanceof CborException ? "bad CBOR: " : "bad shape: ";
    return new RoomsDecodeException("cannot decode " + what + ": " + why + e.getMessage(), e);
  }

  private static RoomKey key(CborItem item) {
    return RoomKey.of(Bytes.of(item.asBytes()));
  }

  private static CborItem keyOrNull(RoomKey k) {
    return k == null ? CborItem.NULL : CborItem.bytes(k.bytes().toArray());
  }

  private static RoomKey optionalKey(CborItem item) {
    return item == null || item.isNull() ? null : key(item);
  }

  private static Bytes optionalBytes(CborItem item) {
    return item == null || item.isNull() ? Bytes.EMPTY : Bytes.of(item.asBytes());
  }

  private static long optionalUint(CborItem item) {
    return item == null || item.isNull() ? 0 : item.asLong();
  }

  private static CborItem keysItem(List<RoomKey> keys) {
    List<CborItem> out = new ArrayList<CborItem>();
    for (RoomKey k : keys) {
      out.add(CborItem.bytes(k.bytes().toArray()));
    }
    return CborItem.array(out);
  }

  private static List<RoomKey> keysFrom(CborItem item) {
    List<RoomKey> out = new ArrayList<RoomKey>();
    if (item == null || item.isNull()) {
      return out;
    }
    for (CborItem k : item.items()) {
      out.add(key(k));
    }
    return out;
  }

  private static CborItem modesItem(Map<RoomKey, NotificationMode> modes) {
    CborMap.Builder b = CborMap.builder();
    for (Map.Entry<RoomKey, NotificationMode> e :
        new TreeMap<RoomKey, NotificationMode>(modes).entrySet()) {
      b.put(CborItem.bytes(e.getKey().bytes().toArray()), CborItem.text(e.getValue().wireName()));
    }
    return b.build();
  }

  private static TreeMap<RoomKey, NotificationMode> modesFrom(CborItem item) {
    TreeMap<RoomKey, NotificationMode> out = new TreeMap<RoomKey, NotificationMode>();
    if (item == null || item.isNull()) {
      return out;
    }
    for (CborEntry e : item.entries()) {
      NotificationMode mode =
          e.value().kind() == CborKind.TEXT
              ? NotificationMode.fromWireName(e.value().asText())
              : null;
      if (mode != null) {
        out.put(key(e.key()), mode);
      }
    }
    return out;
  }
}
