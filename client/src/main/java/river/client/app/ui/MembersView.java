package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLInputElement;
import java.util.List;
import jsinterop.base.Js;
import river.room.RoomConfig;

/**
 * The current room's members ({@code member-list} / {@code member-item} with {@code
 * data-member-key}): nickname and who invited whom, {@code dm-open} on everyone but yourself, and
 * {@code member-lookalike} on a member whose name looks like another's, {@code member-deputy} on a
 * deputy (who named them), {@code member-deputize} / {@code member-undeputize} where the user may
 * name or has named the member their deputy; and the own-nickname editor ({@code nickname-edit} /
 * {@code nickname-save}), which says as the user types when the nickname would look like another
 * member's name ({@code nickname-lookalike}).
 */
public final class MembersView {
  public interface Listener {
    /** Null when taken, else why the nickname was refused. */
    String onNickname(String nickname);

    void onBan(String memberKey);

    /** Name the member a deputy of the user ({@code named}), or take it back. */
    void onDeputy(String memberKey, boolean named);

    /** Open the direct conversation with this member. */
    void onDirect(String memberKey);

    /** The name of another member that {@code nickname} would look like, or null. */
    String lookAlikeOf(String nickname);
  }

  public static final class Member {
    final String key;
    final String name;

    /** "owner", or "invited by" followed by {@link #invitedBy}. */
    final String relation;

    /** The inviter's name (user text, shown isolated), or null. */
    final String invitedBy;

    final boolean self;
    final boolean canBan;

    /** The name looks like another member's: it is shown with the key, and a warning. */
    final boolean lookalike;

    /** The names of the members who named this one a deputy (user text), or null. */
    String deputyOf;

    /** The user may name this member a deputy ({@link #DEPUTIZE}), or has ({@link #UNDEPUTIZE}). */
    String deputyAction;

    public static final String DEPUTIZE = "member-deputize";
    public static final String UNDEPUTIZE = "member-undeputize";

    public Member(
        String key,
        String name,
        String relation,
        String invitedBy,
        boolean self,
        boolean canBan,
        boolean lookalike) {
      this.key = key;
      this.name = name;
      this.relation = relation;
      this.invitedBy = invitedBy;
      this.self = self;
      this.canBan = canBan;
      this.lookalike = lookalike;
    }

    /** Who named this member a deputy, and what the user may do about it (either may be null). */
    public Member deputy(String deputyOf, String deputyAction) {
      this.deputyOf = deputyOf;
      this.deputyAction = deputyAction;
      return this;
    }
  }

  private final HTMLElement root = Dom.el("aside", "members");
  private final HTMLElement list = Dom.hook("ul", "member-list", "member-list");
  private final HTMLInputElement edit = CreateRoomDialog.input("text", "nickname-edit");
  private final HTMLElement problem = Dom.hook("p", "dialog-error", "nickname-error");
  private final HTMLElement lookalike = Dom.hook("p", "hint", "nickname-lookalike");
  private String shownRoom;
  private String shownNick;

  /** The member whose ban question is open, kept across redraws; null when none is. */
  private String confirmingBan;

  /** What the list shows, to skip redrawing the same rows. */
  private String drawnRows;

  private final Listener listener;

