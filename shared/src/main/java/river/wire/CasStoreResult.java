package river.wire;

import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * Outcome of a CasStoreRequest: {"Stored": {"generation"}}, {"Conflict": {"current_generation",
 * "current_value": bytes or null}} or {"Failed": text}. Generations are u64 bits. A Conflict always
 * carries what is stored now so the client can re-merge without another round trip.
 */
public abstract class CasStoreResult extends WireValue {
  /** Every variant: name and decoder. An unknown name is unknown_op (see {@link VariantTable}). */
  static final VariantTable<CasStoreResult> VARIANTS =
      new VariantTable<CasStoreResult>("CasStoreResult");

  private static final VariantTable.Name STORED =
      VARIANTS.struct("Stored", f -> new Stored(f.uint64("generation")));
  private static final VariantTable.Name CONFLICT =
      VARIANTS.struct(
          "Conflict",
          f -> new Conflict(f.uint64("current_generation"), f.optionalBytes("current_value")));
  private static final VariantTable.Name FAILED =
      VARIANTS.newtype(
          "Failed",
          text -> {
            if (text.kind() != CborKind.TEXT) {
              throw WireException.malformed("CasStoreResult Failed must carry text");
            }
            return new Failed(text.asText());
          });

  private final VariantTable.Name name;

  private CasStoreResult(VariantTable.Name name) {
    this.name = VariantTable.Name.check(name, VARIANTS);
  }

  /** The wire variant name, e.g. "Stored", from the variant's row. */
  public final String variantName() {
    return name.text();
  }

  public static CasStoreResult fromCbor(CborItem item) {
    return VARIANTS.decode(item);
  }

  public static final class Stored extends CasStoreResult {
    private final long generation;

    public Stored(long generation) {
      super(STORED);
      this.generation = generation;
    }

    /** The generation now stored (u64 bits). */
    public long generation() {
      return generation;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(), CborMap.builder().put("generation", CborItem.uint64(generation)).build());
    }
  }

  public static final class Conflict extends CasStoreResult {
    private final long currentGeneration;
    private final byte[] currentValue;

    /** {@code currentValue} null when the key is absent (generation 0). */
    public Conflict(long currentGeneration, byte[] currentValue) {
      super(CONFLICT);
      this.currentGeneration = currentGeneration;
      this.currentValue = copy(currentValue);
    }

    public long currentGeneration() {
      return currentGeneration;
    }

    /** Stored data (envelope stripped), or null when absent. */
    public byte[] currentValue() {
      return copy(currentValue);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(
          variantName(),
          CborMap.builder()
              .put("current_generation", CborItem.uint64(currentGeneration))
              .put("current_value", Fields.bytesOrNull(currentValue))
              .build());
    }
  }

  public static final class Failed extends CasStoreResult {
    private final String message;

    public Failed(String message) {
      super(FAILED);
      if (message == null) {
        throw new NullPointerException("message");
      }
      this.message = message;
    }

    public String message() {
      return message;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborItem.text(message));
    }
  }
}
