package river.actions;

import river.room.MessageKind;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * Composes a message of any kind (a post, a reply, an edit or delete of the author's own message, a
 * reaction with the emoji as content, an unreact) and checks it against the room so a refusal is
 * immediate and clear. Sending is the outbox's: stored, signed by the author's node-held key, sent;
 * every tab shows it from the contract push.
 */
public final class Compose {
  private Compose() {}

  /**
   * Whether a send in this room waits instead of being refused: the user holds the room but its
   * state has not arrived yet (just joined or created, or the tab is still loading its rooms), and
   * nobody has said it cannot arrive ({@code answered}: the node answered the fetch, with a state
   * or a refusal). The composer keeps the text meanwhile (its draft is stored) and sends it when
   * the state comes; once it is here, {@link #message} decides.
   */
  public static boolean waitsForState(RoomData data, RoomState state, boolean answered) {
    return data != null && state == null && !answered;
  }

  /** The unsigned message, or throws IllegalArgumentException with what the user reads. */
  public static RoomMessage message(
      RoomKey key,
      RoomData data,
      RoomState state,
      long now,
      MessageKind kind,
      byte[] target,
      SealedBytes content) {
    String problem = RoomEdits.usable(data, state);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    RoomMessage m =
        new RoomMessage(
            key.bytes().toArray(),
            data.verifyingKey().toArray(),
            now,
            kind,
            target,
            content,
            new byte[0]);
    problem = RoomTexts.checkMessage(m.contentSize(), state.config().maxMessageBytes());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return m;
  }
}
