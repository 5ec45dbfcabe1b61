package river.room;

import java.util.Arrays;
import river.cbor.CborEntry;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * Content that is public or encrypted with a room secret: {"Public": bytes} or {"Private":
 * {"ciphertext": bytes, "nonce": bytes(12), "secret_version": uint}}. The contract never decrypts;
 * it only checks sizes and that a private room gets private content. Sizes of a private value count
 * the ciphertext minus the 16-byte AEAD tag, so a limit means the same for public and private rooms
 * (hazard: counting the tag would make private names 16 bytes shorter).
 */
public final class SealedBytes {
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;

  private final boolean isPrivate;
  private final byte[] data;
  private final byte[] nonce;
  private final long secretVersion;

  private SealedBytes(boolean isPrivate, byte[] data, byte[] nonce, long secretVersion) {
    this.isPrivate = isPrivate;
    this.data = Arrays.copyOf(data, data.length);
    this.nonce = nonce == null ? null : Arrays.copyOf(nonce, nonce.length);
    this.secretVersion = secretVersion;
  }

  public static SealedBytes publicBytes(byte[] plain) {
    return new SealedBytes(false, plain, null, 0);
  }

  public static SealedBytes privateBytes(byte[] ciphertext, byte[] nonce12, long secretVersion) {
    if (nonce12.length != NONCE_BYTES || secretVersion < 0) {
      throw new IllegalArgumentException("nonce must be 12 bytes, secret version >= 0");
    }
    return new SealedBytes(true, ciphertext, nonce12, secretVersion);
  }

  public boolean isPrivate() {
    return isPrivate;
  }

  /** The public bytes, or the ciphertext of a private value. */
  public byte[] data() {
    return Arrays.copyOf(data, data.length);
  }

  public byte[] nonce() {
    return nonce == null ? null : Arrays.copyOf(nonce, nonce.length);
  }

  public long secretVersion() {
    return secretVersion;
  }

  /** The length a limit is checked against (plaintext length for a private value). */
  public int plainLength() {
    return isPrivate ? Math.max(0, data.length - TAG_BYTES) : data.length;
  }

  public CborItem toCbor() {
    if (!isPrivate) {
      return CborMap.builder().put("Public", CborItem.bytes(data)).build();
    }
    return CborMap.builder()
        .put(
            "Private",
            CborMap.builder()
                .put("ciphertext", CborItem.bytes(data))
                .put("nonce", CborItem.bytes(nonce))
                .put("secret_version", CborItem.uint(secretVersion))
                .build())
        .build();
  }

  static SealedBytes fromCbor(CborItem item, String what) {
    if (item == null || item.kind() != CborKind.MAP || item.entries().size() != 1) {
      throw new RoomValidationException(what + " must be {\"Public\": ..} or {\"Private\": ..}");
    }
    CborEntry e = item.entries().get(0);
    if (e.key().equals(CborItem.text("Public"))) {
      if (e.value().kind() != CborKind.BYTES) {
        throw new RoomValidationException(what + ": Public must be a byte string");
      }
      return publicBytes(e.value().asBytes());
    }
    if (e.key().equals(CborItem.text("Private"))) {
      ItemReader r = ItemReader.of(e.value(), what + " Private");
      return new SealedBytes(
          true, r.bytes("ciphertext"), r.bytes("nonce", NONCE_BYTES), r.uint("secret_version"));
    }
    throw new RoomValidationException(what + " must be Public or Private");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedBytes && ((SealedBytes) o).toCbor().equals(toCbor());
  }

  @Override
  public int hashCode() {
    return toCbor().hashCode();
  }
}
