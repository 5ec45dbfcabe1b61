package river.rooms;

/**
 * The byte encodings of the rooms model as stored in the delegate. Decisions and engines only see
 * this interface, so the CBOR implementation is one file. Contract: encodings are deterministic
 * (equal values give equal bytes: the save engine compares bytes to skip writes), and decoding bad
 * bytes throws {@link RoomsDecodeException}, never anything else.
 */
public interface RoomsCodec {
  byte[] encodeSlot(RoomSlot slot);

  RoomSlot decodeSlot(byte[] bytes) throws RoomsDecodeException;

  byte[] encodeMeta(RoomsMeta meta);

  RoomsMeta decodeMeta(byte[] bytes) throws RoomsDecodeException;

  /** The legacy `rooms_data` value: the whole Rooms in one value. */
  byte[] encodeLegacyBlob(Rooms rooms);

  Rooms decodeLegacyBlob(byte[] bytes) throws RoomsDecodeException;

  /** Value of the migration progress markers (content is informational only). */
  byte[] encodeMarker(String text);
}
