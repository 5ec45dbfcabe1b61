package river.chat;

import java.util.HashMap;
import java.util.Map;
import river.cbor.Utf8;
import river.room.MemberInfo;
import river.room.RoomState;
import river.room.SealedBytes;
import river.store.Base58;

/**
 * Display names in a room: the member's nickname from their newest member info, else a short form
 * of their key. Encrypted nicknames are read through a {@link Reader} (the client decrypts); until
 * they can be read they fall back to the key too.
 */
public final class Names {
  public static final int SHORT_KEY_CHARS = 8;

  private final Map<String, String> nicknames = new HashMap<String, String>();
  private final Map<String, Long> versions = new HashMap<String, Long>();
  private final Map<String, Boolean> left = new HashMap<String, Boolean>();

  private Names() {}

  /** Reads a (possibly encrypted) nickname; null when it cannot be read (yet). */
  public interface Reader {
    String read(SealedBytes nickname);
  }

  public static Names of(RoomState state) {
    return of(state, null);
  }

  public static Names of(RoomState state, Reader reader) {
    Names n = new Names();
    if (state == null) {
      return n;
    }
    for (MemberInfo info : state.memberInfo()) {
      String k = Base58.encode(info.member());
      Long v = n.versions.get(k);
      if (v == null || info.version() > v) {
        n.versions.put(k, info.version());
        n.left.put(k, info.left());
        n.nicknames.remove(k);
        String text = null;
        if (info.nickname().isPrivate()) {
          text = reader == null ? null : reader.read(info.nickname());
        } else {
          byte[] data = info.nickname().data();
          try {
            text = Utf8.decode(data, 0, data.length);
          } catch (RuntimeException notText) {
            // an undecodable nickname shows as the key
          }
        }
        if (text != null) {
          n.nicknames.put(k, text);
        }
      }
    }
    return n;
  }

  public String of(byte[] member) {
    String k = Base58.encode(member);
    String nick = nicknames.get(k);
    return nick != null && !nick.isEmpty() ? nick : shortKey(k);
  }

  /** The nickname alone, or null when the member has none. */
  public String nickname(byte[] member) {
    return nicknames.get(Base58.encode(member));
  }

  /**
   * True when the member's newest info says they left the room: the member list leaves them out,
   * their messages keep their name.
   */
  public boolean hasLeft(byte[] member) {
    return Boolean.TRUE.equals(left.get(Base58.encode(member)));
  }

  public long version(byte[] member) {
    Long v = versions.get(Base58.encode(member));
    return v == null ? 0 : v;
  }

  public static String shortKey(String base58) {
    return base58.length() <= SHORT_KEY_CHARS ? base58 : base58.substring(0, SHORT_KEY_CHARS) + "…";
  }
}
