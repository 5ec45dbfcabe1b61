package river.client.app;

import elemental2.core.JsDate;
import river.cbor.Utf8;
import river.room.MessageKind;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.wire.Op;

/**
 * Sends a text message: checks it against the room (membership, max message size) so a refusal
 * is immediate and clear, then has the author's node-held key sign it and updates the contract.
 * Delivery to every tab (this one included) is the contract push that follows.
 */
final class MessageSender {
  private final NodeCalls calls;

  MessageSender(NodeCalls calls) {
    this.calls = calls;
  }

  /** The unsigned message, or throws IllegalArgumentException with the reason it cannot be sent. */
  static RoomMessage compose(RoomKey key, RoomData data, RoomState state, String text) {
    if (state == null || state.config() == null) {
      throw new IllegalArgumentException("This room has not loaded yet; try again in a moment.");
    }
    byte[] author = data.verifyingKey().toArray();
    if (!state.isMember(author)) {
      throw new IllegalArgumentException("You are not a member of this room (any more), so you cannot write here.");
    }
    RoomMessage m = new RoomMessage(key.bytes().toArray(), author, (long) JsDate.now(), MessageKind.TEXT, null,
        SealedBytes.publicBytes(Utf8.encode(text)), new byte[0]);
    int max = state.config().maxMessageBytes();
    if (m.contentSize() > max) {
      throw new IllegalArgumentException("This message is too long for the room: " + m.contentSize()
          + " bytes, the room allows " + max + ".");
    }
    return m;
  }

  /** Signs any message (text or an action on one) with the author's key and updates the room. */
  void send(byte[] room, RoomMessage unsigned, NodeCalls.Then<RoomMessage> sent, NodeCalls.Fail fail) {
    calls.sign(room, "message", unsigned.signedBytes(), sig -> {
      RoomMessage signed = unsigned.withSignature(sig);
      byte[] delta = RoomDelta.builder().message(signed).build().encode();
      calls.contract(new Op.Update(room, delta), ok -> sent.accept(signed), fail);
    }, fail);
  }
}
