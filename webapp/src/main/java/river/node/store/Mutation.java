package river.node.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an {@link DelegateStore#update update} function decided to do with the bytes it saw: put new
 * bytes, delete the key, or leave it alone; plus a result handed back to the caller once the
 * decision is durable.
 *
 * <p>The store does not interpret values: the versioned envelope and the CAS rule live in {@code
 * shared} and run inside the update function.
 *
 * @param <T> the result type returned through the update's future
 */
public final class Mutation<T> {

  /** The three possible outcomes of an update function. */
  public enum Kind {
    PUT,
    DELETE,
    NONE
  }

  private final Kind kind;
  private final byte[] value;
  private final T result;

  private Mutation(Kind kind, byte[] value, T result) {
    this.kind = kind;
    this.value = value;
    this.result = result;
  }

  /**
   * Store {@code value} (copied) under the key.
   *
   * @throws TooLargeException if the value is over {@link DelegateStore#MAX_VALUE_BYTES}; when
   *     thrown inside an update function the update fails with it and nothing is written
   */
  public static <T> Mutation<T> put(byte[] value, T result) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    TooLargeException.check("value", value.length, DelegateStore.MAX_VALUE_BYTES);
    return new Mutation<>(Kind.PUT, value.clone(), result);
  }

  /** Remove the key (and with it its entry in the key index). */
  public static <T> Mutation<T> delete(T result) {
    return new Mutation<>(Kind.DELETE, null, result);
  }

  /** Write nothing. */
  public static <T> Mutation<T> none(T result) {
    return new Mutation<>(Kind.NONE, null, result);
  }

  public Kind kind() {
    return kind;
  }

  public T result() {
    return result;
  }

  /** The bytes to put (a copy), or null unless {@link #kind()} is {@link Kind#PUT}. */
  public byte[] value() {
    return value == null ? null : value.clone();
  }

  /** No copy: the store's writer only. */
  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public String toString() {
    return kind == Kind.PUT
        ? "Mutation.put(" + value.length + " bytes, " + result + ")"
        : "Mutation." + kind.name().toLowerCase() + "(" + result + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Mutation<?> m)) {
      return false;
    }
    return kind == m.kind && Arrays.equals(value, m.value) && Objects.equals(result, m.result);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * kind.hashCode() + Arrays.hashCode(value)) + Objects.hashCode(result);
  }
}
