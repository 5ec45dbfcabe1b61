package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import river.nav.NarrowView;

/**
 * The page's three parts: the room list (sidebar), the shown room (header, conversation) and its
 * members. A wide window shows them side by side; up to 600 px each gets the whole screen and the
 * stylesheet shows the one named by {@code data-view} on the layout ({@link NarrowView} decides
 * which). The room's top row carries {@code back-to-rooms} and {@code members-toggle}, which only
 * narrow windows show. The views inside each part are built elsewhere and handed in.
 */
public final class ScreenLayout {
  private final HTMLElement root = Dom.el("div", "layout");
  private final HTMLElement sidebar = Dom.el("nav", "sidebar");
  private final HTMLElement roomPane = Dom.el("section", "room-pane");
  private final HTMLElement chat = Dom.el("div", "chat-column");
  private final HTMLButtonElement membersToggle;
  private NarrowView view = NarrowView.ROOMS;
  private boolean roomShown;

  /**
   * @param header the room header (name and room actions)
   * @param members the members part
   * @param empty what shows instead of a room when there is none
   */
  public ScreenLayout(HTMLElement header, HTMLElement members, HTMLElement empty) {
    sidebar.setAttribute("aria-label", "Rooms");
    roomPane.setAttribute("aria-label", "Conversation");
    if (!members.hasAttribute("aria-label")) {
      members.setAttribute("aria-label", "Members");
    }
    HTMLButtonElement back = Dom.button("nav-button back-button", "back-to-rooms", "Rooms");
    back.setAttribute("aria-label", "Back to rooms");
    back.addEventListener("click", e -> setView(view.back()));
    membersToggle = Dom.button("nav-button members-button", "members-toggle", "Members");
    membersToggle.setAttribute("aria-pressed", "false");
    membersToggle.addEventListener("click", e -> setView(view.toggleMembers()));
    HTMLElement top = Dom.el("div", "room-top");
    top.appendChild(back);
    top.appendChild(header);
    top.appendChild(membersToggle);
    roomPane.appendChild(top);
    HTMLElement body = Dom.el("div", "room-body");
    body.appendChild(chat);
    body.appendChild(members);
    roomPane.appendChild(body);
    root.appendChild(sidebar);
    root.appendChild(roomPane);
    root.appendChild(empty);
    apply();
  }

  public HTMLElement element() {
    return root;
  }

  /** Where the room list and its buttons go. */
  public HTMLElement sidebar() {
    return sidebar;
  }

  /** Where the conversation (messages, notices, composer) goes. */
  public HTMLElement chat() {
    return chat;
  }

  /** The shown room's part, hidden while no room is shown. */
  public HTMLElement roomPane() {
    return roomPane;
  }

  /** A room was picked, created, joined or arrived by address: a narrow window shows it. */
  public void picked() {
    setView(NarrowView.picked());
  }

  /** Whether a room is shown at all (none: a narrow window shows the room list). */
  public void roomShown(boolean shown) {
    if (shown != roomShown) {
      roomShown = shown;
      apply();
    }
  }

  private void setView(NarrowView next) {
    view = next;
    apply();
  }

  private void apply() {
    NarrowView shown = view.given(roomShown);
    root.setAttribute("data-view", shown.attribute());
    membersToggle.setAttribute("aria-pressed", String.valueOf(shown == NarrowView.MEMBERS));
  }
}
