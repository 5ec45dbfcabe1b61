package river.client.app;

import elemental2.dom.DomGlobal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import river.cbor.Utf8;
import river.chat.RoomSecrets;
import river.room.SealedBytes;
import river.rooms.RoomData;
import river.store.Base58;

/**
 * Text of room content for display: public bytes decode at once; private ones are decrypted in the
 * background with the room's secret (of the value's version) and cached, and the screen is
 * re-rendered once they are ready (meanwhile "…"). Content whose secret we do not hold, or that
 * does not decrypt, says so instead.
 */
final class Texts {
  static final String DECRYPTING = "…";
  static final String NO_KEY = "(encrypted)";
  static final String UNREADABLE = "(unreadable)";

  private final RoomCipher cipher;
  private final Runnable changed;
  private final Map<String, String> plain = new HashMap<>();
  private final Set<String> started = new HashSet<>();
  private boolean renderQueued;

  Texts(RoomCipher cipher, Runnable changed) {
    this.cipher = cipher;
    this.changed = changed;
  }

  static String utf8(byte[] b) {
    try {
      return Utf8.decode(b, 0, b.length);
    } catch (RuntimeException e) {
      return UNREADABLE;
    }
  }

  /** The text, or null while it is being decrypted or when it cannot be (see {@link #read}). */
  String readOrNull(RoomData data, SealedBytes content) {
    String s = read(data, content);
    return s == DECRYPTING || s == NO_KEY || s == UNREADABLE ? null : s;
  }

  String read(RoomData data, SealedBytes content) {
    if (!content.isPrivate()) {
      return utf8(content.data());
    }
    String id =
        Base58.encode(content.nonce())
            + ":"
            + content.secretVersion()
            + ":"
            + Base58.encode(content.data());
    String known = plain.get(id);
    if (known != null) {
      return known;
    }
    byte[] secret =
        data == null ? null : RoomSecrets.find(data.invitationSecrets(), content.secretVersion());
    if (secret == null) {
      return NO_KEY;
    }
    if (started.add(id)) {
      cipher.decrypt(
          secret, content, bytes -> done(id, utf8(bytes)), problem -> done(id, UNREADABLE));
    }
    return DECRYPTING;
  }

  private void done(String id, String text) {
    plain.put(id, text);
    if (!renderQueued) {
      renderQueued = true;
      DomGlobal.setTimeout(
          ignored -> {
            renderQueued = false;
            changed.run();
          },
          0);
    }
  }
}