  public MembersView(Listener listener) {
    this.listener = listener;
    root.appendChild(Dom.text("h2", "members-title", "Members"));
    list.setAttribute("aria-label", "Members");
    root.appendChild(list);
    HTMLFormElement form = Js.uncheckedCast(Dom.el("form", "nickname-form"));
    edit.maxLength = RoomConfig.DEFAULT_MAX_NICKNAME_BYTES;
    edit.setAttribute("aria-label", "Your nickname in this room");
    HTMLButtonElement save = Js.uncheckedCast(Dom.hook("button", "secondary", "nickname-save"));
    save.type = "submit";
    save.textContent = "Save nickname";
    form.appendChild(CreateRoomDialog.labelled("Your nickname", edit));
    form.appendChild(save);
    form.appendChild(problem);
    form.appendChild(lookalike);
    Dom.show(problem, false);
    Dom.show(lookalike, false);
    lookalike.id = "nickname-lookalike";
    edit.setAttribute("aria-describedby", "nickname-lookalike");
    edit.addEventListener("input", e -> warnLookAlike());
    form.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          String nick = edit.value.trim();
          String refused =
              nick.isEmpty() ? "A nickname cannot be empty." : listener.onNickname(nick);
          if (refused == null) {
            Dom.show(problem, false);
            shownNick = nick;
          } else {
            problem.textContent = refused;
            Dom.show(problem, true);
          }
        });
    nicknameForm = form;
    root.appendChild(form);
  }

  private HTMLElement nicknameForm;

  /** Says, under the field, whose name the typed nickname would look like (it is not refused). */
  private void warnLookAlike() {
    String nick = edit.value.trim();
    String other = nick.isEmpty() || nick.equals(shownNick) ? null : listener.lookAlikeOf(nick);
    if (other != null) {
      Dom.sentence(
          lookalike,
          "This looks like the name of ",
          other,
          ", who is already in this room. Others will see your key beside it.");
    }
    Dom.show(lookalike, other != null);
  }

  /** False for a removed member: their nickname in the room is no longer theirs to change. */
  public void showNicknameEditor(boolean editable) {
    Dom.show(nicknameForm, editable);
  }

  public HTMLElement element() {
    return root;
  }

  /**
   * Draws the list again only when a row changed, and keeps an open ban question open (and its
   * focus) when it must: every change to the room, a message from anyone included, calls this.
   */
  public void render(String room, List<Member> members, String ownNickname) {
    if (!room.equals(shownRoom)) {
      confirmingBan = null; // a question about another room's member
    }
    StringBuilder drawn = new StringBuilder(room);
    boolean stillAsked = false;
    for (Member m : members) {
      for (String field :
          new String[] {
            m.key,
            m.name,
            m.relation,
            m.invitedBy,
            "" + m.self,
            "" + m.canBan,
            "" + m.lookalike,
            m.deputyOf,
            m.deputyAction
          }) {
        String f = String.valueOf(field); // length-prefixed: user text cannot fake a boundary
        drawn.append(f.length()).append(':').append(f);
      }
      stillAsked |= m.canBan && m.key.equals(confirmingBan);
    }
    if (!stillAsked) {
      confirmingBan = null; // the member is gone, or this user can no longer ban them
    }
    if (!drawn.toString().equals(drawnRows)) {
      drawnRows = drawn.toString();
      String focused = focusedHook();
      Dom.clear(list);
      for (Member m : members) {
        list.appendChild(row(m));
      }
      elemental2.dom.Element again = focused == null ? null : list.querySelector(focused);
      if (again != null) {
        ((HTMLElement) again).focus(); // a redraw does not take the keyboard's place away
      }
    }
    // Keep what the user is typing; refresh the field when the room or the saved nickname changed.
    boolean typing = edit == Js.<Object>uncheckedCast(DomGlobal.document.activeElement);
    if (!room.equals(shownRoom)
        || (!typing
            && (ownNickname == null ? shownNick != null : !ownNickname.equals(shownNick)))) {
      edit.value = ownNickname == null ? "" : ownNickname;
      shownNick = ownNickname;
      Dom.show(problem, false);
      Dom.show(lookalike, false);
    }
    shownRoom = room;
  }

  /** A selector for the focused control in the list (its member's row and hook), or null. */
  private String focusedHook() {
    elemental2.dom.Element active = DomGlobal.document.activeElement;
    if (active == null || !list.contains(active) || !active.hasAttribute("data-testid")) {
      return null;
    }
    elemental2.dom.Element row = active.closest("[data-member-key]");
    return row == null
        ? null
        : "[data-member-key=\""
            + row.getAttribute("data-member-key")
            + "\"] [data-testid="
            + active.getAttribute("data-testid")
            + "]";
  }

  private HTMLElement row(Member m) {
    HTMLElement li = Dom.hook("li", m.self ? "member-item self" : "member-item", "member-item");
    li.setAttribute("data-member-key", m.key);
    HTMLElement name = Dom.hook("span", "member-name", "member-name");
    Dom.sentence(name, "", m.name, m.self ? " (you)" : "");
    li.appendChild(name);
    HTMLElement relation = Dom.hook("span", "member-relation", "member-relation");
    if (m.invitedBy == null) {
      relation.textContent = m.relation;
    } else {
      Dom.sentence(relation, m.relation + " ", m.invitedBy, "");
    }
    li.appendChild(relation);
    if (m.lookalike) {
      HTMLElement warn = Dom.hook("span", "member-lookalike", "member-lookalike");
      warn.textContent = "Looks like another member's name: check the key before trusting it.";
      li.appendChild(warn);
    }
    if (m.deputyOf != null) {
      HTMLElement deputy = Dom.hook("span", "member-deputy", "member-deputy");
      Dom.sentence(deputy, "deputy of ", m.deputyOf, "");
      li.appendChild(deputy);
    }
    if (!m.self) {
      HTMLButtonElement dm = Dom.button("link-button", "dm-open", "Message");
      dm.setAttribute("aria-label", "Direct message to " + m.name);
      dm.addEventListener("click", e -> listener.onDirect(m.key));
      li.appendChild(dm);
    }
    if (m.deputyAction != null) {
      boolean naming = Member.DEPUTIZE.equals(m.deputyAction);
      HTMLButtonElement deputy =
          Dom.button("link-button", m.deputyAction, naming ? "Make deputy" : "Remove deputy");
      deputy.setAttribute(
          "aria-label", (naming ? "Make " : "Stop making ") + m.name + " your deputy");
      deputy.title =
          "A deputy can ban anyone you invited, directly or not, as you can. They stay a member"
              + " either way.";
      deputy.addEventListener("click", e -> listener.onDeputy(m.key, naming));
      li.appendChild(deputy);
    }
    if (m.canBan) {
      HTMLButtonElement ban = Dom.button("link-button", "member-ban", "Ban");
      HTMLElement confirm = Dom.el("span", "ban-confirm-row");
      ban.addEventListener(
          "click",
          e -> {
            confirmingBan = m.key;
            ask(confirm, m, ban).focus(); // the safe choice first, as with leave's "Stay"
          });
      li.appendChild(ban);
      li.appendChild(confirm);
      if (m.key.equals(confirmingBan)) {
        ask(confirm, m, ban);
      }
    }
    return li;
  }

  /** Fills {@code confirm} with "Ban … ?", Ban and Cancel; returns Cancel. */
  private HTMLButtonElement ask(HTMLElement confirm, Member m, HTMLButtonElement ban) {
    Dom.clear(confirm);
    HTMLElement question = Dom.el("span", null);
    Dom.sentence(question, "Ban ", m.name, " and everyone they invited?");
    confirm.appendChild(question);
    HTMLButtonElement yes = Dom.button("danger", "member-ban-confirm", "Ban");
    yes.addEventListener(
        "click",
        ev -> {
          confirmingBan = null;
          Dom.clear(confirm);
          listener.onBan(m.key);
        });
    HTMLButtonElement no = Dom.button("secondary", "member-ban-cancel", "Cancel");
    no.addEventListener(
        "click",
        ev -> {
          confirmingBan = null;
          Dom.clear(confirm);
          ban.focus();
        });
    confirm.appendChild(yes);
    confirm.appendChild(no);
    return no;
  }
}
