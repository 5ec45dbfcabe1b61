package river.chat;

import java.util.ArrayList;
import java.util.List;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.room.Invitation;
import river.rooms.Bytes;

/**
 * A private room's secrets as the user keeps them in RoomData.invitationSecrets (opaque bytes
 * there): each entry is the canonical CBOR {"version": uint, "secret": bytes(32)}, the same shape
 * an invitation carries. Unreadable entries are skipped, never fatal.
 */
public final class RoomSecrets {
  public static final int SECRET_BYTES = 32;

  private RoomSecrets() {}

  public static Bytes encode(long version, byte[] secret) {
    if (secret.length != SECRET_BYTES || version < 0) {
      throw new IllegalArgumentException("a room secret is 32 bytes with a version >= 0");
    }
    return Bytes.of(
        Cbor.encode(
            CborMap.builder()
                .put("version", CborItem.uint(version))
                .put("secret", CborItem.bytes(secret))
                .build()));
  }

  /** The secret of {@code version} among the stored entries, or null. */
  public static byte[] find(Iterable<Bytes> stored, long version) {
    for (Invitation.RoomSecret s : decodeAll(stored)) {
      if (s.version() == version) {
        return s.secret();
      }
    }
    return null;
  }

  /** The newest stored secret, or null when there is none. */
  public static Invitation.RoomSecret newest(Iterable<Bytes> stored) {
    Invitation.RoomSecret best = null;
    for (Invitation.RoomSecret s : decodeAll(stored)) {
      if (best == null || s.version() > best.version()) {
        best = s;
      }
    }
    return best;
  }

  public static List<Invitation.RoomSecret> decodeAll(Iterable<Bytes> stored) {
    List<Invitation.RoomSecret> out = new ArrayList<Invitation.RoomSecret>();
    for (Bytes b : stored) {
      try {
        CborItem item = Cbor.decode(b.toArray());
        CborItem v = item.get("version");
        CborItem s = item.get("secret");
        if (v == null || s == null) {
          continue;
        }
        byte[] secret = s.asBytes();
        if (secret.length == SECRET_BYTES) {
          out.add(new Invitation.RoomSecret(v.asLong(), secret));
        }
      } catch (RuntimeException unreadable) {
        // skipped: another version's format, or damage
      }
    }
    return out;
  }
}
