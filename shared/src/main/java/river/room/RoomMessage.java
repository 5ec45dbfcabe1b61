package river.room;

import java.util.Arrays;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A message: body {"room", "author": key, "time": uint ms, "kind": text, "target": bytes(64) or
 * null, "content": SealedBytes}, signed by the author. The message id is the signature: unique,
 * unforgeable, and known as soon as the author signed (hazard: an id derived from the content would
 * make two identical messages one). Messages are ordered by (time, id); the newest {@code
 * max_recent_messages} are kept. The size limit applies to the encoded content.
 */
public final class RoomMessage extends SignedItem {
  private final byte[] room;
  private final byte[] author;
  private final long time;
  private final MessageKind kind;
  private final byte[] target;
  private final SealedBytes content;

  public RoomMessage(
      byte[] room,
      byte[] author,
      long time,
      MessageKind kind,
      byte[] target,
      SealedBytes content,
      byte[] signature) {
    super(signature);
    if (time < 0 || kind.hasTarget() != (target != null)) {
      throw new IllegalArgumentException("time must be >= 0; only non-text kinds have a target");
    }
    if (target != null && target.length != ItemReader.SIGNATURE_BYTES) {
      throw new IllegalArgumentException("target must be a 64-byte message id");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.author = Arrays.copyOf(author, author.length);
    this.time = time;
    this.kind = kind;
    this.target = target == null ? null : Arrays.copyOf(target, target.length);
    this.content = content;
  }

  public RoomMessage withSignature(byte[] signature) {
    return new RoomMessage(room, author, time, kind, target, content, signature);
  }

  public byte[] author() {
    return Arrays.copyOf(author, author.length);
  }

  byte[] authorShared() {
    return author;
  }

  byte[] roomShared() {
    return room;
  }

  public long time() {
    return time;
  }

  public MessageKind kind() {
    return kind;
  }

  /** The target message id, or null for TEXT. */
  public byte[] target() {
    return target == null ? null : Arrays.copyOf(target, target.length);
  }

  public SealedBytes content() {
    return content;
  }

  /** The message id: its signature. */
  public byte[] id() {
    return signature();
  }

  /** Bytes counted against max_message_bytes. */
  public int contentSize() {
    return Cbor.encode(content.toCbor()).length;
  }

  @Override
  byte[] expectedSigner() {
    return author;
  }

  @Override
  public CborItem body() {
    return CborMap.builder()
        .put("room", CborItem.bytes(room))
        .put("author", CborItem.bytes(author))
        .put("time", CborItem.uint(time))
        .put("kind", CborItem.text(kind.wireName()))
        .put("target", target == null ? CborItem.NULL : CborItem.bytes(target))
        .put("content", content.toCbor())
        .build();
  }

  public static RoomMessage fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "message"), signatureOf(item, "message"));
  }

  static RoomMessage fromBody(ItemReader b, byte[] signature) {
    MessageKind kind = MessageKind.fromWire(b.text("kind"));
    CborItem t = b.optional("target");
    byte[] target = null;
    if (t != null) {
      target = b.bytes("target", ItemReader.SIGNATURE_BYTES);
    }
    if (kind.hasTarget() != (target != null)) {
      throw new RoomValidationException(
          "message: "
              + kind.wireName()
              + (kind.hasTarget() ? " needs a target" : " takes no target"));
    }
    return new RoomMessage(
        b.key("room"),
        b.key("author"),
        b.uint("time"),
        kind,
        target,
        SealedBytes.fromCbor(b.any("content"), "content"),
        signature);
  }

  /** Order of retention: older first; ties by id. */
  static int compareAge(RoomMessage a, RoomMessage b) {
    if (a.time != b.time) {
      return a.time < b.time ? -1 : 1;
    }
    return UnsignedBytes.compare(a.signatureShared(), b.signatureShared());
  }
}
