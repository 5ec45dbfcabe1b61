package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.List;
import jsinterop.base.Js;
import river.chat.Mentions;
import river.chat.StickToBottom;
import river.chat.Timeline;

/**
 * The current room's conversation ({@code message-list}, an {@code <ol>} of {@code message-item}s,
 * oldest first, see {@link MessageItemView}), with a {@code date-separator} before each local day
 * and consecutive messages of one author grouped ({@link Timeline}). Scrolling follows {@link
 * StickToBottom}: the list stays at the bottom while it is there, opens at the bottom in another
 * room, goes there when the user sends, and otherwise keeps its place and shows {@code
 * jump-to-latest} when newer messages arrive. The message a message address points at carries
 * {@code data-highlighted="true"} and is scrolled to the middle once; a reply's quote jumps to its
 * original, marked {@code data-jumped="true"} for a moment. Hosts the one {@link ReactionPicker}.
 */
public final class MessageListView {
  /** How long a message a quote jumped to stays marked. */
  private static final int JUMP_MARK_MS = 2500;

  /** Pixels from the end that still count as "at the bottom" (rounding, a last partial line). */
  private static final int BOTTOM_SLACK_PX = 24;

  public interface Listener {
    void onReply(String id);

    void onEdit(String id, String currentText);

    void onDelete(String id);

    void onReact(String id, String emoji);

    void onPermalink(String id);
  }

  private final HTMLElement area = Dom.el("div", "message-area");
  private final HTMLElement root = Dom.hook("ol", "message-list", "message-list");
  private final HTMLButtonElement jump =
      MessageItemView.button("New messages ↓", "jump-to-latest", "jump-to-latest");
  private final ReactionPicker picker;
  private final Listener listener;
  private String shownRoom;
  private String lastId;
  private int lastCount;
  private boolean ownSent;
  private boolean jumpShown;
  private String confirmingDelete;
  private String jumpedTo;
  private double jumpedUntil;
  private List<MessageRow> rows = new ArrayList<>();
  private Mentions.Nicknames nicknames = key -> null;

  private final MessageItemView.Actions actions =
      new MessageItemView.Actions() {
        @Override
        public void reply(String id) {
          listener.onReply(id);
        }

        @Override
        public void edit(String id, String text) {
          listener.onEdit(id, text);
        }

        @Override
        public void confirmDelete(String id, boolean asking) {
          confirmingDelete = asking ? id : null;
          redraw();
          focusIn(id, asking ? "message-delete-cancel" : "message-delete");
        }

        @Override
        public void delete(String id) {
          confirmingDelete = null;
          listener.onDelete(id);
        }

        @Override
        public void openPicker(String id) {
          picker.open(id);
        }

        @Override
        public void react(String id, String emoji) {
          listener.onReact(id, emoji);
        }

        @Override
        public void permalink(String id) {
          listener.onPermalink(id);
        }

        @Override
        public void jumpTo(String id) {
          jumpedTo = id;
          jumpedUntil = DomGlobal.performance.now() + JUMP_MARK_MS;
          HTMLElement li = item(id);
          if (li != null) {
            li.setAttribute("data-jumped", "true");
            centre(li);
            li.setAttribute("tabindex", "-1");
            li.focus();
          }
          DomGlobal.setTimeout(ignored -> unmarkJump(id), JUMP_MARK_MS);
        }
      };

  public MessageListView(Listener listener) {
    this.listener = listener;
    this.picker = new ReactionPicker(listener::onReact, id -> focusIn(id, "message-react"));
    root.setAttribute("aria-label", "Messages");
    root.setAttribute("aria-live", "polite");
    root.setAttribute("tabindex", "0");
    jump.addEventListener("click", e -> toBottom());
    root.addEventListener("scroll", e -> showJump(jumpShown && !atBottom()));
    // A narrower window or a taller composer must not leave the newest message half hidden.
    DomGlobal.window.addEventListener("resize", e -> keepAtBottom());
    area.appendChild(root);
    area.appendChild(picker.element());
  }

  /** The list with its jump button and picker. */
  public HTMLElement element() {
    return area;
  }

  /** The user sent a message from this tab: the next draw goes to the bottom. */
  public void followOwn() {
    ownSent = true;
  }

  /** The list's height changed (e.g. the composer grew): stay at the bottom if it was there. */
  public void keepAtBottom() {
    if (!jumpShown) {
      root.scrollTop = root.scrollHeight;
    }
  }

