package river.chat;

import java.util.HashMap;
import java.util.Map;
import river.cbor.Utf8;
import river.room.MemberInfo;
import river.room.RoomState;
import river.store.Base58;

/**
 * Display names in a room: the member's nickname from their newest member info, else a short
 * form of their key. Private (encrypted) nicknames are not readable here and fall back too.
 */
public final class Names {
  public static final int SHORT_KEY_CHARS = 8;

  private final Map<String, String> nicknames = new HashMap<String, String>();
  private final Map<String, Long> versions = new HashMap<String, Long>();

  private Names() {}

  public static Names of(RoomState state) {
    Names n = new Names();
    if (state == null) {
      return n;
    }
    for (MemberInfo info : state.memberInfo()) {
      if (info.nickname().isPrivate()) {
        continue;
      }
      String k = Base58.encode(info.member());
      Long v = n.versions.get(k);
      if (v == null || info.version() > v) {
        byte[] data = info.nickname().data();
        try {
          n.nicknames.put(k, Utf8.decode(data, 0, data.length));
          n.versions.put(k, info.version());
        } catch (RuntimeException notText) {
          // an undecodable nickname shows as the key
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

  public long version(byte[] member) {
    Long v = versions.get(Base58.encode(member));
    return v == null ? 0 : v;
  }

  public static String shortKey(String base58) {
    return base58.length() <= SHORT_KEY_CHARS ? base58 : base58.substring(0, SHORT_KEY_CHARS) + "…";
  }
}
