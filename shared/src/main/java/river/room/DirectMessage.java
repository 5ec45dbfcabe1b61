package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A direct message from one member to another, kept in the room state and signed by its sender:
 * body {"room", "sender": key, "recipient": key, "time": uint ms, "to_recipient": Copy,
 * "to_sender": Copy}, each copy {"ephemeral": bytes(65), "nonce": bytes(12), "ciphertext": bytes}.
 * A copy is the plaintext sealed to one member's published P-256 {@code encryption_key}:
 * ECDH(one-off key {@code ephemeral}, member's key) → HKDF-SHA256 with {@link #copyInfo} →
 * AES-256-GCM (docs/private-rooms.md, "Direct messages"). The second copy, to the sender's own key,
 * lets the sender's other tabs and browsers read what they sent without a separate store. The id of
 * a DM is its signature. The contract sees only ciphertext; it checks the signer, who the parties
 * are, sizes and the date.
 */
public final class DirectMessage extends SignedItem {
  /** The ciphertext of one copy, AEAD tag included (upstream's limit). */
  public static final int MAX_CIPHERTEXT_BYTES = 32 * 1024;

  /** Which copy an HKDF info is for: the recipient's or the sender's own. */
  public static final int TO_RECIPIENT = 0;

  public static final int TO_SENDER = 1;

  private final byte[] room;
  private final byte[] sender;
  private final byte[] recipient;
  private final long time;
  private final Copy toRecipient;
  private final Copy toSender;

  public DirectMessage(
      byte[] room,
      byte[] sender,
      byte[] recipient,
      long time,
      Copy toRecipient,
      Copy toSender,
      byte[] signature) {
    super(signature);
    if (time < 0 || toRecipient == null || toSender == null) {
      throw new IllegalArgumentException("time >= 0 and both copies");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.sender = Arrays.copyOf(sender, sender.length);
    this.recipient = Arrays.copyOf(recipient, recipient.length);
    this.time = time;
    this.toRecipient = toRecipient;
    this.toSender = toSender;
  }

  /**
   * The HKDF-SHA256 info of one copy: "river dm 1" || room || sender || recipient || which (one
   * byte, {@link #TO_RECIPIENT} or {@link #TO_SENDER}). It binds the derived key to this room,
   * these parties and this copy, so a copy cannot be replayed into another room, thread or slot.
   */
  public static byte[] copyInfo(byte[] room, byte[] sender, byte[] recipient, int which) {
    byte[] label = river.cbor.Utf8.encode("river dm 1");
    byte[] out = new byte[label.length + room.length + sender.length + recipient.length + 1];
    int p = 0;
    for (byte[] part : new byte[][] {label, room, sender, recipient}) {
      System.arraycopy(part, 0, out, p, part.length);
      p += part.length;
    }
    out[p] = (byte) which;
    return out;
  }

  public DirectMessage withSignature(byte[] signature) {
    return new DirectMessage(room, sender, recipient, time, toRecipient, toSender, signature);
  }

  public byte[] room() {
    return Arrays.copyOf(room, room.length);
  }

  byte[] roomShared() {
    return room;
  }

  public byte[] sender() {
    return Arrays.copyOf(sender, sender.length);
  }

  byte[] senderShared() {
    return sender;
  }

  public byte[] recipient() {
    return Arrays.copyOf(recipient, recipient.length);
  }

  byte[] recipientShared() {
    return recipient;
  }

  public long time() {
    return time;
  }

  /** The id a tombstone names: the signature. */
  public byte[] id() {
    return signature();
  }

  byte[] idShared() {
    return signatureShared();
  }

  public Copy toRecipient() {
    return toRecipient;
  }

  public Copy toSender() {
    return toSender;
  }

  /** The copy {@code member} can open (the sender's own or the recipient's), or null. */
  public Copy copyFor(byte[] member) {
    if (Arrays.equals(member, recipient)) {
      return toRecipient;
    }
    return Arrays.equals(member, sender) ? toSender : null;
  }

  /** The HKDF info of {@link #copyFor}'s copy for {@code member} (a party of this DM). */
  public byte[] infoFor(byte[] member) {
    return copyInfo(
        room, sender, recipient, Arrays.equals(member, recipient) ? TO_RECIPIENT : TO_SENDER);
  }

  /** Newer first: the later time, then the larger id (the reverse of the kept (time, id) order). */
  static int compareNewestFirst(DirectMessage a, DirectMessage b) {
    if (a.time != b.time) {
      return a.time > b.time ? -1 : 1;
    }
    int c = UnsignedBytes.compare(b.signatureShared(), a.signatureShared());
    return c != 0 ? c : UnsignedBytes.compare(b.encoded(), a.encoded());
  }

  @Override
  byte[] expectedSigner() {
    return sender;
  }

  @Override
  public CborItem body() {
    return CborMap.builder()
        .put("room", CborItem.bytes(room))
        .put("sender", CborItem.bytes(sender))
        .put("recipient", CborItem.bytes(recipient))
        .put("time", CborItem.uint(time))
        .put("to_recipient", toRecipient.toCbor())
        .put("to_sender", toSender.toCbor())
        .build();
  }

  public static DirectMessage fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "direct message"), signatureOf(item, "direct message"));
  }

  static DirectMessage fromBody(ItemReader b, byte[] signature) {
    return new DirectMessage(
        b.key("room"),
        b.key("sender"),
        b.key("recipient"),
        b.uint("time"),
        Copy.fromCbor(b.any("to_recipient"), "to_recipient"),
        Copy.fromCbor(b.any("to_sender"), "to_sender"),
        signature);
  }

  /** One sealed copy of the plaintext: a one-off P-256 public key, a nonce, the AES-GCM output. */
  public static final class Copy {
    private final byte[] ephemeral;
    private final byte[] nonce;
    private final byte[] ciphertext;

    public Copy(byte[] ephemeral65, byte[] nonce12, byte[] ciphertext) {
      if (ephemeral65.length != SecretRotation.PUBLIC_KEY_BYTES
          || nonce12.length != SealedBytes.NONCE_BYTES
          || ciphertext.length < SealedBytes.TAG_BYTES) {
        throw new IllegalArgumentException(
            "a copy is a 65-byte key, a 12-byte nonce and at least a 16-byte tag");
      }
      this.ephemeral = Arrays.copyOf(ephemeral65, ephemeral65.length);
      this.nonce = Arrays.copyOf(nonce12, nonce12.length);
      this.ciphertext = Arrays.copyOf(ciphertext, ciphertext.length);
    }

    public byte[] ephemeral() {
      return Arrays.copyOf(ephemeral, ephemeral.length);
    }

    public byte[] nonce() {
      return Arrays.copyOf(nonce, nonce.length);
    }

    public byte[] ciphertext() {
      return Arrays.copyOf(ciphertext, ciphertext.length);
    }

    int ciphertextLength() {
      return ciphertext.length;
    }

    CborItem toCbor() {
      return CborMap.builder()
          .put("ephemeral", CborItem.bytes(ephemeral))
          .put("nonce", CborItem.bytes(nonce))
          .put("ciphertext", CborItem.bytes(ciphertext))
          .build();
    }

    static Copy fromCbor(CborItem item, String what) {
      ItemReader r = ItemReader.of(item, what);
      return new Copy(
          r.bytes("ephemeral", SecretRotation.PUBLIC_KEY_BYTES),
          r.bytes("nonce", SealedBytes.NONCE_BYTES),
          r.bytes("ciphertext"));
    }
  }
}
