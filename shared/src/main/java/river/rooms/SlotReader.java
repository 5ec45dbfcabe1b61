package river.rooms;

import java.util.TreeMap;
import river.cbor.CborCursor;

/**
 * Reads a stored room slot of the shape {@link CborRoomsCodec} writes (`{"Present": RoomData}`,
 * definite lengths, only the fields it knows) straight from the bytes, without a CBOR tree: a tab
 * with 500 rooms reads 500 slots before it can list them, and the tree was about half of that
 * (issue 18). Anything else (a tombstone, an unknown or repeated field, an indefinite length, a
 * wrong type, an error of any kind) gives null, and the caller decodes the same bytes the usual
 * way, which decides what is accepted. Hazard: this reader must never accept bytes the tree decoder
 * refuses, nor read a value differently; SlotReaderTest compares the two over generated and mutated
 * slots.
 */
final class SlotReader {
  private SlotReader() {}

  /** The slot, or null when the bytes are not the usual shape (decode them with the tree). */
  static RoomSlot read(byte[] bytes) {
    try {
      CborCursor c = new CborCursor(bytes);
      if (c.peek() >>> 5 == CborCursor.TEXT) {
        return "Tombstone".equals(c.text()) && c.atEnd() ? RoomSlot.TOMBSTONE : null;
      }
      if (c.count(CborCursor.MAP) != 1 || !"Present".equals(c.text())) {
        return null;
      }
      RoomData data = roomData(c);
      return data != null && c.atEnd() ? RoomSlot.present(data) : null;
    } catch (RuntimeException notTheUsualShape) {
      return null;
    }
  }

  private static RoomData roomData(CborCursor c) {
    int n = c.count(CborCursor.MAP);
    RoomKey owner = null;
    Bytes signingKey = null;
    Bytes verifyingKey = null;
    Bytes membership = null;
    Bytes contractKey = null;
    String nickname = null;
    long identityGeneration = -1;
    long nicknameVersion = -1;
    LastRead lastRead = null;
    boolean lastReadSeen = false;
    TreeMap<Bytes, LastRead> dmRead = null;
    boolean dmReadSeen = false;
    TreeMap<Bytes, LastRead> dmHidden = null;
    boolean dmHiddenSeen = false;
    Bytes[] secrets = null;
    for (int i = 0; i < n; i++) {
      String field = c.text();
      // Each case refuses a second copy of its field (the tree refuses duplicate keys).
      if ("owner_vk".equals(field) && owner == null) {
        owner = RoomKey.of(Bytes.adopt(c.bytes()));
      } else if ("self_sk".equals(field) && signingKey == null) {
        signingKey = optionalBytes(c);
      } else if ("self_vk".equals(field) && verifyingKey == null) {
        verifyingKey = optionalBytes(c);
      } else if ("membership".equals(field) && membership == null) {
        membership = optionalBytes(c);
      } else if ("contract_key".equals(field) && contractKey == null) {
        contractKey = optionalBytes(c);
      } else if ("nickname".equals(field) && nickname == null) {
        nickname = c.text();
      } else if ("identity_generation".equals(field) && identityGeneration < 0) {
        identityGeneration = optionalUint(c);
      } else if ("nickname_version".equals(field) && nicknameVersion < 0) {
        nicknameVersion = optionalUint(c);
      } else if ("last_read".equals(field) && !lastReadSeen) {
        lastReadSeen = true;
        lastRead = c.nullNext() ? null : lastRead(c);
      } else if ("dm_read".equals(field) && !dmReadSeen) {
        dmReadSeen = true;
        dmRead = c.nullNext() ? null : marks(c);
      } else if ("dm_hidden".equals(field) && !dmHiddenSeen) {
        dmHiddenSeen = true;
        dmHidden = c.nullNext() ? null : marks(c);
      } else if ("invitation_secrets".equals(field) && secrets == null) {
        secrets = new Bytes[c.count(CborCursor.ARRAY)];
        for (int k = 0; k < secrets.length; k++) {
          secrets[k] = Bytes.adopt(c.bytes());
        }
      } else {
        return null; // an unknown or repeated field: the tree decides
      }
    }
    if (owner == null) {
      return null;
    }
    RoomData.Builder b =
        RoomData.builder(owner)
            .signingKey(signingKey)
            .verifyingKey(verifyingKey)
            .membership(membership)
            .contractKey(contractKey)
            .nickname(nickname)
            .identityGeneration(Math.max(0, identityGeneration))
            .nicknameVersion(Math.max(0, nicknameVersion))
            .lastRead(lastRead);
    if (dmRead != null) {
      b.dmRead(dmRead);
    }
    if (dmHidden != null) {
      b.dmHidden(dmHidden);
    }
    if (secrets != null) {
      for (Bytes s : secrets) {
        b.addInvitationSecret(s);
      }
    }
    return b.build();
  }

  /** `{"position": uint, "message_id": bytes}`, either absent or null; null for anything else. */
  private static LastRead lastRead(CborCursor c) {
    int n = c.count(CborCursor.MAP);
    long position = -1;
    Bytes id = null;
    for (int i = 0; i < n; i++) {
      String field = c.text();
      if ("position".equals(field) && position < 0) {
        position = optionalUint(c);
      } else if ("message_id".equals(field) && id == null) {
        id = optionalBytes(c);
      } else {
        throw new IllegalStateException("not the usual shape");
      }
    }
    return new LastRead(Math.max(0, position), id == null ? Bytes.EMPTY : id);
  }

  /** Per-peer marks ({@code dm_read}, {@code dm_hidden}). */
  private static TreeMap<Bytes, LastRead> marks(CborCursor c) {
    int n = c.count(CborCursor.MAP);
    TreeMap<Bytes, LastRead> marks = new TreeMap<Bytes, LastRead>();
    for (int i = 0; i < n; i++) {
      Bytes peer = Bytes.adopt(c.bytes());
      if (marks.put(peer, lastRead(c)) != null) {
        throw new IllegalStateException("not the usual shape"); // a repeated key
      }
    }
    return marks;
  }

  /** Null counts as absent, as in the tree decoder: an empty value (never null itself). */
  private static Bytes optionalBytes(CborCursor c) {
    return c.nullNext() ? Bytes.EMPTY : Bytes.adopt(c.bytes());
  }

  private static long optionalUint(CborCursor c) {
    return c.nullNext() ? 0 : c.uint();
  }
}
