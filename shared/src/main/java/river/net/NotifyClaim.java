package river.net;

/**
 * Which tab of a browser profile shows the system notification for a message: exactly one, and none
 * while the user is looking at River. Every tab's shell hears of the message from its app and
 * claims the message id in the shell origin's IndexedDB with an insert-if-absent, in one read-write
 * transaction (IndexedDB runs those one at a time across tabs, as for {@link ProfileClaim}): the
 * tab whose insert lands shows it, if it is hidden.
 *
 * <p>Hazard: if every tab claimed at once, a hidden tab could win against a visible one and notify
 * a user who is reading the message in that visible tab. So a visible tab claims at once (and shows
 * nothing: the claim only silences the others), and a hidden tab waits {@link #HIDDEN_WAIT_MS}
 * first. The node pushes a room's update to every tab at about the same moment, so a visible tab's
 * claim is in long before then; the cost is that a notification shows that much later. A tab that
 * became visible while it waited claims and shows nothing.
 *
 * <p>Claims are kept {@link #KEEP_MS} (a message arrives live once; a day covers a tab that was
 * offline and catches up) and then dropped, so the store stays small.
 */
public final class NotifyClaim {
  private NotifyClaim() {}

  /** How long a hidden tab lets a visible one claim first. */
  public static final int HIDDEN_WAIT_MS = 1500;

  /** How long a claim is kept: one day. */
  public static final double KEEP_MS = 24 * 60 * 60 * 1000.0;

  /** How long a tab waits before it claims a message. */
  public static int waitMs(boolean hidden) {
    return hidden ? HIDDEN_WAIT_MS : 0;
  }

  /**
   * Inside the claim's transaction: whether this tab takes the message, given the time of the claim
   * stored for it ({@code null}: none). A claim older than {@link #KEEP_MS} counts as none, whether
   * or not it was dropped yet.
   */
  public static boolean takes(Double storedAt, double now) {
    return storedAt == null || isExpired(storedAt, now);
  }

  /** Whether a claim made at {@code at} may be dropped at {@code now}. */
  public static boolean isExpired(double at, double now) {
    return now - at > KEEP_MS;
  }

  /** Whether the tab shows the notification: it won the claim and is hidden now. */
  public static boolean shows(boolean won, boolean hiddenNow) {
    return won && hiddenNow;
  }
}
