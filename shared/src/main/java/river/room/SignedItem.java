package river.room;

import java.util.Arrays;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * Base of every signed part of a room: {"body": {...}, "signature": bytes(64)}. The signature
 * covers {@link #signedBytes()}, the deterministic CBOR encoding of the body with its fields in the
 * subclass's fixed order; verifiers re-encode the decoded body, so only canonical bytes can ever
 * verify. Every body starts with "room" (the owner key): a signature made for one room does not
 * verify in another. Identity (equals, ordering ties) is the encoded item.
 */
public abstract class SignedItem {
  private final byte[] signature;
  private byte[] encoded;

  SignedItem(byte[] signature) {
    if (signature.length != ItemReader.SIGNATURE_BYTES && signature.length != 0) {
      throw new IllegalArgumentException("signature must be 64 bytes (or empty before signing)");
    }
    this.signature = Arrays.copyOf(signature, signature.length);
  }

  /** The body map, fields in their fixed order. */
  public abstract CborItem body();

  /**
   * The key whose signature this item must carry (the owner for a member info it signed is tried by
   * {@link RoomValidator} as well).
   */
  abstract byte[] expectedSigner();

  /** The exact bytes to sign: deterministic CBOR of {@link #body()}. */
  public final byte[] signedBytes() {
    return Cbor.encode(body());
  }

  public final byte[] signature() {
    return Arrays.copyOf(signature, signature.length);
  }

  final byte[] signatureShared() {
    return signature;
  }

  public final CborItem toCbor() {
    return CborMap.builder()
        .put("body", body())
        .put("signature", CborItem.bytes(signature))
        .build();
  }

  /** Deterministic encoding of the whole item (cached: items are immutable). */
  final byte[] encoded() {
    if (encoded == null) {
      encoded = Cbor.encode(toCbor());
    }
    return encoded;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && Arrays.equals(((SignedItem) o).encoded(), encoded());
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(encoded());
  }

  static ItemReader bodyOf(CborItem item, String what) {
    return ItemReader.of(ItemReader.of(item, what).any("body"), what + " body");
  }

  static byte[] signatureOf(CborItem item, String what) {
    return ItemReader.of(item, what).signature();
  }
}
