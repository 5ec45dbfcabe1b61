package river.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A chat delegate response, externally tagged like the requests; the table below is the whole
 * vocabulary, one row per variant. Values are envelope-stripped data (null when the key is absent);
 * generations are u64 held in a long's bits.
 *
 * <p>GetManyResponse echoes the request's keys, each value and generation at its key's index, like
 * GetVersioned. SigningKeyResponse answers CreateSigningKey and StoreSigningKey; InviteeKeyResponse
 * carries a private key the node does not keep; PublicKeyResponse's key is null when the node holds
 * none; SignResponse's signature is 64 bytes. A refused signing request is an error response (code
 * invalid), not a response variant.
 */
public abstract class DelegateResponse extends WireValue {
  /** Every variant: name and decoder. An unknown name is unknown_op (see {@link VariantTable}). */
  static final VariantTable<DelegateResponse> VARIANTS =
      new VariantTable<DelegateResponse>("DelegateResponse");

  private static final VariantTable.Name GET_RESPONSE =
      VARIANTS.struct("GetResponse", f -> new Get(f.bytes("key"), f.optionalBytes("value")));
  private static final VariantTable.Name STORE_RESPONSE =
      VARIANTS.struct(
          "StoreResponse",
          f ->
              new Store(
                  f.bytes("key"), f.uint64("value_size"), UnitResult.fromCbor(f.any("result"))));
  private static final VariantTable.Name DELETE_RESPONSE =
      VARIANTS.struct(
          "DeleteResponse", f -> new Delete(f.bytes("key"), UnitResult.fromCbor(f.any("result"))));
  private static final VariantTable.Name LIST_RESPONSE =
      VARIANTS.struct("ListResponse", f -> new ListKeys(f.bytesList("keys")));
  private static final VariantTable.Name GET_VERSIONED_RESPONSE =
      VARIANTS.struct(
          "GetVersionedResponse",
          f -> new GetVersioned(f.bytes("key"), f.optionalBytes("value"), f.uint64("generation")));
  private static final VariantTable.Name CAS_STORE_RESPONSE =
      VARIANTS.struct(
          "CasStoreResponse",
          f -> new CasStore(f.bytes("key"), CasStoreResult.fromCbor(f.any("result"))));
  private static final VariantTable.Name GET_MANY_RESPONSE =
      VARIANTS.struct(
          "GetManyResponse",
          f ->
              new GetMany(
                  f.bytesList("keys"), f.optionalBytesList("values"), f.uint64List("generations")));
  private static final VariantTable.Name SIGNING_KEY_RESPONSE =
      VARIANTS.struct(
          "SigningKeyResponse", f -> new SigningKey(f.bytes("room"), f.bytes("public_key")));
  private static final VariantTable.Name INVITEE_KEY_RESPONSE =
      VARIANTS.struct(
          "InviteeKeyResponse",
          f -> new InviteeKey(f.bytes("room"), f.bytes("public_key"), f.bytes("private_key")));
  private static final VariantTable.Name PUBLIC_KEY_RESPONSE =
      VARIANTS.struct(
          "PublicKeyResponse", f -> new PublicKey(f.bytes("room"), f.optionalBytes("public_key")));
  private static final VariantTable.Name SIGN_RESPONSE =
      VARIANTS.struct(
          "SignResponse",
          f -> new Signature(f.bytes("room"), f.text("purpose"), f.bytes("signature")));
  private static final VariantTable.Name EXPORTED_KEY_RESPONSE =
      VARIANTS.struct(
          "ExportedKeyResponse",
          f -> new ExportedKey(f.bytes("room"), f.bytes("public_key"), f.bytes("private_key")));
  static final VariantTable.Name LIST_VALUES_RESPONSE =
      VARIANTS.struct(
          "ListValuesResponse",
          f ->
              new ListValuesResponse(
                  f.bytesList("keys"), f.optionalBytesList("values"), f.uint64List("generations")));

  private final VariantTable.Name name;

  /** Package-private for the variants kept in files of their own ({@link ListValuesResponse}). */
  DelegateResponse(VariantTable.Name name) {
    this.name = VariantTable.Name.check(name, VARIANTS);
  }

  /** The wire variant name, e.g. "GetResponse", from the variant's row. */
  public final String variantName() {
    return name.text();
  }

  public static DelegateResponse fromCbor(CborItem item) {
    return VARIANTS.decode(item);
  }

  static UnitResult nonNull(UnitResult r) {
    if (r == null) {
      throw new NullPointerException("result");
    }
    return r;
  }

  CborItem tagged(CborMap.Builder fields) {
    return Variant.tagged(variantName(), fields.build());
  }

  public static final class Get extends DelegateResponse {
    private final byte[] key;
    private final byte[] value;

