package river.net;

/**
 * How long to wait before the next reconnect attempt: exponential in the number of failed attempts,
 * capped, with "full jitter" (a uniform draw in [cap/2, cap]) so that many tabs that lost the node
 * at the same moment do not all come back in the same millisecond. Pure: the caller supplies the
 * random draw, so tests and the browser share the rule.
 */
public final class ReconnectBackoff {
  public static final int BASE_MS = 200;
  public static final int MAX_MS = 5000;

  private ReconnectBackoff() {}

  /**
   * @param failedAttempts attempts that failed since the last successful connection (0 = first
   *     retry)
   * @param random01 a uniform draw in [0, 1)
   */
  public static int delayMs(int failedAttempts, double random01) {
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts < 0");
    }
    if (!(random01 >= 0 && random01 < 1)) {
      throw new IllegalArgumentException("random01 outside [0, 1)");
    }
    int shift = Math.min(failedAttempts, 16);
    long ceiling = Math.min((long) BASE_MS << shift, MAX_MS);
    long floor = ceiling / 2;
    return (int) (floor + (long) Math.floor(random01 * (ceiling - floor + 1)));
  }
}
