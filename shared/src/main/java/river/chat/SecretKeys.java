package river.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.room.MemberInfo;
import river.room.RoomState;
import river.room.SecretRotation;
import river.rooms.Bytes;

/**
 * Who gets and who picks up a private room's secret versions (docs/private-rooms.md), as pure
 * answers over the room state and what the user stores: the owner wraps a new version for every
 * current member who published an encryption key; a member unwraps the newest rotation when it
 * holds a wrap for them and they lack that version; a member publishes a key when the room has none
 * of theirs that they can open (in every room: direct messages are sealed to the same key).
 */
public final class SecretKeys {
  private SecretKeys() {}

  /** Current members (the owner too) with a published encryption key: who a new version is for. */
  public static List<MemberInfo> recipients(RoomState state) {
    List<MemberInfo> out = new ArrayList<MemberInfo>();
    for (MemberInfo i : state.memberInfo()) {
      if (i.encryptionKey() != null && state.isMember(i.member())) {
        out.add(i);
      }
    }
    return out;
  }

  /** The rotation {@code me} should unwrap now, or null (none for them, or already held). */
  public static SecretRotation toPickUp(RoomState state, byte[] me, Iterable<Bytes> stored) {
    for (SecretRotation r : state.rotations()) {
      if (r.wrapFor(me) != null && RoomSecrets.find(stored, r.version()) == null) {
        return r;
      }
    }
    return null;
  }

  /** The member's published encryption key in the room, or null. */
  public static byte[] publishedKey(RoomState state, byte[] me) {
    MemberInfo info = infoOf(state, me);
    return info == null ? null : info.encryptionKey();
  }

  /**
   * The private keys to open something sealed to {@code me} with: every one kept, the published
   * key's first ({@link RoomSecrets#privateKeysToTry}).
   */
  public static List<byte[]> keysToOpen(RoomState state, byte[] me, Iterable<Bytes> stored) {
    return RoomSecrets.privateKeysToTry(stored, publishedKey(state, me));
  }

  /** The member's info in the room, or null. */
  public static MemberInfo infoOf(RoomState state, byte[] me) {
    for (MemberInfo i : state.memberInfo()) {
      if (Arrays.equals(i.member(), me)) {
        return i;
      }
    }
    return null;
  }

  /**
   * True when {@code me} should make a key pair and publish it now: a room they are a current
   * member of, with their info there, and no published key whose private half they store; and
   * either a private room (its secret versions are wrapped to the key, so every member needs one as
   * soon as possible) or a room the user has open ({@code shown}: in a public room the key only
   * receives direct messages, so it is made when the user opens the room, not for every room a tab
   * lists: 500 rooms would otherwise cost 500 key pairs and member-info updates, in every tab at
   * once, the first time a profile loads).
   */
  public static boolean needsKey(
      RoomState state, byte[] me, Iterable<Bytes> stored, boolean shown) {
    if (state.config() == null || !state.isMember(me)) {
      return false;
    }
    if (!shown && !state.config().isPrivate()) {
      return false;
    }
    MemberInfo info = infoOf(state, me);
    if (info == null) {
      return false;
    }
    byte[] published = info.encryptionKey();
    return published == null || RoomSecrets.privateKeyFor(stored, published) == null;
  }
}