    /** {@code value} null when the key is absent. */
    public Get(byte[] key, byte[] value) {
      super(GET_RESPONSE);
      this.key = required(key, "key");
      this.value = copy(value);
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] value() {
      return copy(value);
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("value", Fields.bytesOrNull(value)));
    }
  }

  public static final class Store extends DelegateResponse {
    private final byte[] key;
    private final long valueSize;
    private final UnitResult result;

    public Store(byte[] key, long valueSize, UnitResult result) {
      super(STORE_RESPONSE);
      this.key = required(key, "key");
      this.valueSize = valueSize;
      this.result = nonNull(result);
    }

    public byte[] key() {
      return copy(key);
    }

    public long valueSize() {
      return valueSize;
    }

    public UnitResult result() {
      return result;
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("value_size", CborItem.uint64(valueSize))
              .put("result", result.toCbor()));
    }
  }

  public static final class Delete extends DelegateResponse {
    private final byte[] key;
    private final UnitResult result;

    public Delete(byte[] key, UnitResult result) {
      super(DELETE_RESPONSE);
      this.key = required(key, "key");
      this.result = nonNull(result);
    }

    public byte[] key() {
      return copy(key);
    }

    public UnitResult result() {
      return result;
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder().put("key", CborItem.bytes(key)).put("result", result.toCbor()));
    }
  }

  public static final class ListKeys extends DelegateResponse {
    private final List<byte[]> keys;

    public ListKeys(List<byte[]> keys) {
      super(LIST_RESPONSE);
      this.keys = requiredAll(keys, "key");
    }

    /** Takes the keys as they are, not copied: for a decoder that made them for this answer. */
    static ListKeys adopt(List<byte[]> keys) {
      return new ListKeys(keys, true);
    }

    private ListKeys(List<byte[]> keys, boolean adopt) {
      super(LIST_RESPONSE);
      this.keys = keys;
    }

    /** Copies of the keys, in the node's order. */
    public List<byte[]> keys() {
      return copies(keys);
    }

    @Override
    public CborItem toCbor() {
      return tagged(CborMap.builder().put("keys", bytesArray(keys)));
    }
  }

  /**
   * Values of a GetManyRequest: {@code value(i)} (null if absent) and {@code generation(i)} (0 if
   * absent) belong to {@code key(i)}.
   */
  public static final class GetMany extends DelegateResponse {
    private final List<byte[]> keys;
    private final List<byte[]> values;
    private final long[] generations;

    public GetMany(List<byte[]> keys, List<byte[]> values, long[] generations) {
      super(GET_MANY_RESPONSE);
      if (keys.size() != values.size() || keys.size() != generations.length) {
        throw unpaired("GetManyResponse", keys, values, generations);
      }
      this.keys = requiredAll(keys, "key");
      this.values = nullableCopies(values);
      this.generations = Arrays.copyOf(generations, generations.length);
    }

    /** Takes the three as they are, none copied: for a decoder that made them for this answer. */
    static GetMany adopt(List<byte[]> keys, List<byte[]> values, long[] generations) {
      return new GetMany(keys, values, generations, true);
    }

    private GetMany(List<byte[]> keys, List<byte[]> values, long[] generations, boolean adopt) {
      super(GET_MANY_RESPONSE);
      this.keys = keys;
      this.values = values;
      this.generations = generations;
    }

    /** The generation of key {@code i} (u64 bits). */
    public long generation(int i) {
      return generations[i];
    }

    public int size() {
      return keys.size();
    }

    public byte[] key(int i) {
      return copy(keys.get(i));
    }

    /** The value of key {@code i}, null when absent. */
    public byte[] value(int i) {
      return copy(values.get(i));
    }

    @Override
    public CborItem toCbor() {
      return tagged(keyedValues(keys, values, generations));
    }
  }

  /** A GetMany-shaped answer whose keys, values and generations do not pair up. */
  static WireException unpaired(
      String variant, List<byte[]> keys, List<byte[]> values, long[] generations) {
    return WireException.malformed(
        variant
            + ": "
            + keys.size()
            + " keys, "
            + values.size()
            + " values, "
            + generations.length
            + " generations");
  }

  /** Copies of values, each of which may be null (absent). */
  static List<byte[]> nullableCopies(List<byte[]> values) {
    List<byte[]> out = new ArrayList<byte[]>(values.size());
    for (byte[] v : values) {
      out.add(copy(v));
    }
    return out;
  }

  /** The fields of a GetMany-shaped answer: keys, then the values and generations they carry. */
  static CborMap.Builder keyedValues(List<byte[]> keys, List<byte[]> values, long[] generations) {
    List<CborItem> v = new ArrayList<CborItem>(values.size());
    List<CborItem> g = new ArrayList<CborItem>(values.size());
    for (int i = 0; i < values.size(); i++) {
      v.add(Fields.bytesOrNull(values.get(i)));
      g.add(CborItem.uint64(generations[i]));
    }
    return CborMap.builder()
        .put("keys", bytesArray(keys))
        .put("values", CborItem.array(v))
        .put("generations", CborItem.array(g));
  }

  public static final class GetVersioned extends DelegateResponse {
    private final byte[] key;
    private final byte[] value;
    private final long generation;

    public GetVersioned(byte[] key, byte[] value, long generation) {
      super(GET_VERSIONED_RESPONSE);
      this.key = required(key, "key");
      this.value = copy(value);
      this.generation = generation;
    }

    public byte[] key() {
      return copy(key);
    }

    /** Envelope-stripped data, or null when absent (generation 0). */
    public byte[] value() {
      return copy(value);
    }

    public long generation() {
      return generation;
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("value", Fields.bytesOrNull(value))
              .put("generation", CborItem.uint64(generation)));
    }
  }

  public static final class CasStore extends DelegateResponse {
    private final byte[] key;
    private final CasStoreResult result;

    public CasStore(byte[] key, CasStoreResult result) {
      super(CAS_STORE_RESPONSE);
      this.key = required(key, "key");
      if (result == null) {
        throw new NullPointerException("result");
      }
      this.result = result;
    }

    public byte[] key() {
      return copy(key);
    }

    public CasStoreResult result() {
      return result;
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder().put("key", CborItem.bytes(key)).put("result", result.toCbor()));
    }
  }

  /** The public key of a signing key the node now holds for {@code room}. */
  public static final class SigningKey extends DelegateResponse {
    private final byte[] room;
    private final byte[] publicKey;

    public SigningKey(byte[] room, byte[] publicKey) {
      super(SIGNING_KEY_RESPONSE);
      this.room = required(room, "room");
      this.publicKey = required(publicKey, "public_key");
    }

    public byte[] room() {
      return copy(room);
    }

    public byte[] publicKey() {
      return copy(publicKey);
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("public_key", CborItem.bytes(publicKey)));
    }
  }

  /** A fresh invitee key pair (the node does not keep it). */
  public static final class InviteeKey extends DelegateResponse {
    private final byte[] room;
    private final byte[] publicKey;
    private final byte[] privateKey;

    public InviteeKey(byte[] room, byte[] publicKey, byte[] privateKey) {
      super(INVITEE_KEY_RESPONSE);
      this.room = required(room, "room");
      this.publicKey = required(publicKey, "public_key");
      this.privateKey = required(privateKey, "private_key");
    }

    public byte[] room() {
      return copy(room);
    }

    public byte[] publicKey() {
      return copy(publicKey);
    }

    public byte[] privateKey() {
      return copy(privateKey);
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("public_key", CborItem.bytes(publicKey))
              .put("private_key", CborItem.bytes(privateKey)));
    }

    @Override
    public String toString() {
      return "InviteeKeyResponse{room, public_key}"; // never log a private key
    }
  }

  /** This user's own signing key for a room, private half included (ExportSigningKey). */
  public static final class ExportedKey extends DelegateResponse {
    private final byte[] room;
    private final byte[] publicKey;
    private final byte[] privateKey;

    public ExportedKey(byte[] room, byte[] publicKey, byte[] privateKey) {
      super(EXPORTED_KEY_RESPONSE);
      this.room = required(room, "room");
      this.publicKey = required(publicKey, "public_key");
      this.privateKey = required(privateKey, "private_key");
    }

    public byte[] room() {
      return copy(room);
    }

    public byte[] publicKey() {
      return copy(publicKey);
    }

    public byte[] privateKey() {
      return copy(privateKey);
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("public_key", CborItem.bytes(publicKey))
              .put("private_key", CborItem.bytes(privateKey)));
    }

    @Override
    public String toString() {
      return "ExportedKeyResponse{room, public_key}"; // never log a private key
    }
  }

  /** This user's public key in {@code room}, or null when the node holds none. */
  public static final class PublicKey extends DelegateResponse {
    private final byte[] room;
    private final byte[] publicKey;

    public PublicKey(byte[] room, byte[] publicKey) {
      super(PUBLIC_KEY_RESPONSE);
      this.room = required(room, "room");
      this.publicKey = copy(publicKey);
    }

    public byte[] room() {
      return copy(room);
    }

    public byte[] publicKey() {
      return copy(publicKey);
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("public_key", Fields.bytesOrNull(publicKey)));
    }
  }

  /** The signature of a Sign request's bytes. */
  public static final class Signature extends DelegateResponse {
    private final byte[] room;
    private final String purpose;
    private final byte[] signature;

    public Signature(byte[] room, String purpose, byte[] signature) {
      super(SIGN_RESPONSE);
      this.room = required(room, "room");
      if (purpose == null) {
        throw new NullPointerException("purpose");
      }
      this.purpose = purpose;
      this.signature = required(signature, "signature");
    }

    public byte[] room() {
      return copy(room);
    }

    public String purpose() {
      return purpose;
    }

    public byte[] signature() {
      return copy(signature);
    }

    @Override
    public CborItem toCbor() {
      return tagged(
          CborMap.builder()
              .put("room", CborItem.bytes(room))
              .put("purpose", CborItem.text(purpose))
              .put("signature", CborItem.bytes(signature)));
    }
  }
}
