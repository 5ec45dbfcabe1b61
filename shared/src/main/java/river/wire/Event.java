package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The event of a push frame: {"DelegateKeyChanged": {"delegate", "key", "generation"}} (sent to
 * the user's other connections; a hint to re-read, never the data itself) and
 * {"ContractUpdated": {"key", "state"}} (placeholder until the contract issue defines it).
 */
public abstract class Event extends WireValue {
  private Event() {}

  public static Event fromCbor(CborItem item) {
    Variant v = Variant.read(item, "Event");
    String n = v.name();
    if (n.equals("DelegateKeyChanged")) {
      Fields f = v.fields();
      return new DelegateKeyChanged(f.bytes("delegate"), f.bytes("key"), f.uint64("generation"));
    } else if (n.equals("ContractUpdated")) {
      Fields f = v.fields();
      return new ContractUpdated(f.bytes("key"), f.bytes("state"));
    }
    throw v.unknown();
  }

  public static final class DelegateKeyChanged extends Event {
    private final byte[] delegate;
    private final byte[] key;
    private final long generation;

    public DelegateKeyChanged(byte[] delegate, byte[] key, long generation) {
      this.delegate = required(delegate, "delegate");
      this.key = required(key, "key");
      this.generation = generation;
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

    @Override
    public CborItem toCbor() {
      return Variant.tagged("DelegateKeyChanged", CborMap.builder()
          .put("delegate", CborItem.bytes(delegate)).put("key", CborItem.bytes(key))
          .put("generation", CborItem.uint64(generation)).build());
    }
  }

  public static final class ContractUpdated extends Event {
    private final byte[] key;
    private final byte[] state;

    public ContractUpdated(byte[] key, byte[] state) {
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
      return Variant.tagged("ContractUpdated", CborMap.builder()
          .put("key", CborItem.bytes(key)).put("state", CborItem.bytes(state)).build());
    }
  }
}
