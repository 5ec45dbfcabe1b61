package river.room;

import river.cbor.Cbor;

/**
 * An unsigned message as the outbox keeps it: the canonical CBOR of its body, exactly the bytes
 * its author signs. Ed25519 signatures are deterministic, so signing the same pending message
 * again (after a crash, a restart, or in another tab) yields the same signature and hence the same
 * message id: the contract merges it once however often it is sent.
 */
public final class PendingMessage {
  private PendingMessage() {}

  public static byte[] encode(RoomMessage unsigned) {
    return unsigned.signedBytes();
  }

  /** The unsigned message; RoomValidationException or CborException for bytes that are not one. */
  public static RoomMessage decode(byte[] body) {
    return RoomMessage.fromBody(ItemReader.of(Cbor.decode(body), "message"), new byte[0]);
  }

  /** The room (owner key) a pending message is for. */
  public static byte[] room(RoomMessage m) {
    return java.util.Arrays.copyOf(m.roomShared(), m.roomShared().length);
  }
}
