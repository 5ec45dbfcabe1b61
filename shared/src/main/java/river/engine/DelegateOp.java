package river.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.util.Arrays;
import river.rooms.Bytes;

/**
 * One chat-delegate request the engines want sent: Get, GetVersioned, CasStore, Store, List or
 * GetMany (GetVersioned of several keys in one round trip),
 * addressed to one delegate (current or a legacy one). This is the engines' own small request
 * type; {@code WireAdapter} (once river.wire is merged) maps it to the wire classes, so the
 * engines do not change when the wire does. Values are copied in and out (hazard: a shared array
 * mutated after emission would change what was "sent").
 */
public final class DelegateOp {
  public enum Kind {
    GET,
    GET_VERSIONED,
    CAS_STORE,
    STORE,
    LIST,
    GET_MANY
  }

  private final Kind kind;
  private final Bytes delegate;
  private final String key;
  private final byte[] value;
  private final long expectedGeneration;
  private List<String> keys;

  private DelegateOp(Kind kind, Bytes delegate, String key, byte[] value, long expectedGeneration) {
    this.kind = kind;
    this.delegate = delegate;
    this.key = key;
    this.value = value == null ? null : Arrays.copyOf(value, value.length);
    this.expectedGeneration = expectedGeneration;
  }

  public static DelegateOp get(Bytes delegate, String key) {
    return new DelegateOp(Kind.GET, delegate, key, null, 0);
  }

  public static DelegateOp getVersioned(Bytes delegate, String key) {
    return new DelegateOp(Kind.GET_VERSIONED, delegate, key, null, 0);
  }

  public static DelegateOp casStore(Bytes delegate, String key, byte[] value, long expected) {
    return new DelegateOp(Kind.CAS_STORE, delegate, key, value, expected);
  }

  public static DelegateOp store(Bytes delegate, String key, byte[] value) {
    return new DelegateOp(Kind.STORE, delegate, key, value, 0);
  }

  public static DelegateOp list(Bytes delegate) {
    return new DelegateOp(Kind.LIST, delegate, null, null, 0);
  }

  /** GetVersioned of {@code keys} (at most {@link #MAX_GET_MANY}), answered in order. */
  public static DelegateOp getMany(Bytes delegate, List<String> keys) {
    if (keys.size() > MAX_GET_MANY) {
      throw new IllegalArgumentException(keys.size() + " keys in one GetMany");
    }
    DelegateOp op = new DelegateOp(Kind.GET_MANY, delegate, null, null, 0);
    op.keys = Collections.unmodifiableList(new ArrayList<String>(keys));
    return op;
  }

  /** The most keys one GetMany may carry (the node's limit, DelegateRequest.GetMany.MAX_KEYS). */
  public static final int MAX_GET_MANY = 128;

  /** The keys of a GetMany, else null. */
  public List<String> keys() {
    return keys;
  }

  public Kind kind() {
    return kind;
  }

  public Bytes delegate() {
    return delegate;
  }

  /** The storage key (null for List). */
  public String key() {
    return key;
  }

  /** A copy of the value to store (CasStore, Store), else null. */
  public byte[] value() {
    return value == null ? null : Arrays.copyOf(value, value.length);
  }

  public long expectedGeneration() {
    return expectedGeneration;
  }

  @Override
  public String toString() {
    return kind + (key == null ? "" : " " + key) + (keys == null ? "" : " " + keys.size() + " keys")
        + (kind == Kind.CAS_STORE ? " @" + expectedGeneration : "");
  }
}
