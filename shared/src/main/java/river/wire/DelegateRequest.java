package river.wire;

import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A chat delegate request (DESIGN.md "Chat delegate requests and responses"), externally tagged.
 * The table below is the whole wire vocabulary: one row per variant, its name and how its fields
 * are read. Variants are only ever appended (an old client never receives one it did not ask for).
 * Keys and values are byte strings; generations are u64 held in a long's bits.
 *
 * <p>Ours, appended: GetManyRequest is GetVersioned of up to {@link GetMany#MAX_KEYS} keys in one
 * round trip, so a tab loads 500 room slots in a few frames. ListValuesRequest is List with the
 * values of the first keys, as many as fit max_bytes, so a load reads its slots with its List. The
 * room signing keys are held by the node per user and never readable by plain Get/List:
 * CreateSigningKey (room null: a new room owner key, whose room is its own public key),
 * NewInviteeKey (a fresh key pair for an invitation, not kept), StoreSigningKey (import from an
 * invitation; with an expected public key the node stores nothing unless the private key is that
 * key's; with if_held, 32 bytes or empty, it stores only while it holds that key for the room
 * (empty: none) and answers the key it holds afterwards either way, so two tabs importing at once
 * end with one key), GetPublicKey, Sign (purpose one of message, member, member_info, config, ban;
 * bytes the canonical body of that item), and ExportSigningKey (the user's own key for a room,
 * private half included, for an identity export: the key is the user's, and only the user's own
 * token reaches it).
 */
public abstract class DelegateRequest extends WireValue {
  /** Every variant: name and decoder. An unknown name is unknown_op (see {@link VariantTable}). */
  static final VariantTable<DelegateRequest> VARIANTS =
      new VariantTable<DelegateRequest>("DelegateRequest");

  private static final VariantTable.Name GET_REQUEST =
      VARIANTS.struct("GetRequest", f -> new Get(f.bytes("key")));
  private static final VariantTable.Name STORE_REQUEST =
      VARIANTS.struct("StoreRequest", f -> new Store(f.bytes("key"), f.bytes("value")));
  private static final VariantTable.Name DELETE_REQUEST =
      VARIANTS.struct("DeleteRequest", f -> new Delete(f.bytes("key")));
  private static final VariantTable.Name LIST_REQUEST =
      VARIANTS.unit("ListRequest", () -> DelegateRequest.LIST);
  private static final VariantTable.Name GET_VERSIONED_REQUEST =
      VARIANTS.struct("GetVersionedRequest", f -> new GetVersioned(f.bytes("key")));
  private static final VariantTable.Name CAS_STORE_REQUEST =
      VARIANTS.struct(
          "CasStoreRequest",
          f -> new CasStore(f.bytes("key"), f.bytes("value"), f.uint64("expected_generation")));
  private static final VariantTable.Name GET_MANY_REQUEST =
      VARIANTS.struct("GetManyRequest", f -> new GetMany(f.bytesList("keys")));
  private static final VariantTable.Name CREATE_SIGNING_KEY =
      VARIANTS.struct("CreateSigningKey", f -> new CreateSigningKey(f.optionalBytes("room")));
  private static final VariantTable.Name NEW_INVITEE_KEY =
      VARIANTS.struct("NewInviteeKey", f -> new NewInviteeKey(f.bytes("room")));
  private static final VariantTable.Name STORE_SIGNING_KEY =
      VARIANTS.struct(
          "StoreSigningKey",
          f ->
              new StoreSigningKey(
                  f.bytes("room"),
                  f.bytes("private_key"),
                  f.optionalBytes("expected_public_key"),
                  f.optionalBytes("if_held")));
  private static final VariantTable.Name GET_PUBLIC_KEY =
      VARIANTS.struct("GetPublicKey", f -> new GetPublicKey(f.bytes("room")));
  private static final VariantTable.Name SIGN =
      VARIANTS.struct("Sign", f -> new Sign(f.bytes("room"), f.text("purpose"), f.bytes("bytes")));
  private static final VariantTable.Name EXPORT_SIGNING_KEY =
      VARIANTS.struct("ExportSigningKey", f -> new ExportSigningKey(f.bytes("room")));
  private static final VariantTable.Name LIST_VALUES_REQUEST =
      VARIANTS.struct("ListValuesRequest", f -> new ListValues(f.uint64("max_bytes")));

  /** The one ListRequest; built after the rows (its constructor reads its row's name). */
  public static final ListKeys LIST = new ListKeys();

  private final VariantTable.Name name;

  private DelegateRequest(VariantTable.Name name) {
    this.name = VariantTable.Name.check(name, VARIANTS);
  }

  /** The wire variant name, e.g. "GetRequest", from the variant's row. */
  public final String variantName() {
    return name.text();
  }

  public static DelegateRequest fromCbor(CborItem item) {
    return VARIANTS.decode(item);
  }

  /** Key-only requests share one shape. */
  private abstract static class Keyed extends DelegateRequest {
    private final byte[] key;

    Keyed(VariantTable.Name name, byte[] key) {
      super(name);
      this.key = required(key, "key");
    }

    public byte[] key() {
      return copy(key);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(), CborMap.builder().put("key", CborItem.bytes(key)).build());
    }
  }

  public static final class Get extends Keyed {
    public Get(byte[] key) {
      super(GET_REQUEST, key);
    }
  }

  public static final class Delete extends Keyed {
    public Delete(byte[] key) {
      super(DELETE_REQUEST, key);
    }
  }

  public static final class GetVersioned extends Keyed {
    public GetVersioned(byte[] key) {
      super(GET_VERSIONED_REQUEST, key);
    }
  }

  /** Blind write: the node re-wraps the value at generation + 1. */
  public static final class Store extends DelegateRequest {
    private final byte[] key;
    private final byte[] value;

    public Store(byte[] key, byte[] value) {
      super(STORE_REQUEST);
      this.key = required(key, "key");
      this.value = required(value, "value");
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] value() {
      return copy(value);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("value", CborItem.bytes(value))
              .build());
    }
  }

  /** The key index of this user's store: a unit variant, "ListRequest". */
  public static final class ListKeys extends DelegateRequest {
    private ListKeys() {
      super(LIST_REQUEST);
    }

    @Override
    public CborItem toCbor() {
      return Variant.unit(variantName());
    }
  }

  /**
   * GetVersioned of several keys at once, answered {@link DelegateResponse.GetMany} with the values
   * in the same order. Hazard: the answer is one frame, so the node refuses (too_large) a batch
   * whose values together exceed the frame limit; the asker then falls back to single Gets.
   */
  public static final class GetMany extends DelegateRequest {
    /** More keys than this in one request are refused (too_large). */
    public static final int MAX_KEYS = 128;

    private final List<byte[]> keys;

    public GetMany(List<byte[]> keys) {
      super(GET_MANY_REQUEST);
      this.keys = requiredAll(keys, "key");
    }

    /** Copies of the keys, in request order. */
    public List<byte[]> keys() {
      return copies(keys);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("keys", bytesArray(keys)).build());
    }
  }

  /**
   * List with values: every key, as a List answers, and the value and generation of the first keys
   * in that order, as many as fit {@code maxBytes} (a u64; keys and values together, each value
   * counted with its key; the node may allow less), answered {@link ListValuesResponse}. A tab's
   * load reads its List and its room slots in one round trip this way (issue 18); what did not fit
   * it reads by GetMany.
   */
  public static final class ListValues extends DelegateRequest {
    private final long maxBytes;

    public ListValues(long maxBytes) {
      super(LIST_VALUES_REQUEST);
      this.maxBytes = maxBytes;
    }

    /** The asked budget as u64 bits. */
    public long maxBytes() {
      return maxBytes;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(), CborMap.builder().put("max_bytes", CborItem.uint64(maxBytes)).build());
    }
  }

  /** Write {@code value} only if the stored generation equals {@code expectedGeneration}. */
  public static final class CasStore extends DelegateRequest {
    private final byte[] key;
    private final byte[] value;
    private final long expectedGeneration;

    public CasStore(byte[] key, byte[] value, long expectedGeneration) {
      super(CAS_STORE_REQUEST);
      this.key = required(key, "key");
      this.value = required(value, "value");
      this.expectedGeneration = expectedGeneration;
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] value() {
      return copy(value);
    }

    /** u64 bits. */
    public long expectedGeneration() {
      return expectedGeneration;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("value", CborItem.bytes(value))
              .put("expected_generation", CborItem.uint64(expectedGeneration))
              .build());
    }
  }

  /**
   * A new signing key kept by the node for this user: for {@code room}, or (null) a new room owner
   * key. Answered {@link DelegateResponse.SigningKey}.
   */
  public static final class CreateSigningKey extends DelegateRequest {
    private final byte[] room;

    public CreateSigningKey(byte[] room) {
      super(CREATE_SIGNING_KEY);
      this.room = copy(room);
    }

    /** Null for a new owner key. */
    public byte[] room() {
      return copy(room);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(), CborMap.builder().put("room", Fields.bytesOrNull(room)).build());
    }
  }

  /** Room-scoped requests with only the room key share one shape. */
  private abstract static class RoomScoped extends DelegateRequest {
    private final byte[] room;

    RoomScoped(VariantTable.Name name, byte[] room) {
      super(name);
      this.room = required(room, "room");
    }

    public byte[] room() {
      return copy(room);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(), CborMap.builder().put("room", CborItem.bytes(room)).build());
    }
  }

  /** A fresh key pair for an invitee, returned with its private half and not kept. */
  public static final class NewInviteeKey extends RoomScoped {
    public NewInviteeKey(byte[] room) {
      super(NEW_INVITEE_KEY, room);
    }
  }

  /**
   * This user's signing key for {@code room}, private half included (an identity export). Answered
   * {@link DelegateResponse.ExportedKey}; {@code invalid} when the node holds none.
   */
  public static final class ExportSigningKey extends RoomScoped {
    public ExportSigningKey(byte[] room) {
      super(EXPORT_SIGNING_KEY, room);
    }
  }

  /** The public key of this user's signing key for {@code room}. */
  public static final class GetPublicKey extends RoomScoped {
    public GetPublicKey(byte[] room) {
      super(GET_PUBLIC_KEY, room);
    }
  }

  /** Keep {@code privateKey} (a 32-byte Ed25519 seed, e.g. from an invitation) for {@code room}. */
  public static final class StoreSigningKey extends DelegateRequest {
    private final byte[] room;
    private final byte[] privateKey;
    private final byte[] expectedPublicKey;
    private final byte[] ifHeld;

    public StoreSigningKey(byte[] room, byte[] privateKey) {
      this(room, privateKey, null, null);
    }

    /**
     * {@code expectedPublicKey} non-null: refused (nothing stored) unless the key pair matches it.
     */
    public StoreSigningKey(byte[] room, byte[] privateKey, byte[] expectedPublicKey) {
      this(room, privateKey, expectedPublicKey, null);
    }

    /**
     * {@code ifHeld} non-null: stored only while the node holds that public key for the room
     * (empty: while it holds none); the answer names the key held afterwards.
     */
    public StoreSigningKey(
        byte[] room, byte[] privateKey, byte[] expectedPublicKey, byte[] ifHeld) {
      super(STORE_SIGNING_KEY);
      this.room = required(room, "room");
      this.privateKey = required(privateKey, "private_key");
      this.expectedPublicKey = copy(expectedPublicKey);
      this.ifHeld = copy(ifHeld);
    }

    /** The key the node must hold for the import to happen (empty: none), or null for always. */
    public byte[] ifHeld() {
      return copy(ifHeld);
    }

    /** The public key the import must have, or null for any. */
    public byte[] expectedPublicKey() {
      return copy(expectedPublicKey);
    }

    public byte[] room() {
      return copy(room);
    }

    public byte[] privateKey() {
      return copy(privateKey);
    }

    @Override
    public CborItem toCbor() {
      CborMap.Builder fields =
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("private_key", CborItem.bytes(privateKey));
      if (expectedPublicKey != null) {
        fields.put("expected_public_key", CborItem.bytes(expectedPublicKey));
      }
      if (ifHeld != null) {
        fields.put("if_held", CborItem.bytes(ifHeld));
      }
      return Variant.tagged(variantName(), fields.build());
    }

    @Override
    public String toString() {
      return "StoreSigningKey{room}"; // never log a private key
    }
  }

  /** Sign {@code bytes}, which must be the canonical body of a {@code purpose} item. */
  public static final class Sign extends DelegateRequest {
    private final byte[] room;
    private final String purpose;
    private final byte[] bytes;

    public Sign(byte[] room, String purpose, byte[] bytes) {
      super(SIGN);
      this.room = required(room, "room");
      if (purpose == null) {
        throw new NullPointerException("purpose");
      }
      this.purpose = purpose;
      this.bytes = required(bytes, "bytes");
    }

    public byte[] room() {
      return copy(room);
    }

    public String purpose() {
      return purpose;
    }

    public byte[] bytes() {
      return copy(bytes);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("purpose", CborItem.text(purpose))
              .put("bytes", CborItem.bytes(bytes))
              .build());
    }
  }
}
