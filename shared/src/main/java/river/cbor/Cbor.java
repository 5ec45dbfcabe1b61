package river.cbor;

/**
 * Entry points of the CBOR codec (RFC 8949): decode bytes into a {@link CborItem}, encode an item
 * deterministically. Decoding is strict (see {@link CborDecoder}); a whole-buffer decode also
 * rejects trailing bytes (hazard: bytes smuggled after a frame would otherwise be silently ignored
 * by us and maybe read by someone else).
 */
public final class Cbor {
  /** Deepest nesting of arrays, maps and tags accepted by the decoder and the encoder. */
  public static final int MAX_DEPTH = 64;

  private Cbor() {}

  /** Exactly one item filling all of {@code input}; CborException otherwise. */
  public static CborItem decode(byte[] input) {
    CborDecoder d = new CborDecoder(input, 0);
    CborItem item = d.readItem(1);
    if (d.position() != input.length) {
      throw new CborException(
          (input.length - d.position()) + " trailing byte(s) after the item", d.position());
    }
    return item;
  }

  /** One item starting at {@code offset}; bytes after it are left for the caller. */
  public static CborDecoded decodePrefix(byte[] input, int offset) {
    CborDecoder d = new CborDecoder(input, offset);
    CborItem item = d.readItem(1);
    return new CborDecoded(item, d.position());
  }

  /** Deterministic encoding of {@code item}. */
  public static byte[] encode(CborItem item) {
    CborEncoder e = new CborEncoder();
    e.write(item, 1);
    return e.toByteArray();
  }
}
