package river.engine;

import java.util.ArrayList;
import java.util.List;
import river.cbor.ReadOnly;
import river.rooms.Bytes;

/**
 * Which delegates a tab talks to: the current chat delegate's key and the legacy delegates' keys,
 * newest first (the probe order and the rank order of migration sources), plus the CAS attempt
 * bound.
 */
public final class TabConfig {
  private final Bytes currentDelegate;
  private final List<Bytes> legacyNewestFirst;
  private final int maxCasAttempts;

  public TabConfig(Bytes currentDelegate, List<Bytes> legacyNewestFirst, int maxCasAttempts) {
    this.currentDelegate = currentDelegate;
    this.legacyNewestFirst = ReadOnly.list(new ArrayList<Bytes>(legacyNewestFirst));
    this.maxCasAttempts = maxCasAttempts;
  }

  public TabConfig(Bytes currentDelegate, List<Bytes> legacyNewestFirst) {
    this(currentDelegate, legacyNewestFirst, CasLoop.DEFAULT_MAX_ATTEMPTS);
  }

  public Bytes currentDelegate() {
    return currentDelegate;
  }

  public List<Bytes> legacyNewestFirst() {
    return legacyNewestFirst;
  }

  public int maxCasAttempts() {
    return maxCasAttempts;
  }
}
