package river.net;

/**
 * Whether the shell asks the node about its profile ({@code GET /v1/profiles/current}) before a
 * reconnect attempt, and what it does with the answer. A browser cannot see why a WebSocket upgrade
 * failed: "node down" and "401, this node does not know your profile" (its data was wiped) look the
 * same. So after a failed attempt the question goes first, and doubles as the probe for whether the
 * node is back: the attempt that would have met the restarted node gets the 401 instead, and the
 * user is told at once. (Asking only on some failures, e.g. the 2nd and every 4th, let the answer
 * wait for up to three more backoff periods after the node returned.) Asking before every retry
 * costs nothing extra while the node is down: the question replaces the socket attempt, so the
 * console shows one refused request per retry, as before.
 */
public final class ProfileCheck {
  /** The question got no HTTP answer (network error, or no answer in time). */
  public static final int NO_ANSWER = -1;

  public enum Next {
    /** The node answers and knows the profile (or cannot say): open the socket now. */
    OPEN_SOCKET,
    /** The node answers and does not know the profile: stop reconnecting, explain. */
    PROFILE_UNKNOWN,
    /** The node does not answer: count a failed attempt and retry after the backoff. */
    RETRY_LATER
  }

  private ProfileCheck() {}

  /**
   * @param failedAttempts attempts that failed since the last open socket (0: the first attempt of
   *     the page, or the first reconnect after an open socket closed)
   */
  public static boolean askBeforeAttempt(int failedAttempts) {
    return failedAttempts >= 1;
  }

  /**
   * @param status the HTTP status of the answer, or {@link #NO_ANSWER}
   */
  public static Next after(int status) {
    if (status == NO_ANSWER) {
      return Next.RETRY_LATER;
    }
    if (status == 401) {
      return Next.PROFILE_UNKNOWN;
    }
    // 204, or an answer this shell does not expect (an older node, a server error): the node is
    // reachable, so the socket attempt decides.
    return Next.OPEN_SOCKET;
  }
}
