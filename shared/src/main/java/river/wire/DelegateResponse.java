package river.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A chat delegate response, externally tagged like the requests:
 * {"GetResponse": {"key", "value": bytes|null}},
 * {"StoreResponse": {"key", "value_size", "result"}}, {"DeleteResponse": {"key", "result"}},
 * {"ListResponse": {"keys": [bytes]}},
 * {"GetVersionedResponse": {"key", "value": bytes|null, "generation"}},
 * {"CasStoreResponse": {"key", "result": CasStoreResult}}. Values are envelope-stripped data.
 */
public abstract class DelegateResponse extends WireValue {
  private DelegateResponse() {}

  public abstract String variantName();

  public static DelegateResponse fromCbor(CborItem item) {
    Variant v = Variant.read(item, "DelegateResponse");
    String n = v.name();
    if (n.equals("ListResponse")) {
      return new ListKeys(v.fields().bytesList("keys"));
    }
    boolean known = n.equals("GetResponse") || n.equals("StoreResponse")
        || n.equals("DeleteResponse") || n.equals("GetVersionedResponse")
        || n.equals("CasStoreResponse");
    if (!known) {
      throw v.unknown(); // before any shape check: a newer response is unknown, not malformed
    }
    Fields f = v.fields();
    if (n.equals("GetResponse")) {
      return new Get(f.bytes("key"), f.optionalBytes("value"));
    } else if (n.equals("StoreResponse")) {
      return new Store(f.bytes("key"), f.uint64("value_size"),
          UnitResult.fromCbor(f.any("result")));
    } else if (n.equals("DeleteResponse")) {
      return new Delete(f.bytes("key"), UnitResult.fromCbor(f.any("result")));
    } else if (n.equals("GetVersionedResponse")) {
      return new GetVersioned(f.bytes("key"), f.optionalBytes("value"), f.uint64("generation"));
    }
    return new CasStore(f.bytes("key"), CasStoreResult.fromCbor(f.any("result")));
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
    public String variantName() {
      return "GetResponse";
    }

    @Override
    public CborItem toCbor() {
      return tagged(CborMap.builder().put("key", CborItem.bytes(key))
          .put("value", Fields.bytesOrNull(value)));
    }
  }

  public static final class Store extends DelegateResponse {
    private final byte[] key;
    private final long valueSize;
    private final UnitResult result;

    public Store(byte[] key, long valueSize, UnitResult result) {
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
    public String variantName() {
      return "StoreResponse";
    }

    @Override
    public CborItem toCbor() {
      return tagged(CborMap.builder().put("key", CborItem.bytes(key))
          .put("value_size", CborItem.uint64(valueSize)).put("result", result.toCbor()));
    }
  }

  public static final class Delete extends DelegateResponse {
    private final byte[] key;
    private final UnitResult result;

    public Delete(byte[] key, UnitResult result) {
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
    public String variantName() {
      return "DeleteResponse";
    }

    @Override
    public CborItem toCbor() {
      return tagged(CborMap.builder().put("key", CborItem.bytes(key))
          .put("result", result.toCbor()));
    }
  }

  public static final class ListKeys extends DelegateResponse {
    private final List<byte[]> keys;

    public ListKeys(List<byte[]> keys) {
      List<byte[]> copy = new ArrayList<byte[]>(keys.size());
      for (byte[] k : keys) {
        copy.add(required(k, "key"));
      }
      this.keys = copy;
    }

    /** Copies of the keys, in the node's order. */
    public List<byte[]> keys() {
      List<byte[]> out = new ArrayList<byte[]>(keys.size());
      for (byte[] k : keys) {
        out.add(copy(k));
      }
      return Collections.unmodifiableList(out);
    }

    @Override
    public String variantName() {
      return "ListResponse";
    }

    @Override
    public CborItem toCbor() {
      List<CborItem> items = new ArrayList<CborItem>(keys.size());
      for (byte[] k : keys) {
        items.add(CborItem.bytes(k));
      }
      return tagged(CborMap.builder().put("keys", CborItem.array(items)));
    }
  }

  public static final class GetVersioned extends DelegateResponse {
    private final byte[] key;
    private final byte[] value;
    private final long generation;

    public GetVersioned(byte[] key, byte[] value, long generation) {
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
    public String variantName() {
      return "GetVersionedResponse";
    }

    @Override
    public CborItem toCbor() {
      return tagged(CborMap.builder().put("key", CborItem.bytes(key))
          .put("value", Fields.bytesOrNull(value))
          .put("generation", CborItem.uint64(generation)));
    }
  }

  public static final class CasStore extends DelegateResponse {
    private final byte[] key;
    private final CasStoreResult result;

    public CasStore(byte[] key, CasStoreResult result) {
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
    public String variantName() {
      return "CasStoreResponse";
    }

    @Override
    public CborItem toCbor() {
      return tagged(CborMap.builder().put("key", CborItem.bytes(key))
          .put("result", result.toCbor()));
    }
  }
}
