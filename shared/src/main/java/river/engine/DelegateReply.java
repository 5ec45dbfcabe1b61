package river.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A delegate response as the engines consume it: the result of a Get (value or null), a
 * GetVersioned (value or null + generation), a CasStore (Stored / Conflict / Failed), a Store, a
 * List (keys), or an error frame (`{"err": ...}`: unknown delegate, malformed, timeout...).
 * Every engine checks the kind it expects and treats any other kind as a failure of that one
 * request (hazard: acting on a reply of the wrong kind is how a response gets "stolen").
 */
public final class DelegateReply {
  public enum Kind {
    GET,
    GET_VERSIONED,
    CAS_STORED,
    CAS_CONFLICT,
    CAS_FAILED,
    STORED,
    LIST,
    GET_MANY,
    ERROR
  }

  private final Kind kind;
  private final byte[] value;
  private final long generation;
  private final List<String> keys;
  private final String message;
  private String code;
  private List<byte[]> values;
  private long[] generations;

  private DelegateReply(Kind kind, byte[] value, long generation, List<String> keys, String message) {
    this.kind = kind;
    this.value = value == null ? null : Arrays.copyOf(value, value.length);
    this.generation = generation;
    this.keys = keys == null ? null : Collections.unmodifiableList(new ArrayList<String>(keys));
    this.message = message;
  }

  public static DelegateReply get(byte[] valueOrNull) {
    return new DelegateReply(Kind.GET, valueOrNull, 0, null, null);
  }

  public static DelegateReply getVersioned(byte[] valueOrNull, long generation) {
    return new DelegateReply(Kind.GET_VERSIONED, valueOrNull, generation, null, null);
  }

  public static DelegateReply casStored(long generation) {
    return new DelegateReply(Kind.CAS_STORED, null, generation, null, null);
  }

  public static DelegateReply casConflict(long currentGeneration, byte[] currentValueOrNull) {
    return new DelegateReply(Kind.CAS_CONFLICT, currentValueOrNull, currentGeneration, null, null);
  }

  public static DelegateReply casFailed(String message) {
    return new DelegateReply(Kind.CAS_FAILED, null, 0, null, message);
  }

  /** A plain Store answered; message is null for Ok, the error text for Err. */
  public static DelegateReply stored(String errorOrNull) {
    return new DelegateReply(Kind.STORED, null, 0, null, errorOrNull);
  }

  public static DelegateReply list(List<String> keys) {
    return new DelegateReply(Kind.LIST, null, 0, keys, null);
  }

  /**
   * A GetMany answered: {@code values.get(i)} (null = absent) and {@code generations[i]} belong
   * to {@code keys.get(i)}.
   */
  public static DelegateReply getMany(List<String> keys, List<byte[]> values, long[] generations) {
    if (keys.size() != values.size() || keys.size() != generations.length) {
      throw new IllegalArgumentException(keys.size() + " keys, " + values.size() + " values, "
          + generations.length + " generations");
    }
    DelegateReply r = new DelegateReply(Kind.GET_MANY, null, 0, keys, null);
    List<byte[]> copy = new ArrayList<byte[]>(values.size());
    for (byte[] v : values) {
      copy.add(v == null ? null : Arrays.copyOf(v, v.length));
    }
    r.values = copy;
    r.generations = Arrays.copyOf(generations, generations.length);
    return r;
  }

  /** GetMany: the generation of key {@code i}. */
  public long generationAt(int i) {
    return generations[i];
  }

  /** GetMany: the value of key {@code i} (a copy), null when absent. */
  public byte[] valueAt(int i) {
    byte[] v = values.get(i);
    return v == null ? null : Arrays.copyOf(v, v.length);
  }

  /** The error code of an error frame ("timeout" for no answer), else null. */
  public String code() {
    return code;
  }

  public static DelegateReply error(String message) {
    return new DelegateReply(Kind.ERROR, null, 0, null, message);
  }

  /** An error frame with its code (`unknown_delegate`, `internal`, ...; "timeout" for no answer). */
  public static DelegateReply error(String code, String message) {
    DelegateReply r = new DelegateReply(Kind.ERROR, null, 0, null, code + ": " + message);
    r.code = code;
    return r;
  }

  /** The node does not host the addressed delegate: it has nothing, now or later. */
  public boolean isUnknownDelegate() {
    return kind == Kind.ERROR && "unknown_delegate".equals(code);
  }

  public Kind kind() {
    return kind;
  }

  /** Value (Get, GetVersioned, Conflict), null when absent. */
  public byte[] value() {
    return value == null ? null : Arrays.copyOf(value, value.length);
  }

  public long generation() {
    return generation;
  }

  public List<String> keys() {
    return keys;
  }

  public String message() {
    return message;
  }

  @Override
  public String toString() {
    switch (kind) {
      case GET_VERSIONED:
      case CAS_CONFLICT:
        return kind + "@" + generation + (value == null ? " absent" : " " + value.length + "B");
      case CAS_STORED:
        return kind + "@" + generation;
      case LIST:
      case GET_MANY:
        return kind + " " + keys.size() + " keys";
      default:
        return kind + (message == null ? "" : " " + message);
    }
  }
}
