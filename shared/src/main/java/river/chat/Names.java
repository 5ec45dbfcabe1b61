package river.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import river.cbor.Utf8;
import river.room.AuthorizedMember;
import river.room.MemberInfo;
import river.room.RoomState;
import river.room.SealedBytes;
import river.store.Base58;

/**
 * Display names in a room: the member's nickname from their newest member info, else a short form
 * of their key. Encrypted nicknames are read through a {@link Reader} (the client decrypts); until
 * they can be read they fall back to the key too. A name that looks like another member's ({@link
 * LookAlikes}: "alice" and "аlice", or a nickname made to look like someone's short key) is shown
 * with the member's short key after it, on every member it clashes with: nobody can tell which is
 * the first, so nobody passes for the other.
 */
public final class Names {
  public static final int SHORT_KEY_CHARS = 8;

  private final Map<String, String> nicknames = new HashMap<String, String>();
  private final Map<String, Long> versions = new HashMap<String, Long>();
  private final Map<String, Boolean> left = new HashMap<String, Boolean>();

  /** Every key the room names (owner, members, member infos), in state order. */
  private final Set<String> known = new java.util.LinkedHashSet<String>();

  /** The keys whose name looks like another's; computed on first use. */
  private Set<String> clashing;

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
    if (state.config() != null) {
      n.known.add(Base58.encode(state.owner()));
    }
    for (AuthorizedMember m : state.members()) {
      n.known.add(Base58.encode(m.member()));
    }
    for (MemberInfo info : state.memberInfo()) {
      String k = Base58.encode(info.member());
      n.known.add(k);
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

  /**
   * The name to show: the nickname, else the short key; a nickname that looks like another name is
   * followed by the short key, as "⁨alice⁩ (4xY9abcd…)".
   */
  public String of(byte[] member) {
    String k = Base58.encode(member);
    String nick = nicknames.get(k);
    if (nick == null || nick.isEmpty()) {
      return shortKey(k);
    }
    // The nickname in an isolate (U+2068 … U+2069): an override in it cannot turn the key around.
    return clashing().contains(k) ? "\u2068" + nick + "\u2069 (" + shortKey(k) + ")" : nick;
  }

  /** True when the member's name looks like another member's (and is shown with its key). */
  public boolean looksLikeAnother(byte[] member) {
    return clashing().contains(Base58.encode(member));
  }

  /**
   * The name shown for another member that {@code nickname} would look like if {@code me} took it,
   * or null: what the nickname editor warns about before the user saves.
   */
  public String lookAlikeOf(String nickname, byte[] me) {
    String mine = Base58.encode(me);
    for (String k : known) {
      if (!k.equals(mine) && LookAlikes.alike(nickname, plain(k))) {
        return of(Base58.decode(k));
      }
    }
    return null;
  }

  private Set<String> clashing() {
    if (clashing == null) {
      Map<String, String> shown = new LinkedHashMap<String, String>();
      for (String k : known) {
        shown.put(k, plain(k));
      }
      clashing = LookAlikes.clashing(shown);
    }
    return clashing;
  }

  /** The name without any key after it: the nickname, else the short key. */
  private String plain(String key) {
    String nick = nicknames.get(key);
    return nick != null && !nick.isEmpty() ? nick : shortKey(key);
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
