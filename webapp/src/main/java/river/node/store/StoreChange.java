package river.node.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One row another node changed (put or delete), as announced through the database: only what
 * changed, never the value, so receivers re-read it. {@link #RESYNC} stands for "anything may have
 * changed" (the announcement channel was lost and is back).
 */
public record StoreChange(String user, byte[] delegate, byte[] key) {

  /** Changes may have been missed: re-read everything that matters. */
  public static final StoreChange RESYNC = new StoreChange("", new byte[0], new byte[0]);

  public boolean isResync() {
    return this == RESYNC;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreChange c
        && user.equals(c.user)
        && Arrays.equals(delegate, c.delegate)
        && Arrays.equals(key, c.key);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * user.hashCode() + Arrays.hashCode(delegate)) + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return isResync()
        ? "StoreChange.RESYNC"
        : "StoreChange("
            + user
            + ", "
            + HexFormat.of().formatHex(delegate)
            + ", "
            + HexFormat.of().formatHex(key)
            + ")";
  }
}
