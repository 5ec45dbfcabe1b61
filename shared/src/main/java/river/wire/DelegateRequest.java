package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A chat delegate request (DESIGN.md "Chat delegate requests and responses"), externally tagged:
 * {"GetRequest": {"key"}}, {"StoreRequest": {"key", "value"}}, {"DeleteRequest": {"key"}},
 * "ListRequest", {"GetVersionedRequest": {"key"}},
 * {"CasStoreRequest": {"key", "value", "expected_generation"}}. Keys and values are byte strings;
 * generations are u64 held in a long's bits. Variants are only ever appended.
 */
public abstract class DelegateRequest extends WireValue {
  private DelegateRequest() {}

  /** The wire variant name, e.g. "GetRequest". */
  public abstract String variantName();

  public static DelegateRequest fromCbor(CborItem item) {
    Variant v = Variant.read(item, "DelegateRequest");
    String n = v.name();
    if (n.equals("GetRequest")) {
      return new Get(v.fields().bytes("key"));
    } else if (n.equals("StoreRequest")) {
      Fields f = v.fields();
      return new Store(f.bytes("key"), f.bytes("value"));
    } else if (n.equals("DeleteRequest")) {
      return new Delete(v.fields().bytes("key"));
    } else if (n.equals("ListRequest")) {
      v.requireUnit();
      return LIST;
    } else if (n.equals("GetVersionedRequest")) {
      return new GetVersioned(v.fields().bytes("key"));
    } else if (n.equals("CasStoreRequest")) {
      Fields f = v.fields();
      return new CasStore(f.bytes("key"), f.bytes("value"), f.uint64("expected_generation"));
    }
    throw v.unknown();
  }

  public static final ListKeys LIST = new ListKeys();

  /** Key-only requests share one shape. */
  private abstract static class Keyed extends DelegateRequest {
    private final byte[] key;

    Keyed(byte[] key) {
      this.key = required(key, "key");
    }

    public byte[] key() {
      return copy(key);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(),
          CborMap.builder().put("key", CborItem.bytes(key)).build());
    }
  }

  public static final class Get extends Keyed {
    public Get(byte[] key) {
      super(key);
    }

    @Override
    public String variantName() {
      return "GetRequest";
    }
  }

  public static final class Delete extends Keyed {
    public Delete(byte[] key) {
      super(key);
    }

    @Override
    public String variantName() {
      return "DeleteRequest";
    }
  }

  public static final class GetVersioned extends Keyed {
    public GetVersioned(byte[] key) {
      super(key);
    }

    @Override
    public String variantName() {
      return "GetVersionedRequest";
    }
  }

  /** Blind write: the node re-wraps the value at generation + 1. */
  public static final class Store extends DelegateRequest {
    private final byte[] key;
    private final byte[] value;

    public Store(byte[] key, byte[] value) {
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
    public String variantName() {
      return "StoreRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("key", CborItem.bytes(key))
          .put("value", CborItem.bytes(value)).build());
    }
  }

  /** The key index of this user's store: a unit variant, "ListRequest". */
  public static final class ListKeys extends DelegateRequest {
    private ListKeys() {}

    @Override
    public String variantName() {
      return "ListRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.unit(variantName());
    }
  }

  /** Write {@code value} only if the stored generation equals {@code expectedGeneration}. */
  public static final class CasStore extends DelegateRequest {
    private final byte[] key;
    private final byte[] value;
    private final long expectedGeneration;

    public CasStore(byte[] key, byte[] value, long expectedGeneration) {
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
    public String variantName() {
      return "CasStoreRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("key", CborItem.bytes(key))
          .put("value", CborItem.bytes(value))
          .put("expected_generation", CborItem.uint64(expectedGeneration)).build());
    }
  }
}
