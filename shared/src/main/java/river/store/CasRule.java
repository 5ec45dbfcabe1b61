package river.store;

/**
 * The compare-and-swap rule of the chat delegate, as pure functions over the stored bytes
 * (DESIGN.md "Delegate storage semantics"): absent counts as generation 0; CAS writes at current +
 * 1 only when the expected generation equals the current one; a blind Store also writes at current
 * + 1.
 *
 * <p>Generations are u64. Hazard: at 2^64-1 the next generation would wrap to 0 and a client still
 * holding generation 0 (e.g. one that read the key while it was absent) could overwrite newer data,
 * so the rule refuses with FAILED instead. The caller performs check and write atomically.
 */
public final class CasRule {
  /** The largest generation, 2^64-1, as u64 bits. */
  public static final long MAX_GENERATION = -1L;

  private CasRule() {}

  /** Compare-and-swap of {@code newData} against {@code storedOrNull} (raw stored bytes). */
  public static CasDecision casStore(byte[] storedOrNull, long expectedGeneration, byte[] newData) {
    long current = storedOrNull == null ? 0 : Envelope.unwrap(storedOrNull).generation();
    if (expectedGeneration != current) {
      byte[] currentData = storedOrNull == null ? null : Envelope.unwrap(storedOrNull).data();
      return CasDecision.conflict(current, currentData);
    }
    return writeAfter(current, newData);
  }

  /** Unconditional store: still one generation past whatever is stored. */
  public static CasDecision blindStore(byte[] storedOrNull, byte[] newData) {
    long current = storedOrNull == null ? 0 : Envelope.unwrap(storedOrNull).generation();
    return writeAfter(current, newData);
  }

  /** True when {@code generation} (u64 bits) has a successor. */
  public static boolean hasNext(long generation) {
    return generation != MAX_GENERATION;
  }

  private static CasDecision writeAfter(long current, byte[] newData) {
    if (!hasNext(current)) {
      return CasDecision.failed(
          "generation 18446744073709551615 is exhausted; refusing to wrap to 0");
    }
    long next = current + 1;
    return CasDecision.stored(next, Envelope.wrap(next, newData));
  }
}
