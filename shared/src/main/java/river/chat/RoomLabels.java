package river.chat;

/**
 * What the room list and header call a room before (or instead of) its name, and what the empty
 * conversation pane says. Never a fragment of the room's key: a key is not a name, and "Room
 * E8E1uh" reads like one.
 */
public final class RoomLabels {
  private RoomLabels() {}

  /**
   * The room's state has not arrived yet (a room created or joined in another tab a moment ago).
   */
  public static final String LOADING = "Loading…";

  /** A private room whose secret this profile does not hold. */
  public static final String PRIVATE = "Private room";

  /** The node answered without the room (not, or not yet, on this node). */
  public static final String UNAVAILABLE = "Room not available";

  /**
   * The label of a room: its {@code name} once readable (null: not yet), {@code sealed} when it is
   * private and cannot be read here, {@code answered} once the node answered the fetch of its state
   * (with the state or without it).
   */
  public static String name(String name, boolean sealed, boolean answered) {
    if (sealed) {
      return PRIVATE;
    }
    if (name != null) {
      return name;
    }
    return answered ? UNAVAILABLE : LOADING;
  }

  /** The empty pane beside a list of {@code rooms} rooms when none is open: what to do. */
  public static String emptyPane(int rooms) {
    return rooms == 0
        ? "You are not in any room yet. Create one with \u201cNew room\u201d, or join one with an"
            + " invitation code you were sent (\u201cJoin with code\u201d)."
        : "Pick a room from the list, or create a new one.";
  }
}
