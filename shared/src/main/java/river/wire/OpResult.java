package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The "ok" value of a response: "Pong", {"Delegate": DelegateResponse} (newtype variant), and the
 * contract results {"GetResult": {"key", "state"}}, {"PutResult": {"key"}},
 * {"UpdateResult": {"key"}}, {"Subscribed": {"key"}}.
 */
public abstract class OpResult extends WireValue {
  public static final OpResult PONG = new Pong();

  private OpResult() {}

  public static OpResult fromCbor(CborItem item) {
    Variant v = Variant.read(item, "Result");
    String n = v.name();
    if (n.equals("Pong")) {
      v.requireUnit();
      return PONG;
    } else if (n.equals("Delegate")) {
      return new Delegate(DelegateResponse.fromCbor(v.value()));
    } else if (n.equals("GetResult")) {
      Fields f = v.fields();
      return new GetResult(f.bytes("key"), f.bytes("state"));
    } else if (n.equals("PutResult")) {
      return new PutResult(v.fields().bytes("key"));
    } else if (n.equals("UpdateResult")) {
      return new UpdateResult(v.fields().bytes("key"));
    } else if (n.equals("Subscribed")) {
      return new Subscribed(v.fields().bytes("key"));
    }
    throw v.unknown();
  }

  public static final class Pong extends OpResult {
    private Pong() {}

    @Override
    public CborItem toCbor() {
      return Variant.unit("Pong");
    }
  }

  public static final class Delegate extends OpResult {
    private final DelegateResponse response;

    public Delegate(DelegateResponse response) {
      if (response == null) {
        throw new NullPointerException("response");
      }
      this.response = response;
    }

    public DelegateResponse response() {
      return response;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("Delegate", response.toCbor());
    }
  }

  public static final class GetResult extends OpResult {
    private final byte[] key;
    private final byte[] state;

    public GetResult(byte[] key, byte[] state) {
      this.key = required(key, "key");
      this.state = required(state, "state");
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] state() {
      return copy(state);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("GetResult", CborMap.builder().put("key", CborItem.bytes(key))
          .put("state", CborItem.bytes(state)).build());
    }
  }

  /** Results that only echo the contract key share one shape. */
  private abstract static class KeyOnly extends OpResult {
    private final String name;
    private final byte[] key;

    KeyOnly(String name, byte[] key) {
      this.name = name;
      this.key = required(key, "key");
    }

    public byte[] key() {
      return copy(key);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(name, CborMap.builder().put("key", CborItem.bytes(key)).build());
    }
  }

  public static final class PutResult extends KeyOnly {
    public PutResult(byte[] key) {
      super("PutResult", key);
    }
  }

  public static final class UpdateResult extends KeyOnly {
    public UpdateResult(byte[] key) {
      super("UpdateResult", key);
    }
  }

  public static final class Subscribed extends KeyOnly {
    public Subscribed(byte[] key) {
      super("Subscribed", key);
    }
  }
}
