package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.Cbor;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.cbor.ReadOnly;
import river.store.Base58;

/**
 * A portable invitation code: base58 of CBOR {"room": owner key (32), "invitee_key": the invitee's
 * fresh private Ed25519 seed (32), "membership": the inviter-signed AuthorizedMember for that key,
 * "secrets": [{"version": uint, "secret": bytes(32)}] or null (private rooms)}. Whoever holds the
 * code holds the identity: it is good for one person (hazard: a code shared with several people
 * gives them all the same identity). {@link #decode} checks the shape, {@link #verify} the
 * signature and that the seed is the member's key.
 */
public final class Invitation {
  /** Longest accepted code: base58 decoding is quadratic, so bound the work first. */
  public static final int MAX_CODE_CHARS = 8192;

  static final int SECRET_BYTES = 32;

  private final byte[] room;
  private final byte[] inviteeSeed;
  private final AuthorizedMember membership;
  private final List<RoomSecret> secrets;

  public Invitation(
      byte[] room, byte[] inviteeSeed, AuthorizedMember membership, List<RoomSecret> secrets) {
    if (room.length != ItemReader.KEY_BYTES || inviteeSeed.length != ItemReader.KEY_BYTES) {
      throw new IllegalArgumentException("room key and invitee seed are 32 bytes");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.inviteeSeed = Arrays.copyOf(inviteeSeed, inviteeSeed.length);
    this.membership = membership;
    this.secrets = secrets == null ? null : ReadOnly.list(new ArrayList<RoomSecret>(secrets));
  }

  public byte[] room() {
    return Arrays.copyOf(room, room.length);
  }

  public byte[] inviteeSeed() {
    return Arrays.copyOf(inviteeSeed, inviteeSeed.length);
  }

  public AuthorizedMember membership() {
    return membership;
  }

  /** Null for a public room. */
  public List<RoomSecret> secrets() {
    return secrets;
  }

  public String encode() {
    CborItem s = CborItem.NULL;
    if (secrets != null) {
      List<CborItem> items = new ArrayList<CborItem>();
      for (RoomSecret r : secrets) {
        items.add(
            CborMap.builder()
                .put("version", CborItem.uint(r.version()))
                .put("secret", CborItem.bytes(r.secret()))
                .build());
      }
      s = CborItem.array(items);
    }
    return Base58.encode(
        Cbor.encode(
            CborMap.builder()
                .put("room", CborItem.bytes(room))
                .put("invitee_key", CborItem.bytes(inviteeSeed))
                .put("membership", membership.toCbor())
                .put("secrets", s)
                .build()));
  }

  /** Parses a code (surrounding whitespace ignored); InvitationException for any bad code. */
  public static Invitation decode(String code) {
    String text = code.trim();
    if (text.length() > MAX_CODE_CHARS) {
      throw new InvitationException(
          InvitationException.Problem.TOO_LONG,
          "invitation code longer than " + MAX_CODE_CHARS + " characters");
    }
    if (text.isEmpty()) {
      throw new InvitationException(InvitationException.Problem.NOT_BASE58, "empty code");
    }
    byte[] bytes;
    try {
      bytes = Base58.decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvitationException(InvitationException.Problem.NOT_BASE58, e.getMessage());
    }
    try {
      ItemReader r = ItemReader.of(Cbor.decode(bytes), "invitation");
      byte[] room = r.key("room");
      byte[] seed = r.key("invitee_key");
      AuthorizedMember m = AuthorizedMember.fromCbor(r.any("membership"));
      if (!Arrays.equals(m.roomShared(), room)) {
        throw new RoomValidationException("membership is for another room");
      }
      List<RoomSecret> secrets = null;
      if (r.optional("secrets") != null) {
        secrets = new ArrayList<RoomSecret>();
        for (CborItem i : r.array("secrets")) {
          ItemReader s = ItemReader.of(i, "secret");
          secrets.add(new RoomSecret(s.uint("version"), s.bytes("secret", SECRET_BYTES)));
        }
      }
      return new Invitation(room, seed, m, secrets);
    } catch (CborException e) {
      throw new InvitationException(
          InvitationException.Problem.MALFORMED,
          "not an invitation (truncated?): " + e.getMessage());
    } catch (RoomValidationException e) {
      throw new InvitationException(
          InvitationException.Problem.MALFORMED, "not an invitation: " + e.getMessage());
    }
  }

  /**
   * FORGED unless the inviter signed the membership and the seed is the member's key. Whether the
   * inviter is (still) a member is the room's decision, made when the membership is merged.
   */
  public void verify(SignatureVerifier verifier, PublicKeyDerivation keys) {
    if (!verifier.verify(
        membership.invitedByShared(), membership.signedBytes(), membership.signatureShared())) {
      throw new InvitationException(
          InvitationException.Problem.FORGED, "the membership is not signed by its inviter");
    }
    if (!Arrays.equals(keys.publicKey(inviteeSeed), membership.memberShared())) {
      throw new InvitationException(
          InvitationException.Problem.FORGED, "the included key is not the invited member's key");
    }
  }

  /** One room secret (for private rooms): its version and the 32-byte key. */
  public static final class RoomSecret {
    private final long version;
    private final byte[] secret;

    public RoomSecret(long version, byte[] secret) {
      this.version = version;
      this.secret = Arrays.copyOf(secret, secret.length);
    }

    public long version() {
      return version;
    }

    public byte[] secret() {
      return Arrays.copyOf(secret, secret.length);
    }
  }
}
