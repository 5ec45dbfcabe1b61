package river.actions;

import java.util.Arrays;
import river.cbor.Utf8;
import river.chat.SecretKeys;
import river.room.MemberInfo;
import river.room.RoomState;

/**
 * What a person reads when a direct message cannot go out or be opened, and the checks behind it
 * (one place: the composer asks these rather than copying a limit). Words for the user: no keys,
 * codes or request names.
 */
public final class DmTexts {
  public static final String NO_CRYPTO =
      "Direct messages need a secure page (https or localhost) in a current browser.";
  public static final String OWN_KEY_NOT_READY =
      "Your key for direct messages is not ready yet; try again in a moment.";
  public static final String CANNOT_OPEN = "(encrypted)";
  public static final String NOT_YOURS =
      "Only the sender or the recipient can delete a direct message.";
  public static final String EMPTY = "Type a message first.";

  private DmTexts() {}

  /** Null when {@code peer} can receive a direct message from {@code me} now; else why not. */
  public static String checkPeer(RoomState state, byte[] me, byte[] peer, String peerName) {
    if (Arrays.equals(me, peer)) {
      return "A direct message goes to another member, not to yourself.";
    }
    if (!state.isMember(peer)) {
      return peerName + " is no longer a member of this room.";
    }
    MemberInfo info = SecretKeys.infoOf(state, peer);
    if (info == null || info.encryptionKey() == null) {
      return peerName + " can receive direct messages once they open this room.";
    }
    return null;
  }

  /** Null when {@code text} can be sent in a room whose messages hold {@code maxBytes}. */
  public static String checkText(String text, int maxBytes) {
    if (text == null || text.trim().isEmpty()) {
      return EMPTY;
    }
    return RoomTexts.checkMessage(Utf8.encode(text).length, maxBytes);
  }
}
