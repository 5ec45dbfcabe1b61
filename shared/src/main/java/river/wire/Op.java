package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The operation of a request frame, externally tagged; the table below is the whole vocabulary: a
 * request to a chat delegate ({@link DelegateRequest} inside), "Ping" (answered "Pong"), and the
 * room contract operations Get (optionally subscribing in the same step), Put, Update and
 * Subscribe. Contract keys, states and deltas are byte strings whose contents belong to river.room.
 * An unknown name is {@link ErrorCodes#UNKNOWN_OP}.
 */
public abstract class Op extends WireValue {
  /** Every variant: name and decoder. An unknown name is unknown_op (see {@link VariantTable}). */
  static final VariantTable<Op> VARIANTS = new VariantTable<Op>("Op");

  private static final VariantTable.Name DELEGATE =
      VARIANTS.struct(
          "Delegate",
          f -> new Delegate(f.bytes("delegate"), DelegateRequest.fromCbor(f.any("msg"))));
  private static final VariantTable.Name PING_OP = VARIANTS.unit("Ping", () -> Op.PING);
  private static final VariantTable.Name GET =
      VARIANTS.struct("Get", f -> new Get(f.bytes("key"), f.bool("subscribe")));
  private static final VariantTable.Name PUT =
      VARIANTS.struct("Put", f -> new Put(f.bytes("key"), f.bytes("state")));
  private static final VariantTable.Name UPDATE =
      VARIANTS.struct("Update", f -> new Update(f.bytes("key"), f.bytes("delta")));
  private static final VariantTable.Name SUBSCRIBE =
      VARIANTS.struct("Subscribe", f -> new Subscribe(f.bytes("key")));

  /** The one Ping; built after the rows (its constructor reads its row's name). */
  public static final Op PING = new Ping();

  private final VariantTable.Name name;

  private Op(VariantTable.Name name) {
    this.name = VariantTable.Name.check(name, VARIANTS);
  }

  /** The wire variant name, e.g. "Delegate", from the variant's row. */
  public final String variantName() {
    return name.text();
  }

  public static Op fromCbor(CborItem item) {
    return VARIANTS.decode(item);
  }

  /** A request to the chat delegate whose 32-byte key is {@code delegate}. */
  public static final class Delegate extends Op {
    private final byte[] delegate;
    private final DelegateRequest msg;

    public Delegate(byte[] delegate, DelegateRequest msg) {
      super(DELEGATE);
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
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("delegate", CborItem.bytes(delegate))
              .put("msg", msg.toCbor())
              .build());
    }
  }

  public static final class Ping extends Op {
    private Ping() {
      super(PING_OP);
    }

    @Override
    public CborItem toCbor() {
      return Variant.unit(variantName());
    }
  }

  /** Fetch a contract's state, optionally subscribing to its updates in the same step. */
  public static final class Get extends Op {
    private final byte[] key;
    private final boolean subscribe;

    public Get(byte[] key, boolean subscribe) {
      super(GET);
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
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("subscribe", CborItem.bool(subscribe))
              .build());
    }
  }

  public static final class Put extends Op {
    private final byte[] key;
    private final byte[] state;

    public Put(byte[] key, byte[] state) {
      super(PUT);
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
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("state", CborItem.bytes(state))
              .build());
    }
  }

  public static final class Update extends Op {
    private final byte[] key;
    private final byte[] delta;

    public Update(byte[] key, byte[] delta) {
      super(UPDATE);
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
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("key", CborItem.bytes(key))
              .put("delta", CborItem.bytes(delta))
              .build());
    }
  }

  public static final class Subscribe extends Op {
    private final byte[] key;

    public Subscribe(byte[] key) {
      super(SUBSCRIBE);
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
}
