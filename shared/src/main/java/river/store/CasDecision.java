package river.store;

import java.util.Arrays;
import river.wire.CasStoreResult;
import river.wire.UnitResult;

/**
 * What the delegate store must do for one write, as decided by {@link CasRule}: STORED (write
 * {@link #bytesToStore()}, which is already wrapped at {@link #generation()}), CONFLICT (write
 * nothing; report the current generation and data) or FAILED (write nothing; report why).
 */
public final class CasDecision {
  public enum Kind {
    STORED,
    CONFLICT,
    FAILED
  }

  private final Kind kind;
  private final long generation;
  private final byte[] bytes;
  private final String message;

  private CasDecision(Kind kind, long generation, byte[] bytes, String message) {
    this.kind = kind;
    this.generation = generation;
    this.bytes = bytes;
    this.message = message;
  }

  static CasDecision stored(long generation, byte[] envelope) {
    return new CasDecision(Kind.STORED, generation, envelope, null);
  }

  static CasDecision conflict(long currentGeneration, byte[] currentDataOrNull) {
    return new CasDecision(Kind.CONFLICT, currentGeneration, currentDataOrNull, null);
  }

  static CasDecision failed(String message) {
    return new CasDecision(Kind.FAILED, 0, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** STORED: the new generation; CONFLICT: the current one (u64 bits). */
  public long generation() {
    return generation;
  }

  /** STORED only: the envelope to persist. */
  public byte[] bytesToStore() {
    if (kind != Kind.STORED) {
      throw new IllegalStateException("nothing to store for " + kind);
    }
    return Arrays.copyOf(bytes, bytes.length);
  }

  /** CONFLICT only: the stored data (envelope stripped), or null when the key is absent. */
  public byte[] currentValue() {
    if (kind != Kind.CONFLICT) {
      throw new IllegalStateException("no current value for " + kind);
    }
    return bytes == null ? null : Arrays.copyOf(bytes, bytes.length);
  }

  /** FAILED only: why. */
  public String message() {
    return message;
  }

  /** The CasStoreResponse result for this decision. */
  public CasStoreResult toCasStoreResult() {
    switch (kind) {
      case STORED:
        return new CasStoreResult.Stored(generation);
      case CONFLICT:
        return new CasStoreResult.Conflict(generation, bytes);
      default:
        return new CasStoreResult.Failed(message);
    }
  }

  /** The StoreResponse result for a blind-store decision (never CONFLICT). */
  public UnitResult toStoreResult() {
    if (kind == Kind.CONFLICT) {
      throw new IllegalStateException("a blind store has no conflict");
    }
    return kind == Kind.STORED ? UnitResult.OK : UnitResult.err(message);
  }
}
