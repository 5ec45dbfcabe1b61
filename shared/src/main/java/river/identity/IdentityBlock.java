package river.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.Cbor;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;
import river.cbor.ReadOnly;
import river.room.AuthorizedMember;
import river.room.PublicKeyDerivation;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * One room identity as portable text, so another browser profile can become the same member.
 *
 * <pre>
 * -----BEGIN RIVER IDENTITY-----
 * base64 of (body || SHA-256(body)), wrapped at 64 characters
 * -----END RIVER IDENTITY-----
 * body = canonical CBOR {"version": 1, "room": bytes(32), "signing_key": bytes(32) Ed25519 seed,
 *   "verifying_key": bytes(32), "membership": AuthorizedMember or null (the owner has none),
 *   "chain": [AuthorizedMember] (the inviters' memberships up to the owner), "nickname": text,
 *   "nickname_version": uint, "secrets": [bytes] (RoomSecrets entries), "contract_key": bytes}
 * </pre>
 *
 * The SHA-256 detects a block cut short or edited by hand (it is not a signature: anyone can
 * recompute it; what stops a forged identity is the node, which imports a key only with the public
 * key it must have, and the room, which admits only members with a valid chain). Decoding checks,
 * in order: armor, base64, checksum, CBOR, version, fields, that the verifying key is the
 * membership's member (or, for the owner, the room key), and that every membership is for this
 * room; {@link #checkSeed} adds that the seed derives to the verifying key where Ed25519 is at
 * hand. Hazard: the block holds a private key; whoever has the text is that member.
 */
public final class IdentityBlock {
  public static final int VERSION = 1;
  public static final String BEGIN = "-----BEGIN RIVER IDENTITY-----";
  public static final String END = "-----END RIVER IDENTITY-----";

  /** Longest text accepted: a block with a long chain is a few kilobytes. */
  public static final int MAX_CHARS = 256 * 1024;

  static final int KEY_BYTES = 32;
  private static final int LINE = 64;

  private final RoomKey room;
  private final Bytes seed;
  private final Bytes verifyingKey;
  private final AuthorizedMember membership;
  private final List<AuthorizedMember> chain;
  private final String nickname;
  private final long nicknameVersion;
  private final List<Bytes> secrets;
  private final Bytes contractKey;

  private IdentityBlock(
      RoomKey room,
      Bytes seed,
      Bytes verifyingKey,
      AuthorizedMember membership,
      List<AuthorizedMember> chain,
      String nickname,
      long nicknameVersion,
      List<Bytes> secrets,
      Bytes contractKey) {
    this.room = room;
    this.seed = seed;
    this.verifyingKey = verifyingKey;
    this.membership = membership;
    this.chain = ReadOnly.list(new ArrayList<AuthorizedMember>(chain));
    this.nickname = nickname;
    this.nicknameVersion = nicknameVersion;
    this.secrets = ReadOnly.list(new ArrayList<Bytes>(secrets));
    this.contractKey = contractKey;
  }

  /**
   * The block for an identity the profile holds, with its private key (which only the node keeps,
   * so the caller fetched it) and the inviters' memberships read from the room.
   */
  public static IdentityBlock of(RoomData held, byte[] seed, List<AuthorizedMember> chain) {
    if (seed == null || seed.length != KEY_BYTES) {
      throw new IllegalArgumentException("a signing key is a 32-byte seed");
    }
    AuthorizedMember m =
        held.membership().length() == 0
            ? null
            : AuthorizedMember.fromCbor(Cbor.decode(held.membership().toArray()));
    return new IdentityBlock(
        held.owner(),
        Bytes.of(seed),
        held.verifyingKey(),
        m,
        chain,
        held.nickname(),
        held.nicknameVersion(),
        new ArrayList<Bytes>(held.invitationSecrets()),
        held.contractKey());
  }

  public RoomKey room() {
    return room;
  }

  public Bytes seed() {
    return seed;
  }

  public Bytes verifyingKey() {
    return verifyingKey;
  }

  /** Null for the room's owner. */
  public AuthorizedMember membership() {
    return membership;
  }

  public List<AuthorizedMember> chain() {
    return chain;
  }

  public String nickname() {
    return nickname;
  }

  public boolean isOwner() {
    return membership == null;
  }

  /**
   * The RoomData this identity becomes in ROOMS. The seed stays out of it (the node keeps signing
   * keys); {@code generation} comes from {@link ImportPlan}.
   */
  public RoomData toRoomData(long generation) {
    return RoomData.builder(room)
        .verifyingKey(verifyingKey)
        .signingKey(Bytes.EMPTY)
        .membership(membership == null ? Bytes.EMPTY : Bytes.of(Cbor.encode(membership.toCbor())))
        .identityGeneration(generation)
        .nickname(nickname)
        .nicknameVersion(nicknameVersion)
        .invitationSecrets(secrets)
        .contractKey(contractKey)
        .build();
  }

  /** The versioned CBOR body (also what a profile backup stores per room). */
  public byte[] body() {
    List<CborItem> links = new ArrayList<CborItem>();
    for (AuthorizedMember m : chain) {
      links.add(m.toCbor());
    }
    List<CborItem> s = new ArrayList<CborItem>();
    for (Bytes b : secrets) {
      s.add(CborItem.bytes(b.toArray()));
    }
    return Cbor.encode(
        CborMap.builder()
            .put("version", CborItem.uint(VERSION))
            .put("room", CborItem.bytes(room.bytes().toArray()))
            .put("signing_key", CborItem.bytes(seed.toArray()))
            .put("verifying_key", CborItem.bytes(verifyingKey.toArray()))
            .put("membership", membership == null ? CborItem.NULL : membership.toCbor())
            .put("chain", CborItem.array(links))
            .put("nickname", CborItem.text(nickname))
            .put("nickname_version", CborItem.uint(nicknameVersion))
            .put("secrets", CborItem.array(s))
            .put("contract_key", CborItem.bytes(contractKey.toArray()))
            .build());
  }

  /** The armored text a user copies. */
  public String armored() {
    return armor(body());
  }

  /** Armors any body (tests build blocks the exporter never would). */
  static String armor(byte[] body) {
    byte[] payload = Arrays.copyOf(body, body.length + Sha256.BYTES);
    System.arraycopy(Sha256.digest(body), 0, payload, body.length, Sha256.BYTES);
    String b64 = Base64Text.encode(payload);
    StringBuilder out = new StringBuilder(BEGIN).append('\n');
    for (int i = 0; i < b64.length(); i += LINE) {
      out.append(b64.substring(i, Math.min(b64.length(), i + LINE))).append('\n');
    }
    return out.append(END).append('\n').toString();
  }

  /** Null when the seed derives to the verifying key, else {@link IdentityRefusal#KEY_MISMATCH}. */
  public IdentityRefusal checkSeed(PublicKeyDerivation keys) {
    return Arrays.equals(keys.publicKey(seed.toArray()), verifyingKey.toArray())
        ? null
        : IdentityRefusal.KEY_MISMATCH;
  }

  /** A decoded block, or why it was refused. */
  public static final class Decoded {
    private final IdentityBlock block;
    private final IdentityRefusal refusal;

    private Decoded(IdentityBlock block, IdentityRefusal refusal) {
      this.block = block;
      this.refusal = refusal;
    }

    static Decoded refused(IdentityRefusal r) {
      return new Decoded(null, r);
    }

    public boolean ok() {
      return block != null;
    }

    /** Only when {@link #ok()}. */
    public IdentityBlock block() {
      if (block == null) {
        throw new IllegalStateException("refused: " + refusal);
      }
      return block;
    }

    /** Null when {@link #ok()}. */
    public IdentityRefusal refusal() {
      return refusal;
    }
  }

  /** Reads pasted text (anything around the armor lines is ignored). */
  public static Decoded decode(String text) {
    if (text == null || text.length() > MAX_CHARS) {
      return Decoded.refused(IdentityRefusal.MALFORMED_ARMOR);
    }
    int begin = text.indexOf(BEGIN);
    if (begin < 0) {
      return Decoded.refused(IdentityRefusal.MALFORMED_ARMOR);
    }
    int from = begin + BEGIN.length();
    int end = text.indexOf(END, from);
    if (end < 0) {
      return Decoded.refused(IdentityRefusal.TRUNCATED);
    }
    byte[] payload;
    try {
      payload = Base64Text.decode(text.substring(from, end));
    } catch (Base64Text.NotBase64 e) {
      return Decoded.refused(
          e.cutShort ? IdentityRefusal.TRUNCATED : IdentityRefusal.MALFORMED_ARMOR);
    }
    if (payload.length <= Sha256.BYTES) {
      return Decoded.refused(IdentityRefusal.TRUNCATED);
    }
    byte[] body = Arrays.copyOf(payload, payload.length - Sha256.BYTES);
    byte[] sum = Arrays.copyOfRange(payload, body.length, payload.length);
    if (!Arrays.equals(Sha256.digest(body), sum)) {
      return Decoded.refused(IdentityRefusal.CHECKSUM_MISMATCH);
    }
    return fromBody(body);
  }

  /** Reads a body (from a block whose checksum matched, or from a decrypted backup). */
  public static Decoded fromBody(byte[] body) {
    CborItem m;
    try {
      m = Cbor.decode(body);
    } catch (CborException e) {
      return Decoded.refused(IdentityRefusal.MALFORMED);
    }
    try {
      if (m.kind() != CborKind.MAP) {
        return Decoded.refused(IdentityRefusal.MALFORMED);
      }
      CborItem v = m.get("version");
      if (v == null || v.kind() != CborKind.UNSIGNED) {
        return Decoded.refused(IdentityRefusal.MALFORMED);
      }
      if (v.asLong() != VERSION) {
        return Decoded.refused(IdentityRefusal.WRONG_VERSION);
      }
      RoomKey room = RoomKey.of(Bytes.of(key(m, "room")));
      Bytes seed = Bytes.of(key(m, "signing_key"));
      Bytes verifying = Bytes.of(key(m, "verifying_key"));
      CborItem mi = m.get("membership");
      AuthorizedMember membership =
          mi == null || mi.isNull() ? null : AuthorizedMember.fromCbor(mi);
      List<AuthorizedMember> chain = new ArrayList<AuthorizedMember>();
      for (CborItem c : required(m, "chain").items()) {
        chain.add(AuthorizedMember.fromCbor(c));
      }
      List<Bytes> secrets = new ArrayList<Bytes>();
      for (CborItem s : required(m, "secrets").items()) {
        secrets.add(Bytes.of(s.asBytes()));
      }
      String nickname = required(m, "nickname").asText();
      long nicknameVersion = required(m, "nickname_version").asLong();
      Bytes contract = Bytes.of(required(m, "contract_key").asBytes());
      IdentityRefusal wrong = checkMembership(room, verifying, membership, chain);
      if (wrong != null) {
        return Decoded.refused(wrong);
      }
      return new Decoded(
          new IdentityBlock(
              room,
              seed,
              verifying,
              membership,
              chain,
              nickname,
              nicknameVersion,
              secrets,
              contract),
          null);
    } catch (RuntimeException e) {
      // A field of the wrong type or size (CborException, or a rejected room item).
      return Decoded.refused(IdentityRefusal.MALFORMED);
    }
  }

  private static IdentityRefusal checkMembership(
      RoomKey room, Bytes verifying, AuthorizedMember membership, List<AuthorizedMember> chain) {
    if (membership == null) {
      // The owner has no membership: the owner's key is the room key.
      return verifying.equals(room.bytes()) ? null : IdentityRefusal.KEY_MISMATCH;
    }
    if (!Bytes.of(membership.member()).equals(verifying)) {
      return IdentityRefusal.KEY_MISMATCH;
    }
    if (!Bytes.of(membership.room()).equals(room.bytes())) {
      return IdentityRefusal.WRONG_ROOM;
    }
    for (AuthorizedMember link : chain) {
      if (!Bytes.of(link.room()).equals(room.bytes())) {
        return IdentityRefusal.WRONG_ROOM;
      }
    }
    return null;
  }

  private static CborItem required(CborItem m, String field) {
    CborItem i = m.get(field);
    if (i == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return i;
  }

  private static byte[] key(CborItem m, String field) {
    byte[] b = required(m, field).asBytes();
    if (b.length != KEY_BYTES) {
      throw new IllegalArgumentException(field + " is not 32 bytes");
    }
    return b;
  }
}
