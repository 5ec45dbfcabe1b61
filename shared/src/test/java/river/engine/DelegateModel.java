package river.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A model of one user's store in one chat-delegate version, implementing DESIGN "Delegate storage
 * semantics" exactly: every value lives in a versioned envelope (0x01, generation u64 LE, data);
 * a value shorter than 9 bytes or not starting with 0x01 reads as raw data at generation 0 (legacy
 * values); Get strips, Store re-wraps at generation + 1; CAS treats absent as generation 0 and
 * checks + writes atomically; List returns every key. Records every write for invariant checks.
 */
public final class DelegateModel {
  /** Observes every successful write: key, old data (null = absent), new data, new generation. */
  public interface WriteObserver {
    void onWrite(String key, byte[] oldData, byte[] newData, long generation);
  }

  private final TreeMap<String, byte[]> raw = new TreeMap<>();
  private WriteObserver observer;
  public int casConflicts;
  public int writes;

  public void setObserver(WriteObserver observer) {
    this.observer = observer;
  }

  /** Seeds a raw value (no envelope), as the legacy delegate wrote them. */
  public void putRaw(String key, byte[] value) {
    raw.put(key, value.clone());
  }

  /** Copies another model's stored bytes for a key verbatim (envelope included). */
  public void putRawEnveloped(String key, DelegateModel from) {
    raw.put(key, from.raw.get(key).clone());
  }

  public long generation(String key) {
    byte[] v = raw.get(key);
    if (v == null || v.length < 9 || v[0] != 1) return 0;
    long g = 0;
    for (int i = 8; i >= 1; i--) g = (g << 8) | (v[i] & 0xff);
    return g;
  }

  public byte[] data(String key) {
    byte[] v = raw.get(key);
    if (v == null) return null;
    if (v.length < 9 || v[0] != 1) return v.clone();
    return Arrays.copyOfRange(v, 9, v.length);
  }

  public List<String> keys() {
    return new ArrayList<>(raw.keySet());
  }

  private long write(String key, byte[] data) {
    byte[] old = data(key);
    long g = generation(key) + 1;
    byte[] v = new byte[9 + data.length];
    v[0] = 1;
    for (int i = 0; i < 8; i++) v[1 + i] = (byte) (g >>> (8 * i));
    System.arraycopy(data, 0, v, 9, data.length);
    raw.put(key, v);
    writes++;
    if (observer != null) observer.onWrite(key, old, data, g);
    return g;
  }

  /** Applies one request atomically and returns the response. */
  public DelegateReply apply(DelegateOp op) {
    switch (op.kind()) {
      case GET:
        return DelegateReply.get(data(op.key()));
      case GET_VERSIONED:
        return DelegateReply.getVersioned(data(op.key()), generation(op.key()));
      case LIST:
        return DelegateReply.list(keys());
      case GET_MANY: {
        java.util.List<byte[]> values = new java.util.ArrayList<byte[]>();
        long[] generations = new long[op.keys().size()];
        for (int i = 0; i < generations.length; i++) {
          values.add(data(op.keys().get(i)));
          generations[i] = generation(op.keys().get(i));
        }
        return DelegateReply.getMany(op.keys(), values, generations);
      }
      case STORE:
        write(op.key(), op.value());
        return DelegateReply.stored(null);
      case CAS_STORE: {
        long current = generation(op.key());
        if (current != op.expectedGeneration()) {
          casConflicts++;
          return DelegateReply.casConflict(current, data(op.key()));
        }
        return DelegateReply.casStored(write(op.key(), op.value()));
      }
      default:
        throw new IllegalArgumentException("unknown op " + op);
    }
  }
}