  /**
   * Draws {@code rows}; {@code highlight} (or null) is the id of the row to mark, scrolled to when
   * {@code scrollToHighlight}; {@code nicknames} names mentioned members. Returns whether that row
   * was drawn.
   */
  public boolean render(
      String room,
      List<MessageRow> rows,
      Mentions.Nicknames nicknames,
      String highlight,
      boolean scrollToHighlight) {
    boolean roomChanged = !room.equals(shownRoom);
    boolean wasAtBottom = atBottom();
    double scrollTop = root.scrollTop;
    shownRoom = room;
    this.rows = rows;
    this.nicknames = nicknames;
    if (roomChanged) {
      confirmingDelete = null;
      jumpedTo = null;
      picker.close();
    }
    String newest = rows.isEmpty() ? null : rows.get(rows.size() - 1).id;
    boolean newerArrived =
        !roomChanged && newest != null && !newest.equals(lastId) && rows.size() > lastCount;
    lastId = newest;
    lastCount = rows.size();
    HTMLElement marked = draw(highlight);
    StickToBottom.Scroll scroll = StickToBottom.scroll(roomChanged, wasAtBottom, ownSent);
    ownSent = false;
    if (marked != null && scrollToHighlight) {
      centre(marked);
      scroll = StickToBottom.Scroll.KEEP;
    } else if (scroll == StickToBottom.Scroll.BOTTOM) {
      root.scrollTop = root.scrollHeight;
    } else {
      root.scrollTop = scrollTop; // emptying the list reset it
    }
    showJump(StickToBottom.jumpShown(jumpShown && !roomChanged, scroll, newerArrived));
    return marked != null;
  }

  private void redraw() {
    double scrollTop = root.scrollTop;
    draw(null);
    root.scrollTop = scrollTop;
  }

  private HTMLElement draw(String highlight) {
    Dom.clear(root);
    if (rows.isEmpty()) {
      root.appendChild(Dom.text("li", "message-empty", "No messages yet. Say hello."));
    }
    List<Timeline.Entry> entries = new ArrayList<>();
    for (MessageRow r : rows) {
      entries.add(
          new Timeline.Entry(r.authorKey, r.time, LocalTime.dayNumber(r.time), r.replyTo != null));
    }
    List<Timeline.Place> places = Timeline.of(entries);
    HTMLElement marked = null;
    boolean jumpLive = jumpedTo != null && DomGlobal.performance.now() < jumpedUntil;
    for (int i = 0; i < rows.size(); i++) {
      MessageRow r = rows.get(i);
      Timeline.Place place = places.get(i);
      if (place.startsDay) {
        HTMLElement sep = Dom.hook("li", "date-separator", "date-separator");
        sep.setAttribute("role", "separator");
        sep.textContent = LocalTime.day(r.time);
        root.appendChild(sep);
      }
      HTMLElement li =
          MessageItemView.item(
              r, place.showsAuthor, r.id.equals(confirmingDelete), nicknames, actions);
      if (r.id.equals(highlight)) {
        li.setAttribute("data-highlighted", "true");
        marked = li;
      }
      if (jumpLive && r.id.equals(jumpedTo)) {
        li.setAttribute("data-jumped", "true");
      }
      root.appendChild(li);
    }
    return marked;
  }

  private boolean atBottom() {
    return root.scrollTop + root.clientHeight >= root.scrollHeight - BOTTOM_SLACK_PX;
  }

  private void toBottom() {
    root.scrollTop = root.scrollHeight;
    showJump(false);
  }

  /** The button is in the page only while it applies (the contract: absent otherwise). */
  private void showJump(boolean shown) {
    if (shown && !jumpShown) {
      area.appendChild(jump);
    } else if (!shown && jumpShown) {
      area.removeChild(jump);
    }
    jumpShown = shown;
  }

  private void centre(HTMLElement li) {
    double offset = li.getBoundingClientRect().top - root.getBoundingClientRect().top;
    root.scrollTop = root.scrollTop + offset - (root.clientHeight - li.offsetHeight) / 2;
  }

  private HTMLElement item(String id) {
    // Ids are base58 (or an outbox key of the same alphabet): safe inside the selector's quotes.
    return Js.uncheckedCast(root.querySelector("[data-message-id='" + id + "']"));
  }

  private void unmarkJump(String id) {
    HTMLElement li = item(id);
    if (li != null) {
      li.removeAttribute("data-jumped");
    }
  }

  /** Focuses the control {@code testId} of message {@code id} (after a redraw replaced it). */
  private void focusIn(String id, String testId) {
    HTMLElement li = item(id);
    if (li != null) {
      HTMLElement control = Js.uncheckedCast(li.querySelector("[data-testid=" + testId + "]"));
      if (control != null) {
        control.focus();
      }
    }
  }
}
