package river.room;

import java.util.Arrays;
import river.cbor.Cbor;

/**
 * An unsigned message as the outbox keeps it: the canonical CBOR of its body, exactly the bytes its
 * author signs. Ed25519 signatures are deterministic, so signing the same pending message again
 * (after a crash, a restart, or in another tab) yields the same signature and hence the same
 * message id: the contract merges it once however often it is sent. Delivery is decided by the
 * room, not by an acknowledgment: once the room state holds a message with these exact signed
 * bytes, the entry is delivered, whichever tab or attempt sent it (an acknowledgment can be lost,
 * or arrive after the room's own update).
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

  public static byte[] encode(DirectMessage unsigned) {
    return unsigned.signedBytes();
  }

  /** True when stored bytes are a direct message's body (else a room message's). */
  public static boolean isDirect(byte[] body) {
    return Cbor.decode(body).get("recipient") != null;
  }

  /** The unsigned direct message; RoomValidationException or CborException for other bytes. */
  public static DirectMessage decodeDirect(byte[] body) {
    return DirectMessage.fromBody(ItemReader.of(Cbor.decode(body), "direct message"), new byte[0]);
  }

  /** Whether {@code state} already holds the direct message whose unsigned body this is. */
  public static boolean deliveredIn(RoomState state, DirectMessage unsigned) {
    if (state == null) {
      return false;
    }
    byte[] body = unsigned.signedBytes();
    for (DirectMessage m : state.directMessages()) {
      if (m.time() == unsigned.time() && Arrays.equals(m.signedBytes(), body)) {
        return true;
      }
    }
    return false;
  }

  /** The room (owner key) a pending message is for. */
  public static byte[] room(RoomMessage m) {
    return Arrays.copyOf(m.roomShared(), m.roomShared().length);
  }

  /** Whether {@code state} already holds the message whose unsigned body is {@code unsigned}. */
  public static boolean deliveredIn(RoomState state, RoomMessage unsigned) {
    if (state == null) {
      return false;
    }
    byte[] body = unsigned.signedBytes();
    for (RoomMessage m : state.messages()) {
      if (m.time() == unsigned.time() && Arrays.equals(m.signedBytes(), body)) {
        return true;
      }
    }
    return false;
  }
}
