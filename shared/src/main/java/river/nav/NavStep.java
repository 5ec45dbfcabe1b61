package river.nav;

import river.rooms.RoomKey;

/**
 * What a tab does when its address changes or the user picks a room, decided by {@link Navigation}:
 * the room to show (null: none, the room list alone), a message to scroll to and highlight, a plain
 * notice for an address it cannot follow, and what to do with the browser's history: nothing
 * (back/forward already moved it), push a new entry (a click), or replace the current one (say
 * which room a tab opened without an address shows, without adding a step to go back through).
 */
public final class NavStep {
  public enum History {
    NONE,
    PUSH,
    REPLACE
  }

  /** What the tab tells the person, in plain words (no keys, no addresses). */
  public enum Notice {
    NONE(""),
    /** The address names a room this profile is not in (or no longer in). */
    NOT_A_MEMBER(
        "This link is for a room you are not in. To join it, ask one of its members for an"
            + " invitation. Your rooms are listed here."),
    /** The fragment is not a room address at all. */
    MALFORMED(
        "This link does not lead to a room: it may have been cut short or mistyped. Your"
            + " rooms are listed here."),
    /** The room is shown, but the message its address names is not in it (any more). */
    MESSAGE_GONE(
        "The linked message is no longer in this room: it was deleted, or it is older than"
            + " the messages the room keeps.");

    public final String text;

    Notice(String text) {
      this.text = text;
    }
  }

  public final RoomKey show;
  public final String highlight;
  public final Notice notice;
  public final History history;

  /** The address to push or replace; null with {@link History#NONE}. */
  public final RoomAddress address;

  NavStep(RoomKey show, String highlight, Notice notice, History history, RoomAddress address) {
    this.show = show;
    this.highlight = highlight;
    this.notice = notice;
    this.history = history;
    this.address = address;
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "NavStep{show="
        + show
        + " highlight="
        + highlight
        + " notice="
        + notice
        + " history="
        + history
        + " "
        + address
        + "}";
  }
}
