package river.client.app;

import elemental2.core.JsDate;
import river.room.MessageKind;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * Composes a text message and checks it against the room (membership, max message size) so a
 * refusal is immediate and clear. Sending is the {@link Outbox}'s: stored, signed by the author's
 * node-held key, updated; every tab (this one included) shows it from the contract push.
 */
final class MessageSender {
  private MessageSender() {}

  /** The unsigned message, or throws IllegalArgumentException with the reason it cannot be sent. */
  /** Any kind: a post, a reply, edit or delete of {@code target}, a reaction (content = emoji), an unreact. */
  static RoomMessage compose(RoomKey key, RoomData data, RoomState state, MessageKind kind, byte[] target,
      SealedBytes content) {
    if (state == null || state.config() == null) {
      throw new IllegalArgumentException("This room has not loaded yet; try again in a moment.");
    }
    byte[] author = data.verifyingKey().toArray();
    if (!state.isMember(author)) {
      throw new IllegalArgumentException("You are not a member of this room (any more), so you cannot write here.");
    }
    RoomMessage m = new RoomMessage(key.bytes().toArray(), author, (long) JsDate.now(), kind, target,
        content, new byte[0]);
    int max = state.config().maxMessageBytes();
    if (m.contentSize() > max) {
      throw new IllegalArgumentException("This message is too long for the room: " + m.contentSize()
          + " bytes, the room allows " + max + ".");
    }
    return m;
  }
}
