package river.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ListValuesResponse;
import river.wire.UnitResult;

/**
 * A model of one user's store in one chat-delegate version, implementing DESIGN "Delegate storage
 * semantics" exactly: every value lives in a versioned envelope (0x01, generation u64 LE, data); a
 * value shorter than 9 bytes or not starting with 0x01 reads as raw data at generation 0 (legacy
 * values); Get strips, Store re-wraps at generation + 1; CAS treats absent as generation 0 and
 * checks + writes atomically; List returns every key. Records every write for invariant checks.
 */
public final class DelegateModel {
  /** Observes every successful write: key, old data (null = absent), new data, new generation. */
  public interface WriteObserver {
    void onWrite(String key, byte[] oldData, byte[] newData, long generation);
  }

  private final TreeMap<String, byte[]> raw = new TreeMap<>();

  /** Answers ListValues with the keys alone, as for a budget the keys fill (GetMany tests). */
  public boolean keysAloneInListValues;

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

  /** Writes {@code data} as a plain Store would (test setup). */
  public long store(String key, byte[] data) {
    return write(key, data);
  }

  /** Applies one request atomically and returns the response. */
  public DelegateResponse apply(DelegateRequest request) {
    if (request instanceof DelegateRequest.ListKeys) {
      List<byte[]> keys = new ArrayList<>();
      for (String k : keys()) keys.add(k.getBytes(StandardCharsets.UTF_8));
      return new DelegateResponse.ListKeys(keys);
    }
    if (request instanceof DelegateRequest.ListValues) {
      List<byte[]> keys = new ArrayList<>();
      List<byte[]> values = new ArrayList<>();
      long[] generations = new long[raw.size()];
      for (String k : keys()) {
        generations[keys.size()] = generation(k);
        keys.add(k.getBytes(StandardCharsets.UTF_8));
        values.add(data(k));
      }
      long budget = ((DelegateRequest.ListValues) request).maxBytes();
      return ListValuesResponse.fitting(
          keys, values, generations, keysAloneInListValues ? 0 : budget);
    }
    if (request instanceof DelegateRequest.GetMany) {
      List<byte[]> keys = ((DelegateRequest.GetMany) request).keys();
      List<byte[]> values = new ArrayList<>();
      long[] generations = new long[keys.size()];
      for (int i = 0; i < generations.length; i++) {
        String k = new String(keys.get(i), StandardCharsets.UTF_8);
        values.add(data(k));
        generations[i] = generation(k);
      }
      return new DelegateResponse.GetMany(keys, values, generations);
    }
    String key = Answers.key(request);
    byte[] wireKey = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    if (request instanceof DelegateRequest.Get) {
      return new DelegateResponse.Get(wireKey, data(key));
    }
    if (request instanceof DelegateRequest.GetVersioned) {
      return new DelegateResponse.GetVersioned(wireKey, data(key), generation(key));
    }
    if (request instanceof DelegateRequest.Store) {
      byte[] value = ((DelegateRequest.Store) request).value();
      write(key, value);
      return new DelegateResponse.Store(wireKey, value.length, UnitResult.OK);
    }
    if (request instanceof DelegateRequest.CasStore) {
      DelegateRequest.CasStore cas = (DelegateRequest.CasStore) request;
      long current = generation(key);
      if (current != cas.expectedGeneration()) {
        casConflicts++;
        return new DelegateResponse.CasStore(
            wireKey, new CasStoreResult.Conflict(current, data(key)));
      }
      return new DelegateResponse.CasStore(
          wireKey, new CasStoreResult.Stored(write(key, cas.value())));
    }
    throw new IllegalArgumentException("unknown request " + request);
  }
}
