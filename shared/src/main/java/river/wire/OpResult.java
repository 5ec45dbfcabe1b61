package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The "ok" value of a response, externally tagged; the table below is the whole vocabulary: "Pong",
 * Delegate (a newtype variant holding a {@link DelegateResponse}), and the room contract results
 * GetResult (the state), PutResult, UpdateResult and Subscribed (each echoing the contract key).
 * Error messages call this enum "Result".
 */
public abstract class OpResult extends WireValue {
  /** Every variant: name and decoder. An unknown name is unknown_op (see {@link VariantTable}). */
  static final VariantTable<OpResult> VARIANTS = new VariantTable<OpResult>("Result");

  private static final VariantTable.Name PONG_RESULT = VARIANTS.unit("Pong", () -> OpResult.PONG);
  private static final VariantTable.Name DELEGATE =
      VARIANTS.newtype("Delegate", value -> new Delegate(DelegateResponse.fromCbor(value)));
  private static final VariantTable.Name GET_RESULT =
      VARIANTS.struct("GetResult", f -> new GetResult(f.bytes("key"), f.bytes("state")));
  private static final VariantTable.Name PUT_RESULT =
      VARIANTS.struct("PutResult", f -> new PutResult(f.bytes("key")));
  private static final VariantTable.Name UPDATE_RESULT =
      VARIANTS.struct("UpdateResult", f -> new UpdateResult(f.bytes("key")));
  private static final VariantTable.Name SUBSCRIBED =
      VARIANTS.struct("Subscribed", f -> new Subscribed(f.bytes("key")));

  /** The one Pong; built after the rows (its constructor reads its row's name). */
  public static final OpResult PONG = new Pong();

  private final VariantTable.Name name;

  private OpResult(VariantTable.Name name) {
    this.name = VariantTable.Name.check(name, VARIANTS);
  }

  /** The wire variant name, e.g. "Pong", from the variant's row. */
  public final String variantName() {
    return name.text();
  }

  public static OpResult fromCbor(CborItem item) {
    return VARIANTS.decode(item);
  }

  public static final class Pong extends OpResult {
    private Pong() {
      super(PONG_RESULT);
    }

    @Override
    public CborItem toCbor() {
      return Variant.unit(variantName());
    }
  }

  public static final class Delegate extends OpResult {
    private final DelegateResponse response;

    public Delegate(DelegateResponse response) {
      super(DELEGATE);
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
      return Variant.tagged(variantName(), response.toCbor());
    }
  }

  public static final class GetResult extends OpResult {
    private final byte[] key;
    private final byte[] state;

    public GetResult(byte[] key, byte[] state) {
      super(GET_RESULT);
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

  /** Results that only echo the contract key share one shape. */
  private abstract static class KeyOnly extends OpResult {
    private final byte[] key;

    KeyOnly(VariantTable.Name name, byte[] key) {
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

  public static final class PutResult extends KeyOnly {
    public PutResult(byte[] key) {
      super(PUT_RESULT, key);
    }
  }

  public static final class UpdateResult extends KeyOnly {
    public UpdateResult(byte[] key) {
      super(UPDATE_RESULT, key);
    }
  }

  public static final class Subscribed extends KeyOnly {
    public Subscribed(byte[] key) {
      super(SUBSCRIBED, key);
    }
  }
}
