package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The event of a push frame, externally tagged; the table below is the whole vocabulary:
 * DelegateKeyChanged (sent to the user's other connections after a write: a hint to re-read, which
 * may carry the value written, so the tab need not read it back) and ContractUpdated (a room
 * contract's new state, to its subscribers).
 */
public abstract class Event extends WireValue {
  /** Every variant: name and decoder. An unknown name is unknown_op (see {@link VariantTable}). */
  static final VariantTable<Event> VARIANTS = new VariantTable<Event>("Event");

  private static final VariantTable.Name DELEGATE_KEY_CHANGED =
      VARIANTS.struct(
          "DelegateKeyChanged",
          f ->
              new DelegateKeyChanged(
                  f.bytes("delegate"),
                  f.bytes("key"),
                  f.uint64("generation"),
                  f.optionalBytes("value")));
  private static final VariantTable.Name CONTRACT_UPDATED =
      VARIANTS.struct(
          "ContractUpdated", f -> new ContractUpdated(f.bytes("key"), f.bytes("state")));

  private final VariantTable.Name name;

  private Event(VariantTable.Name name) {
    this.name = VariantTable.Name.check(name, VARIANTS);
  }

  /** The wire variant name, e.g. "DelegateKeyChanged", from the variant's row. */
  public final String variantName() {
    return name.text();
  }

  public static Event fromCbor(CborItem item) {
    return VARIANTS.decode(item);
  }

  public static final class DelegateKeyChanged extends Event {
    private final byte[] delegate;
    private final byte[] key;
    private final long generation;
    private final byte[] value;

    public DelegateKeyChanged(byte[] delegate, byte[] key, long generation) {
      this(delegate, key, generation, null);
    }

    /**
     * {@code value}: what the store held at {@code generation}, or null when the push does not
     * carry it (too large, a Delete, the legacy delegate): then re-read.
     */
    public DelegateKeyChanged(byte[] delegate, byte[] key, long generation, byte[] value) {
      super(DELEGATE_KEY_CHANGED);
      this.delegate = required(delegate, "delegate");
      this.key = required(key, "key");
      this.generation = generation;
      this.value = value;
    }

    public byte[] delegate() {
      return copy(delegate);
    }

    public byte[] key() {
      return copy(key);
    }

    /** u64 bits. */
    public long generation() {
      return generation;
    }

    /** The value written at {@link #generation}, or null when the push does not carry it. */
    public byte[] value() {
      return value == null ? null : copy(value);
    }

    @Override
    public CborItem toCbor() {
      CborMap.Builder m =
          CborMap.builder()
              .put("delegate", CborItem.bytes(delegate))
              .put("key", CborItem.bytes(key))
              .put("generation", CborItem.uint64(generation));
      if (value != null) {
        m.put("value", CborItem.bytes(value)); // absent, not null: the push of the design's shape
      }
      return Variant.tagged(variantName(), m.build());
    }
  }

  public static final class ContractUpdated extends Event {
    private final byte[] key;
    private final byte[] state;

    public ContractUpdated(byte[] key, byte[] state) {
      super(CONTRACT_UPDATED);
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
}
