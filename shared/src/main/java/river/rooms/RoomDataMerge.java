package river.rooms;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-field merge of two copies of the same room's data (two tabs, or a tab and the store). Rules:
 * the newer identity generation wins the whole identity (key pair, membership, contract key); the
 * newer nickname version wins the nickname (with when it was asked for; the same nickname seen
 * landed wins over it still asked); last-read never moves backwards, nor does any direct-message
 * thread's read or hidden mark (per peer, the later); per member, the later deputy request wins
 * ({@link DeputyMarks}); invitation secrets are unioned. Every tie breaks on bytes, so merge(a,b)
 * equals merge(b,a), and merge is idempotent and associative: any order of merges across tabs
 * converges. Hazard: mixing identity fields from two generations would pair a signing key with
 * someone else's membership; the identity is therefore taken whole from one side.
 */
public final class RoomDataMerge {
  private RoomDataMerge() {}

  public static RoomData merge(RoomData a, RoomData b) {
    if (!a.owner().equals(b.owner())) {
      throw new IllegalArgumentException("merging different rooms " + a.owner() + " " + b.owner());
    }
    RoomData id = compareIdentity(a, b) >= 0 ? a : b;
    RoomData nick = compareNickname(a, b) >= 0 ? a : b;
    TreeSet<Bytes> secrets = new TreeSet<Bytes>(a.invitationSecrets());
    secrets.addAll(b.invitationSecrets());
    return RoomData.builder(a.owner())
        .dmRead(laterPerPeer(a.dmRead(), b.dmRead()))
        .dmHidden(laterPerPeer(a.dmHidden(), b.dmHidden()))
        .deputyMarks(DeputyMarks.later(a.deputyMarks(), b.deputyMarks()))
        .signingKey(id.signingKey())
        .verifyingKey(id.verifyingKey())
        .membership(id.membership())
        .identityGeneration(id.identityGeneration())
        .contractKey(id.contractKey())
        .nickname(nick.nickname())
        .nicknameVersion(nick.nicknameVersion())
        .nicknameAskedAt(nick.nicknameAskedAt())
        .lastRead(LastRead.later(a.lastRead(), b.lastRead()))
        .invitationSecrets(secrets)
        .build();
  }

  /** Per peer, the later of the two marks (a peer in one map only keeps its mark). */
  static TreeMap<Bytes, LastRead> laterPerPeer(Map<Bytes, LastRead> a, Map<Bytes, LastRead> b) {
    TreeMap<Bytes, LastRead> out = new TreeMap<Bytes, LastRead>(a);
    for (Map.Entry<Bytes, LastRead> e : b.entrySet()) {
      LastRead mine = a.get(e.getKey());
      out.put(e.getKey(), mine == null ? e.getValue() : LastRead.later(mine, e.getValue()));
    }
    return out;
  }

  /**
   * Merge where one side is known to be the newer source (ranked legacy migration: the newer
   * delegate's copy wins identity conflicts even when the identity generations tie, as legacy data
   * carries none). Other fields merge as in {@link #merge}.
   */
  public static RoomData mergePreferringIdentity(RoomData preferred, RoomData other) {
    RoomData m = merge(preferred, other);
    if (compareIdentity(m, preferred) == 0
        || preferred.identityGeneration() < other.identityGeneration()) {
      return m;
    }
    return m.toBuilder()
        .signingKey(preferred.signingKey())
        .verifyingKey(preferred.verifyingKey())
        .membership(preferred.membership())
        .identityGeneration(preferred.identityGeneration())
        .contractKey(preferred.contractKey())
        .build();
  }

  /**
   * Positive when a's identity is the newer one; ties broken by key, membership, contract bytes.
   */
  static int compareIdentity(RoomData a, RoomData b) {
    if (a.identityGeneration() != b.identityGeneration()) {
      return a.identityGeneration() > b.identityGeneration() ? 1 : -1;
    }
    int c = a.signingKey().compareTo(b.signingKey());
    if (c != 0) {
      return c;
    }
    c = a.verifyingKey().compareTo(b.verifyingKey());
    if (c != 0) {
      return c;
    }
    c = a.membership().compareTo(b.membership());
    return c != 0 ? c : a.contractKey().compareTo(b.contractKey());
  }

  static int compareNickname(RoomData a, RoomData b) {
    if (a.nicknameVersion() != b.nicknameVersion()) {
      return a.nicknameVersion() > b.nicknameVersion() ? 1 : -1;
    }
    int c = a.nickname().compareTo(b.nickname());
    if (c != 0 || a.nicknameAskedAt() == b.nicknameAskedAt()) {
      return c;
    }
    // the same request, still asked in one copy and seen landed in the other: landed is later
    if (a.nicknameAskedAt() == 0 || b.nicknameAskedAt() == 0) {
      return a.nicknameAskedAt() == 0 ? 1 : -1;
    }
    return a.nicknameAskedAt() > b.nicknameAskedAt() ? 1 : -1;
  }
}
