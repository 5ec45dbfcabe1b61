package river.nav;

/**
 * Which of the three parts of the screen a narrow window (a phone, up to 600 px) shows: the room
 * list, the conversation or the members. A wide window shows all three side by side and ignores
 * this; the value is kept anyway, so that turning a tablet or widening a window lands on a sensible
 * part. The rules:
 *
 * <ul>
 *   <li>with no room shown there is nothing but the room list (a conversation or members view of no
 *       room would be an empty screen with a back button);
 *   <li>picking a room (a click, a room just created or joined, the tab's address) opens its
 *       conversation full screen;
 *   <li>"back to rooms" shows the list; the members button toggles between the members and the
 *       conversation.
 * </ul>
 */
public enum NarrowView {
  ROOMS,
  CONVERSATION,
  MEMBERS;

  /** The value of the {@code data-view} attribute the stylesheet reads. */
  public String attribute() {
    return name().toLowerCase();
  }

  /** What is shown given whether a room is shown at all. */
  public NarrowView given(boolean roomShown) {
    return roomShown ? this : ROOMS;
  }

  /** A room was picked (or another room replaced the shown one): its conversation. */
  public static NarrowView picked() {
    return CONVERSATION;
  }

  /** The back button: the room list. */
  public NarrowView back() {
    return ROOMS;
  }

  /** The members button: the members, or back to the conversation from them. */
  public NarrowView toggleMembers() {
    return this == MEMBERS ? CONVERSATION : MEMBERS;
  }
}
