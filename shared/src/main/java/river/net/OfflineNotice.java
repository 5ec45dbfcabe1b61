package river.net;

/**
 * When the offline banner shows and what its countdown says. A blip (a node restart, a socket
 * replaced by the heartbeat) should not flash a banner, so it shows only once the path to the node
 * has been down for more than {@link #SHOW_AFTER_MS}; the pill says "disconnected" at once. The
 * countdown is the time until the shell's next reconnect attempt ({@link ReconnectBackoff} decides
 * it), in whole seconds rounded up, so it never says 0 while an attempt is still ahead; 0 means an
 * attempt is under way. Pure, with the clock passed in: the browser's app and the JVM tests share
 * it.
 */
public final class OfflineNotice {
  /** Down for longer than this before the banner shows. */
  public static final int SHOW_AFTER_MS = 2000;

  /** Passed for "no time known": the path is up, or no attempt is scheduled. */
  public static final long NONE = -1;

  private OfflineNotice() {}

  /**
   * @param downSince when the path stopped being confirmed (epoch ms), or {@link #NONE} while it
   *     works
   */
  public static boolean shows(long downSince, long now) {
    return downSince != NONE && now - downSince > SHOW_AFTER_MS;
  }

  /**
   * Seconds until the next attempt, rounded up; 0 when none is scheduled (one is under way).
   *
   * @param nextAttemptAt epoch ms of the next scheduled attempt, or {@link #NONE}
   */
  public static int retryInSeconds(long nextAttemptAt, long now) {
    if (nextAttemptAt == NONE || nextAttemptAt <= now) {
      return 0;
    }
    return (int) ((nextAttemptAt - now + 999) / 1000);
  }

  /**
   * When the banner next changes by itself (it appears, or its countdown drops a second), or {@link
   * #NONE} when nothing changes until the shell says something new. The host sets its one timer to
   * this.
   */
  public static long nextChangeAt(long downSince, long nextAttemptAt, long now) {
    if (downSince == NONE) {
      return NONE;
    }
    if (!shows(downSince, now)) {
      return downSince + SHOW_AFTER_MS + 1;
    }
    if (nextAttemptAt == NONE || nextAttemptAt <= now) {
      return NONE;
    }
    // The next moment the rounded-up seconds drop: just past the next whole second before it.
    long left = nextAttemptAt - now;
    long step = (left - 1) % 1000 + 1;
    return now + step;
  }
}
