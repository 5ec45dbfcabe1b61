package river.engine;

/**
 * What a read-merge-CAS loop writes to one key: given the stored bytes, decide the bytes to write
 * (or nothing), and learn how it ended. Implemented for a room slot and for rooms_meta.
 */
public interface CasTarget {
  String storageKey();

  /**
   * The bytes to CAS-write over the given stored value (null = absent, generation 0), or null to
   * write nothing (the target records why: adopted a leave, unreadable value).
   */
  byte[] decide(byte[] stored, long generation);

  /**
   * The value last decided is now what the store holds at this generation: written by us (wrote =
   * true) or already equal to the stored bytes (wrote = false).
   */
  void settled(long generation, boolean wrote);

  /** After decide returned null: NOT_WRITTEN (a deliberate no-write) or UNPARSEABLE. */
  CasOutcome declineOutcome();

  /** After decide returned null: why, for the report (may be null). */
  String declineMessage();

  /**
   * A write to try before reading, when the tab already knows the stored value and its generation
   * (its slot cache, from the load, a push re-read or its own last write): the CAS then costs one
   * round trip instead of two, and a stale guess just conflicts and carries the current value. Null
   * (the default) reads first. Only a plain write may be guessed: anything whose decision has side
   * effects (adopting a leave) or writes nothing must be decided on a fresh read. Not guessed
   * either: a key {@link #othersWriting}, so under contention a CAS attempt is spent on a value
   * just read from the store.
   */
  default Guess guess() {
    return null;
  }

  /**
   * Whether other tabs are writing this key: a push announced a value newer than the tab's, or
   * another tab wrote the value the tab saw last. Such a key is not guessed (in the contention
   * benchmark most such guesses conflicted), and its read waits a random few round trips, since
   * every tab that saw the same push may be about to write it.
   */
  default boolean othersWriting() {
    return false;
  }

  /**
   * Whether the tab knows (from a push, or a read since) that the store holds this key at a
   * generation newer than the given one: a write decided on the value at that generation would
   * surely conflict, so the loop reads first instead of spending a CAS attempt on it.
   */
  default boolean storeMovedPast(long generation) {
    return false;
  }

  /** Bytes to CAS-write at an expected generation, decided from what the tab last saw. */
  final class Guess {
    final byte[] bytes;
    final long generation;

    public Guess(byte[] bytes, long generation) {
      this.bytes = bytes;
      this.generation = generation;
    }
  }
}
