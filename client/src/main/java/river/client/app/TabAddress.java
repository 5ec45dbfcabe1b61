package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import java.util.List;
import river.client.app.ui.NoticeLine;
import river.nav.NavStep;
import river.nav.Navigation;
import river.nav.RoomAddress;
import river.rooms.RoomKey;
import river.rooms.Rooms;

/**
 * This tab's address, the app's half. The shell owns the URL ({@code
 * river.client.shell.ShellAddress}) and tells this class where the tab is; {@link Navigation}
 * decides what the tab shows and what happens to its history; this class carries the decisions out:
 * it asks the shell to push or replace an entry, shows the plain notice for an address it cannot
 * follow, remembers the message a message address points at, and builds the links (the shell's URL,
 * which the shell passes over, plus a room address) that room items and permalinks carry.
 *
 * <p>Each tab has its own address and its own shown room; the profile's stored current room
 * (rooms_meta) is only what a tab opened without an address starts with. A click here changes the
 * stored room too (the default for the next new tab) but never moves another tab: other tabs show
 * what their own address says.
 */
final class TabAddress implements MessageLinks {
  private static final int COPIED_SHOWN_MS = 5000;

  private final ShellLink shell;
  private final Runnable rerender;
  private final NoticeLine notice = new NoticeLine("address-notice");
  private final NoticeLine copyStatus = new NoticeLine("copy-status");

  /** Where the tab is; null until the shell said. */
  private RoomAddress address;

  /** An address the shell told that the tab has not followed yet (rooms not loaded yet). */
  private RoomAddress waiting;

  private boolean waitingPopped;

  /** The shell's URL without its fragment. */
  private String base = DomGlobal.location.origin + "/";

  private RoomKey highlightRoom;
  private String highlight;
  private boolean scrollPending;
  private boolean saidGone;
  private String copying;
  private double copiedTimer = -1;

  TabAddress(ShellLink shell, Runnable rerender) {
    this.shell = shell;
    this.rerender = rerender;
  }

  HTMLElement noticeElement() {
    return notice.element();
  }

  HTMLElement copyStatusElement() {
    return copyStatus.element();
  }

  /** From the shell: the tab's address at start, or after back/forward or a typed fragment. */
  void onAddress(String fragment, String shellBase, boolean popped) {
    // The shell is our parent (ShellLink checked the source); its URL is on our own origin.
    if (shellBase != null && shellBase.startsWith(DomGlobal.location.origin + "/")) {
      base = shellBase;
    }
    if (!popped && (address != null || waiting != null)) {
      return; // the answer to a repeated hello: the tab already knows where it started
    }
    waiting = RoomAddress.parse(fragment);
    waitingPopped = popped;
    rerender.run();
  }

  /**
   * Called by every render once the rooms are loaded: follows a waiting address, or settles what
   * the tab shows after its rooms changed. Returns the room to show (null: the list alone).
   */
  RoomKey settle(Rooms rooms, RoomKey shown, List<RoomKey> display) {
    List<RoomKey> drawn = this.drawn;
    this.drawn = new java.util.ArrayList<>(display);
    NavStep step;
    if (waiting != null) {
      address = waiting;
      waiting = null;
      step = Navigation.arrive(address, rooms::holds, rooms.currentRoom(), waitingPopped);
    } else if (address != null) {
      step =
          Navigation.settle(
              address,
              rooms::holds,
              shown,
              drawn,
              rooms.currentRoom(),
              display.isEmpty() ? null : display.get(0));
    } else {
      return shown; // the shell has not said where this tab is yet
    }
    if (step == null) {
      return shown;
    }
    apply(step);
    return step.show;
  }

  /** The room list as the last render drew it: where the neighbour of a room that goes is. */
  private List<RoomKey> drawn = new java.util.ArrayList<>();

  /** A plain click on a room, or a room this tab created or joined: one step forward. */
  void pick(RoomKey room, RoomKey shown) {
    waiting = null; // the user's click wins over an address not followed yet
    apply(Navigation.pick(room, shown));
  }

  /**
   * The shell's URL of a room: what a room item links to, for Ctrl/middle-click and "open in new
   * tab".
   */
  String roomHref(RoomKey room) {
    return base + RoomAddress.of(room, null).fragment();
  }

  private void apply(NavStep step) {
    if (step.notice != NavStep.Notice.NONE) {
      notice.show(step.notice.text);
    } else if (step.show != null) {
      notice.hide();
    }
    if (step.highlight != null || step.show == null || !step.show.equals(highlightRoom)) {
      highlightRoom = step.show;
      highlight = step.highlight;
      scrollPending = step.highlight != null;
      saidGone = false;
    }
    if (step.history != NavStep.History.NONE && step.address != null) {
      address = step.address;
      shell.history(step.address.fragment(), step.history == NavStep.History.REPLACE);
    }
  }

  // --- MessageLinks ----------------------------------------------------------------------

  @Override
  public String highlight(RoomKey room) {
    return room.equals(highlightRoom) ? highlight : null;
  }

  @Override
  public boolean scrollToHighlight() {
    return scrollPending;
  }

  @Override
  public void drawn(RoomKey room, boolean stateKnown, boolean found) {
    if (highlight == null || !room.equals(highlightRoom)) {
      return;
    }
    if (found) {
      scrollPending = false;
      if (saidGone) {
        saidGone = false; // it arrived after all
        notice.hide();
      }
    } else if (!saidGone && Navigation.lookFor(stateKnown, false) == NavStep.Notice.MESSAGE_GONE) {
      saidGone = true;
      notice.show(NavStep.Notice.MESSAGE_GONE.text);
    }
  }

  @Override
  public void copy(RoomKey room, String messageId) {
    RoomAddress link = RoomAddress.of(room, messageId);
    copying = base + link.fragment();
    shell.copy(link.fragment());
  }

  /** The shell's answer: copied, or not (then the link is shown to copy by hand). */
  void onCopied(boolean ok) {
    if (copiedTimer >= 0) {
      DomGlobal.clearTimeout(copiedTimer);
      copiedTimer = -1;
    }
    if (ok) {
      copyStatus.show("Link to the message copied.");
      copiedTimer =
          DomGlobal.setTimeout(
              ignored -> {
                copiedTimer = -1;
                copyStatus.hide();
              },
              COPIED_SHOWN_MS);
    } else {
      copyStatus.show(
          "Your browser did not let River copy the link. Select it and copy it yourself:", copying);
    }
  }
}
