package river.engine;

/** How one read-merge-CAS loop ended. Only the last three leave the key needing another save. */
public enum CasOutcome {
  /** Our merged value was written. */
  WRITTEN,
  /** The merged value equalled what was stored; nothing written. */
  UNCHANGED,
  /** The target decided not to write (adopted a leave). */
  NOT_WRITTEN,
  /** The stored value could not be parsed: not written, reported, not retried. */
  UNPARSEABLE,
  /** Every attempt met a conflict. */
  EXHAUSTED,
  /** The store failed or answered with an error. */
  FAILED
}
