package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A signed tombstone that removes a direct message: body {"room", "dm": bytes(64) (the DM's id, its
 * signature), "sender": key, "recipient": key, "by": key, "time": uint ms}, signed by {@code by},
 * who must be the DM's sender or recipient. The tombstone names the DM's parties itself, so the
 * contract can judge it even when the DM has not arrived (or was already dropped); the merge
 * removes a DM only when id AND parties match, so a tombstone that lies about the parties removes
 * nothing.
 */
public final class DmDelete extends SignedItem {
  private final byte[] room;
  private final byte[] dm;
  private final byte[] sender;
  private final byte[] recipient;
  private final byte[] by;
  private final long time;

  public DmDelete(
      byte[] room,
      byte[] dm,
      byte[] sender,
      byte[] recipient,
      byte[] by,
      long time,
      byte[] signature) {
    super(signature);
    if (time < 0 || dm.length != ItemReader.SIGNATURE_BYTES) {
      throw new IllegalArgumentException("time >= 0 and a 64-byte DM id");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.dm = Arrays.copyOf(dm, dm.length);
    this.sender = Arrays.copyOf(sender, sender.length);
    this.recipient = Arrays.copyOf(recipient, recipient.length);
    this.by = Arrays.copyOf(by, by.length);
    this.time = time;
  }

  /** The unsigned tombstone of {@code m}, to be signed by {@code by}. */
  public static DmDelete of(DirectMessage m, byte[] by, long time) {
    return new DmDelete(
        m.roomShared(), m.idShared(), m.senderShared(), m.recipientShared(), by, time, new byte[0]);
  }

  public DmDelete withSignature(byte[] signature) {
    return new DmDelete(room, dm, sender, recipient, by, time, signature);
  }

  byte[] roomShared() {
    return room;
  }

  public byte[] dm() {
    return Arrays.copyOf(dm, dm.length);
  }

  byte[] dmShared() {
    return dm;
  }

  byte[] senderShared() {
    return sender;
  }

  byte[] recipientShared() {
    return recipient;
  }

  public byte[] by() {
    return Arrays.copyOf(by, by.length);
  }

  byte[] byShared() {
    return by;
  }

  public long time() {
    return time;
  }

  /** True when this tombstone removes {@code m}: same id and same parties. */
  public boolean removes(DirectMessage m) {
    return Arrays.equals(dm, m.idShared())
        && Arrays.equals(sender, m.senderShared())
        && Arrays.equals(recipient, m.recipientShared());
  }

  @Override
  byte[] expectedSigner() {
    return by;
  }

  @Override
  public CborItem body() {
    return CborMap.builder()
        .put("room", CborItem.bytes(room))
        .put("dm", CborItem.bytes(dm))
        .put("sender", CborItem.bytes(sender))
        .put("recipient", CborItem.bytes(recipient))
        .put("by", CborItem.bytes(by))
        .put("time", CborItem.uint(time))
        .build();
  }

  public static DmDelete fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "dm delete"), signatureOf(item, "dm delete"));
  }

  static DmDelete fromBody(ItemReader b, byte[] signature) {
    return new DmDelete(
        b.key("room"),
        b.bytes("dm", ItemReader.SIGNATURE_BYTES),
        b.key("sender"),
        b.key("recipient"),
        b.key("by"),
        b.uint("time"),
        signature);
  }
}
