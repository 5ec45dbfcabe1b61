package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The operation of a request frame, externally tagged:
 * {"Delegate": {"delegate": bytes, "msg": DelegateRequest}}, "Ping", and the contract operations
 * {"Get": {"key", "subscribe": bool}}, {"Put": {"key", "state"}}, {"Update": {"key", "delta"}},
 * {"Subscribe": {"key"}} (contract keys, states and deltas are byte strings; their contents are
 * defined by the contract issue). An unknown name is {@link ErrorCodes#UNKNOWN_OP}.
 */
public abstract class Op extends WireValue {
  public static final Op PING = new Ping();

  private Op() {}

  public static Op fromCbor(CborItem item) {
    Variant v = Variant.read(item, "Op");
    String n = v.name();
    if (n.equals("Ping")) {
      v.requireUnit();
      return PING;
    }
    boolean known = n.equals("Delegate") || n.equals("Get") || n.equals("Put")
        || n.equals("Update") || n.equals("Subscribe");
    if (!known) {
      throw v.unknown(); // before any shape check: a newer op is unknown, not malformed
    }
    Fields f = v.fields();
    if (n.equals("Delegate")) {
      byte[] delegate = f.bytes("delegate");
      return new Delegate(delegate, DelegateRequest.fromCbor(f.any("msg")));
    } else if (n.equals("Get")) {
      return new Get(f.bytes("key"), f.bool("subscribe"));
    } else if (n.equals("Put")) {
      return new Put(f.bytes("key"), f.bytes("state"));
    } else if (n.equals("Update")) {
      return new Update(f.bytes("key"), f.bytes("delta"));
    }
    return new Subscribe(f.bytes("key"));
  }

  /** A request to the chat delegate whose 32-byte key is {@code delegate}. */
  public static final class Delegate extends Op {
    private final byte[] delegate;
    private final DelegateRequest msg;

    public Delegate(byte[] delegate, DelegateRequest msg) {
      this.delegate = required(delegate, "delegate");
      if (msg == null) {
        throw new NullPointerException("msg");
      }
      this.msg = msg;
    }

    public byte[] delegate() {
      return copy(delegate);
    }

    public DelegateRequest msg() {
      return msg;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("Delegate", CborMap.builder()
          .put("delegate", CborItem.bytes(delegate)).put("msg", msg.toCbor()).build());
    }
  }

  public static final class Ping extends Op {
    private Ping() {}

    @Override
    public CborItem toCbor() {
      return Variant.unit("Ping");
    }
  }

  /** Fetch a contract's state, optionally subscribing to its updates in the same step. */
  public static final class Get extends Op {
    private final byte[] key;
    private final boolean subscribe;

    public Get(byte[] key, boolean subscribe) {
      this.key = required(key, "key");
      this.subscribe = subscribe;
    }

    public byte[] key() {
      return copy(key);
    }

    public boolean subscribe() {
      return subscribe;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("Get", CborMap.builder().put("key", CborItem.bytes(key))
          .put("subscribe", CborItem.bool(subscribe)).build());
    }
  }

  public static final class Put extends Op {
    private final byte[] key;
    private final byte[] state;

    public Put(byte[] key, byte[] state) {
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
      return Variant.tagged("Put", CborMap.builder().put("key", CborItem.bytes(key))
          .put("state", CborItem.bytes(state)).build());
    }
  }

  public static final class Update extends Op {
    private final byte[] key;
    private final byte[] delta;

    public Update(byte[] key, byte[] delta) {
      this.key = required(key, "key");
      this.delta = required(delta, "delta");
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] delta() {
      return copy(delta);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("Update", CborMap.builder().put("key", CborItem.bytes(key))
          .put("delta", CborItem.bytes(delta)).build());
    }
  }

  public static final class Subscribe extends Op {
    private final byte[] key;

    public Subscribe(byte[] key) {
      this.key = required(key, "key");
    }

    public byte[] key() {
      return copy(key);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("Subscribe",
          CborMap.builder().put("key", CborItem.bytes(key)).build());
    }
  }
}
