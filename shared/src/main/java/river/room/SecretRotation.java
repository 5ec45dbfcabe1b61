package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.cbor.ReadOnly;

/**
 * A private room's new secret version, signed by the owner: body {"room", "version": uint,
 * "ephemeral": bytes(65), "wraps": [{"member": key, "nonce": bytes(12), "wrapped": bytes(48)}],
 * "earlier": SealedBytes (only when set)}. Each wrap is the 32-byte secret sealed for one member:
 * ECDH(owner's one-off P-256 key {@code ephemeral}, the member's published encryption key) →
 * HKDF-SHA256 → AES-256-GCM (see docs/private-rooms.md). {@code earlier} is the list of older
 * versions sealed under this one, so a member who holds this version can read older content even
 * when they missed a rotation (the room keeps only the newest record). The contract can check only
 * shapes, the signer and who a wrap is for; it never sees a secret.
 */
public final class SecretRotation extends SignedItem {
  /** An uncompressed P-256 point: 0x04 || x || y. */
  public static final int PUBLIC_KEY_BYTES = 65;

  /** AES-GCM of a 32-byte secret: the ciphertext and its 16-byte tag. */
  public static final int WRAPPED_BYTES = 48;

  /** Older versions carried by one record (40 bytes each before sealing). */
  public static final int MAX_EARLIER_BYTES = 64 * 48;

  private final byte[] room;
  private final long version;
  private final byte[] ephemeral;
  private final List<Wrap> wraps;
  private final SealedBytes earlier;

  public SecretRotation(
      byte[] room,
      long version,
      byte[] ephemeral,
      List<Wrap> wraps,
      SealedBytes earlier,
      byte[] signature) {
    super(signature);
    if (version < 0 || ephemeral.length != PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("version >= 0 and a 65-byte ephemeral key");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.version = version;
    this.ephemeral = Arrays.copyOf(ephemeral, ephemeral.length);
    this.wraps = ReadOnly.list(new ArrayList<Wrap>(wraps));
    this.earlier = earlier;
  }

  /**
   * The HKDF-SHA256 info of one wrap: "river secret wrap 1" || room || version (8 bytes, big
   * endian) || member. It binds the derived key to this room, version and member, so a wrap cannot
   * be replayed into another room, version or member's slot.
   */
  public static byte[] wrapInfo(byte[] room, long version, byte[] member) {
    byte[] label = river.cbor.Utf8.encode("river secret wrap 1");
    byte[] out = new byte[label.length + room.length + 8 + member.length];
    System.arraycopy(label, 0, out, 0, label.length);
    int p = label.length;
    System.arraycopy(room, 0, out, p, room.length);
    p += room.length;
    for (int i = 7; i >= 0; i--) {
      out[p++] = (byte) (version >>> (8 * i));
    }
    System.arraycopy(member, 0, out, p, member.length);
    return out;
  }

  public SecretRotation withSignature(byte[] signature) {
    return new SecretRotation(room, version, ephemeral, wraps, earlier, signature);
  }

  public byte[] room() {
    return Arrays.copyOf(room, room.length);
  }

  byte[] roomShared() {
    return room;
  }

  public long version() {
    return version;
  }

  public byte[] ephemeral() {
    return Arrays.copyOf(ephemeral, ephemeral.length);
  }

  public List<Wrap> wraps() {
    return wraps;
  }

  /** The wrap for {@code member}, or null when this version was not given to them. */
  public Wrap wrapFor(byte[] member) {
    for (Wrap w : wraps) {
      if (Arrays.equals(w.member, member)) {
        return w;
      }
    }
    return null;
  }

  /** Older versions sealed under this one, or null. */
  public SealedBytes earlier() {
    return earlier;
  }

  @Override
  byte[] expectedSigner() {
    return room;
  }

  @Override
  public CborItem body() {
    List<CborItem> w = new ArrayList<CborItem>(wraps.size());
    for (Wrap x : wraps) {
      w.add(
          CborMap.builder()
              .put("member", CborItem.bytes(x.member))
              .put("nonce", CborItem.bytes(x.nonce))
              .put("wrapped", CborItem.bytes(x.wrapped))
              .build());
    }
    CborMap.Builder b =
        CborMap.builder()
            .put("room", CborItem.bytes(room))
            .put("version", CborItem.uint(version))
            .put("ephemeral", CborItem.bytes(ephemeral))
            .put("wraps", CborItem.array(w));
    if (earlier != null) {
      b.put("earlier", earlier.toCbor());
    }
    return b.build();
  }

  public static SecretRotation fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "secret_rotation"), signatureOf(item, "secret_rotation"));
  }

  static SecretRotation fromBody(ItemReader b, byte[] signature) {
    List<Wrap> wraps = new ArrayList<Wrap>();
    for (CborItem i : b.array("wraps")) {
      ItemReader w = ItemReader.of(i, "wrap");
      wraps.add(
          new Wrap(
              w.key("member"),
              w.bytes("nonce", SealedBytes.NONCE_BYTES),
              w.bytes("wrapped", WRAPPED_BYTES)));
    }
    CborItem e = b.optional("earlier");
    return new SecretRotation(
        b.key("room"),
        b.uint("version"),
        b.bytes("ephemeral", PUBLIC_KEY_BYTES),
        wraps,
        e == null ? null : SealedBytes.fromCbor(e, "earlier"),
        signature);
  }

  /** One member's sealed copy of the secret. */
  public static final class Wrap {
    private final byte[] member;
    private final byte[] nonce;
    private final byte[] wrapped;

    public Wrap(byte[] member, byte[] nonce12, byte[] wrapped48) {
      if (member.length != ItemReader.KEY_BYTES
          || nonce12.length != SealedBytes.NONCE_BYTES
          || wrapped48.length != WRAPPED_BYTES) {
        throw new IllegalArgumentException("a wrap is a 32-byte key, 12-byte nonce, 48 bytes");
      }
      this.member = Arrays.copyOf(member, member.length);
      this.nonce = Arrays.copyOf(nonce12, nonce12.length);
      this.wrapped = Arrays.copyOf(wrapped48, wrapped48.length);
    }

    public byte[] member() {
      return Arrays.copyOf(member, member.length);
    }

    public byte[] nonce() {
      return Arrays.copyOf(nonce, nonce.length);
    }

    public byte[] wrapped() {
      return Arrays.copyOf(wrapped, wrapped.length);
    }
  }
}
