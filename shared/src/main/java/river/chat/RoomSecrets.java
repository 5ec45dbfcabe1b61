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
 * an invitation carries. The member's encryption key pair for the room (private rooms, see
 * docs/private-rooms.md) is kept beside them as {"ecdh_public": bytes(65), "ecdh_private": PKCS#8
 * bytes}: the same set, merged by union, so two tabs that each made a pair keep both. Unreadable
 * entries are skipped, never fatal.
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

  public static Bytes encodeKeyPair(byte[] publicKey65, byte[] privateKey) {
    return Bytes.of(
        Cbor.encode(
            CborMap.builder()
                .put("ecdh_public", CborItem.bytes(publicKey65))
                .put("ecdh_private", CborItem.bytes(privateKey))
                .build()));
  }

  /**
   * Every private key kept for this room, the one for {@code published} (the key the room shows
   * now, may be null) first, then the others in the order kept, each once. Why all of them: two
   * tabs of one profile that both saw the member without a key each publish one, and what was
   * sealed to the first (a direct message, a secret version's wrap) must still open after the
   * second replaced it.
   */
  public static List<byte[]> privateKeysToTry(Iterable<Bytes> stored, byte[] published) {
    List<byte[]> keys = new ArrayList<byte[]>();
    byte[] first = published == null ? null : privateKeyFor(stored, published);
    if (first != null) {
      keys.add(first);
    }
    for (Bytes b : stored) {
      byte[] priv = pairedPrivate(b);
      if (priv != null && !containsKey(keys, priv)) {
        keys.add(priv);
      }
    }
    return keys;
  }

  /**
   * The public half of the first key pair kept for this room (in the set's byte order), or null. A
   * tab that must publish a key publishes this one when there is one: a second tab of the profile
   * that saw the member without a key, after the first stored its pair but before its publish
   * landed, then publishes the same key and replaces nothing.
   */
  public static byte[] keptPublicKey(Iterable<Bytes> stored) {
    for (Bytes b : stored) {
      if (pairedPrivate(b) != null) {
        return Cbor.decode(b.toArray()).get("ecdh_public").asBytes();
      }
    }
    return null;
  }

  private static byte[] pairedPrivate(Bytes entry) {
    try {
      CborItem item = Cbor.decode(entry.toArray());
      CborItem pub = item.get("ecdh_public");
      CborItem priv = item.get("ecdh_private");
      return pub != null && priv != null ? priv.asBytes() : null;
    } catch (RuntimeException unreadable) {
      return null; // skipped, as everywhere here
    }
  }

  private static boolean containsKey(List<byte[]> keys, byte[] key) {
    for (byte[] k : keys) {
      if (java.util.Arrays.equals(k, key)) {
        return true;
      }
    }
    return false;
  }

  /** The private key stored for {@code publicKey65}, or null. */
  public static byte[] privateKeyFor(Iterable<Bytes> stored, byte[] publicKey65) {
    for (Bytes b : stored) {
      try {
        CborItem item = Cbor.decode(b.toArray());
        CborItem pub = item.get("ecdh_public");
        CborItem priv = item.get("ecdh_private");
        if (pub != null && priv != null && java.util.Arrays.equals(pub.asBytes(), publicKey65)) {
          return priv.asBytes();
        }
      } catch (RuntimeException unreadable) {
        // skipped
      }
    }
    return null;
  }

  /** Secrets as one CBOR array of entries (what a rotation seals as its earlier versions). */
  public static byte[] encodeList(List<Invitation.RoomSecret> secrets) {
    List<CborItem> items = new ArrayList<CborItem>();
    for (Invitation.RoomSecret s : secrets) {
      items.add(Cbor.decode(encode(s.version(), s.secret()).toArray()));
    }
    return Cbor.encode(CborItem.array(items));
  }

  /** The entries of {@link #encodeList} bytes, ready to store; empty when unreadable. */
  public static List<Bytes> decodeList(byte[] list) {
    List<Bytes> out = new ArrayList<Bytes>();
    try {
      for (CborItem i : Cbor.decode(list).items()) {
        out.add(Bytes.of(Cbor.encode(i)));
      }
    } catch (RuntimeException unreadable) {
      return new ArrayList<Bytes>();
    }
    List<Bytes> good = new ArrayList<Bytes>();
    for (Bytes b : out) {
      if (!decodeAll(java.util.Arrays.asList(b)).isEmpty()) {
        good.add(b);
      }
    }
    return good;
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

  /**
   * The secret new content is sealed with: the newest the user holds that the room knows (a version
   * above the room's newest would be refused by the node), or null when they hold none.
   */
  public static Invitation.RoomSecret forSealing(Iterable<Bytes> stored, long roomNewest) {
    Invitation.RoomSecret best = null;
    for (Invitation.RoomSecret s : decodeAll(stored)) {
      if (s.version() <= roomNewest && (best == null || s.version() > best.version())) {
        best = s;
      }
    }
    return best;
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
