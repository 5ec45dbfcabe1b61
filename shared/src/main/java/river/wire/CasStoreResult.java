package river.wire;

import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * Outcome of a CasStoreRequest: {"Stored": {"generation"}},
 * {"Conflict": {"current_generation", "current_value": bytes or null}} or {"Failed": text}.
 * Generations are u64 bits. A Conflict always carries what is stored now so the client can
 * re-merge without another round trip.
 */
public abstract class CasStoreResult extends WireValue {
  private CasStoreResult() {}

  public static CasStoreResult fromCbor(CborItem item) {
    Variant v = Variant.read(item, "CasStoreResult");
    String n = v.name();
    if (n.equals("Stored")) {
      return new Stored(v.fields().uint64("generation"));
    } else if (n.equals("Conflict")) {
      Fields f = v.fields();
      return new Conflict(f.uint64("current_generation"), f.optionalBytes("current_value"));
    } else if (n.equals("Failed")) {
      CborItem text = v.value();
      if (text.kind() != CborKind.TEXT) {
        throw WireException.malformed("CasStoreResult Failed must carry text");
      }
      return new Failed(text.asText());
    }
    throw v.unknown();
  }

  public static final class Stored extends CasStoreResult {
    private final long generation;

    public Stored(long generation) {
      this.generation = generation;
    }

    /** The generation now stored (u64 bits). */
    public long generation() {
      return generation;
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged("Stored",
          CborMap.builder().put("generation", CborItem.uint64(generation)).build());
    }
  }

  public static final class Conflict extends CasStoreResult {
    private final long currentGeneration;
    private final byte[] currentValue;

    /** {@code currentValue} null when the key is absent (generation 0). */
    public Conflict(long currentGeneration, byte[] currentValue) {
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
      return Variant.tagged("Conflict", CborMap.builder()
          .put("current_generation", CborItem.uint64(currentGeneration))
          .put("current_value", Fields.bytesOrNull(currentValue)).build());
    }
  }

  public static final class Failed extends CasStoreResult {
    private final String message;

    public Failed(String message) {
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
      return Variant.tagged("Failed", CborItem.text(message));
    }
  }
}
