package river.engine;

/**
 * One tab's smoothed CasStore round trip (sent until answered, on the host's clock), and the spread
 * of delays it implies for writers of one key. Why: two tabs' CASes on a key conflict when one
 * lands while the other is in flight, so a window is about one round trip long; delays that
 * separate contenders must be a few round trips wide. A fixed few milliseconds separated nothing on
 * a busy machine where a round trip took 30-60 ms (issue 18: 1.56 CAS attempts per write).
 * Smoothing as TCP's SRTT (7/8 old + 1/8 sample), so one slow answer does not swing it.
 */
final class RoundTrip {
  /** The estimate before any answer: a quiet machine's order of magnitude. */
  static final long INITIAL_MILLIS = 10;

  /** Round trips in the spread of a first delay (6 measured best of 1 to 8, see README). */
  static final int SPREAD_ROUND_TRIPS = 6;

  /** The narrowest spread, so a fast machine still breaks ties between tabs. */
  static final long MIN_SPREAD_MILLIS = 10;

  private long millis = INITIAL_MILLIS;
  private boolean sampled;

  /** A CasStore was answered after this many milliseconds (negative: a clock step; ignored). */
  void sample(long elapsed) {
    if (elapsed < 0) {
      return;
    }
    millis = sampled ? (7 * millis + elapsed + 4) / 8 : elapsed;
    sampled = true;
  }

  long millis() {
    return millis;
  }

  /**
   * The width of the random delay before contention attempt n (0 = the first write of a key other
   * tabs are writing, or the save pass that follows a pass; 1.. = retries after a conflict): six
   * round trips, doubling per retry, at least {@link #MIN_SPREAD_MILLIS}, at most {@code cap}.
   */
  long spread(int n, long cap) {
    long d = Math.max(MIN_SPREAD_MILLIS, SPREAD_ROUND_TRIPS * millis);
    for (int i = 1; i < n && d < cap; i++) {
      d *= 2;
    }
    return Math.min(d, cap);
  }
}
