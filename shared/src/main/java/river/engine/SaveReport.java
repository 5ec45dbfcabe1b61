package river.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import river.cbor.ReadOnly;

/**
 * How one save pass ended: the outcome per key written or tried, and the error messages. A pass is
 * clean when no key failed (conflict exhaustion, store failure, unreadable value): only then may a
 * migration be recorded as done.
 */
public final class SaveReport {
  private final long sequence;
  private final Map<String, CasOutcome> outcomes;
  private final List<String> errors;

  public SaveReport(long sequence, Map<String, CasOutcome> outcomes, List<String> errors) {
    this.sequence = sequence;
    this.outcomes = ReadOnly.map(new TreeMap<String, CasOutcome>(outcomes));
    this.errors = ReadOnly.list(new ArrayList<String>(errors));
  }

  /** 1 for the first save of the session, then +1 per pass. */
  public long sequence() {
    return sequence;
  }

  public Map<String, CasOutcome> outcomes() {
    return outcomes;
  }

  public List<String> errors() {
    return errors;
  }

  public boolean clean() {
    for (CasOutcome o : outcomes.values()) {
      if (o == CasOutcome.EXHAUSTED || o == CasOutcome.FAILED || o == CasOutcome.UNPARSEABLE) {
        return false;
      }
    }
    return true;
  }

  /** Some key failed in a way a later pass may fix (not an unreadable value). */
  public boolean retryable() {
    for (CasOutcome o : outcomes.values()) {
      if (o == CasOutcome.EXHAUSTED || o == CasOutcome.FAILED) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "save#" + sequence + " " + outcomes + (errors.isEmpty() ? "" : " errors=" + errors);
  }
}
