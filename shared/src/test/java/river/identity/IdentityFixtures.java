package river.identity;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.Cbor;
import river.room.AuthorizedMember;
import river.room.PublicKeyDerivation;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/** Keys, memberships and blocks for the identity tests (stand-in keys: pub = SHA-256(seed)). */
final class IdentityFixtures {
  static final PublicKeyDerivation DERIVE = IdentityFixtures::pub;

  private IdentityFixtures() {}

  static byte[] seed(int n) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) n);
    return s;
  }

  static byte[] pub(byte[] seed) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(seed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sig(int n) {
    byte[] s = new byte[64];
    Arrays.fill(s, (byte) n);
    return s;
  }

  static final byte[] OWNER_SEED = seed(1);
  static final byte[] OWNER = pub(OWNER_SEED);
  static final RoomKey ROOM = RoomKey.of(Bytes.of(OWNER));
  static final byte[] ALICE_SEED = seed(2);
  static final byte[] ALICE = pub(ALICE_SEED);
  static final byte[] BOB_SEED = seed(3);
  static final byte[] BOB = pub(BOB_SEED);

  /** Alice invited by the owner; Bob invited by Alice. */
  static final AuthorizedMember ALICE_MEMBERSHIP =
      new AuthorizedMember(OWNER, ALICE, OWNER, sig(7));

  static final AuthorizedMember BOB_MEMBERSHIP = new AuthorizedMember(OWNER, BOB, ALICE, sig(8));

  static RoomData held(byte[] member, AuthorizedMember membership, long generation) {
    return RoomData.builder(ROOM)
        .verifyingKey(Bytes.of(member))
        .membership(membership == null ? Bytes.EMPTY : Bytes.of(Cbor.encode(membership.toCbor())))
        .identityGeneration(generation)
        .nickname("bob")
        .nicknameVersion(3)
        .lastRead(new LastRead(5, Bytes.filled(32, 9)))
        .addInvitationSecret(river.chat.RoomSecrets.encode(1, seed(40)))
        .contractKey(Bytes.of(OWNER))
        .build();
  }

  static IdentityBlock bobBlock() {
    List<AuthorizedMember> chain = new ArrayList<>();
    chain.add(ALICE_MEMBERSHIP);
    return IdentityBlock.of(held(BOB, BOB_MEMBERSHIP, 100), BOB_SEED, chain);
  }

  static IdentityBlock ownerBlock() {
    return IdentityBlock.of(held(OWNER, null, 50), OWNER_SEED, new ArrayList<>());
  }
}
