package river.chat;

/**
 * What the message list does with its scroll position when it is drawn again. It follows the
 * conversation while the user reads the newest messages, and never pulls them away from older ones
 * they scrolled up to read: then, when newer messages arrive, it offers a jump to the latest
 * instead. Pure.
 */
public final class StickToBottom {
  private StickToBottom() {}

  public enum Scroll {
    /** Scroll to the newest message. */
    BOTTOM,
    /** Leave the position alone. */
    KEEP
  }

  /**
   * @param roomChanged another room is shown than at the last draw (a join, a reload, a switch)
   * @param wasAtBottom the list was scrolled to its end before this draw
   * @param ownSent the user just sent a message from this tab
   */
  public static Scroll scroll(boolean roomChanged, boolean wasAtBottom, boolean ownSent) {
    return roomChanged || wasAtBottom || ownSent ? Scroll.BOTTOM : Scroll.KEEP;
  }

  /**
   * Whether the jump-to-latest button shows after a draw: only while the user is scrolled up and a
   * message arrived since they were last at the bottom.
   *
   * @param shownBefore whether it was showing before this draw
   * @param scroll what the draw did
   * @param newerArrived this draw added a message after the newest one drawn before
   */
  public static boolean jumpShown(boolean shownBefore, Scroll scroll, boolean newerArrived) {
    return scroll == Scroll.KEEP && (shownBefore || newerArrived);
  }
}
