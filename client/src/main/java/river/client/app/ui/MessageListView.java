package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jsinterop.annotations.JsFunction;
import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;
import jsinterop.base.Js;
import river.chat.Mentions;
import river.chat.StickToBottom;
import river.chat.Timeline;

/**
 * The current room's conversation ({@code message-list}, an {@code <ol>} of {@code message-item}s,
 * oldest first, see {@link MessageItemView}), with a {@code date-separator} before each local day,
 * an {@code unread-divider} ("New messages") before the first message that was unread when the room
 * was opened, and consecutive messages of one author grouped ({@link Timeline}). Scrolling follows
 * {@link StickToBottom}: the list stays at the bottom while it is there, opens at the bottom in
 * another room, goes there when the user sends, and otherwise keeps its place and shows {@code
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

    void onAcceptInvitation(String code);
  }

  private final HTMLElement area = Dom.el("div", "message-area");
  private final HTMLElement root = Dom.hook("ol", "message-list", "message-list");
  private final HTMLButtonElement jump =
      Dom.button("jump-to-latest", "jump-to-latest", "New messages ↓");
  private final ReactionPicker picker;
  private final Listener listener;
  private String shownRoom;
  private String lastId;
  private int lastCount;
  private boolean ownSent;
  private boolean jumpShown;

  /** The user is reading the newest messages: a change of the list's size keeps them in view. */
  private boolean stuck = true;

  /** The scroll position as last seen or set, to tell a move up from a shrinking list. */
  private double lastScrollTop;

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
        public void acceptInvitation(String code) {
          listener.onAcceptInvitation(code);
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
    unreadDivider.textContent = "New messages";
    root.setAttribute("aria-label", "Messages");
    root.setAttribute("aria-live", "polite");
    root.setAttribute("tabindex", "0");
    jump.addEventListener("click", e -> toBottom());
    // Only a move up unsticks: when the list shrinks (the composer appears) a scroll event can
    // come before the resize observer with the end out of view, and that is not the reader leaving.
    root.addEventListener(
        "scroll",
        e -> {
          if (atBottom()) {
            stuck = true;
          } else if (root.scrollTop < lastScrollTop - 1) {
            stuck = false;
          }
          lastScrollTop = root.scrollTop;
          showJump(jumpShown && !stuck);
        });
    // The list shrinks after a draw (the composer or a notice appears, a narrow screen, the
    // keyboard on a phone): a reader at the bottom must not be left short of the newest message.
    new ResizeObserver((entries, observer) -> keepAtBottom()).observe(root);
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
    if (stuck) {
      scrollTo(root.scrollHeight);
    }
  }

  /** The browser's ResizeObserver (not in elemental2 1.1.0). */
  @JsType(isNative = true, namespace = JsPackage.GLOBAL)
  private static class ResizeObserver {
    @JsFunction
    interface Callback {
      void onResize(Object entries, Object observer);
    }

    ResizeObserver(Callback callback) {}

    native void observe(Element target);
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
      boolean scrollToHighlight,
      String unreadFrom) {
    boolean roomChanged = !room.equals(shownRoom);
    this.unreadFrom = unreadFrom;
    // Not measured now: the list may have shrunk since (the observer has not run yet).
    boolean wasAtBottom = stuck;
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
      stuck = false;
    } else if (scroll == StickToBottom.Scroll.BOTTOM) {
      scrollTo(root.scrollHeight);
      stuck = true;
    } else {
      scrollTo(scrollTop); // emptying the list reset it
    }
    showJump(StickToBottom.jumpShown(jumpShown && !roomChanged, scroll, newerArrived));
    return marked != null;
  }

  private void redraw() {
    double scrollTop = root.scrollTop;
    draw(null);
    scrollTo(scrollTop);
  }

  /** A drawn message and what it was drawn from: kept while a draw would draw it the same. */
  private static final class Drawn {
    final MessageRow row;
    final boolean showsAuthor;
    final boolean confirming;
    final String mentions;
    final HTMLElement li;

    Drawn(
        MessageRow row, boolean showsAuthor, boolean confirming, String mentions, HTMLElement li) {
      this.row = row;
      this.showsAuthor = showsAuthor;
      this.confirming = confirming;
      this.mentions = mentions;
      this.li = li;
    }

    boolean same(MessageRow r, boolean showsAuthor, boolean confirming, String mentions) {
      return this.showsAuthor == showsAuthor
          && this.confirming == confirming
          && this.mentions.equals(mentions)
          && row.drawsLike(r);
    }
  }

  /** The messages on screen by id, and the day separators by local day number. */
  private Map<String, Drawn> drawn = new HashMap<>();

  private Map<Integer, HTMLElement> separators = new HashMap<>();
  private final HTMLElement empty = Dom.text("li", "message-empty", "No messages yet. Say hello.");

  /** "New messages", before the first message that was unread when the room was opened. */
  private final HTMLElement unreadDivider = Dom.hook("li", "unread-divider", "unread-divider");

  /** The message (id) the divider goes before, or null for none. */
  private String unreadFrom;

  /**
   * Draws the rows, keeping the element of every message that would be drawn the same (see {@link
   * KeyedChildren}): only new and changed messages are built.
   */
  private HTMLElement draw(String highlight) {
    List<HTMLElement> wanted = new ArrayList<>();
    if (rows.isEmpty()) {
      wanted.add(empty);
    }
    List<Timeline.Entry> entries = new ArrayList<>();
    int[] days = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      MessageRow r = rows.get(i);
      days[i] = LocalTime.dayNumber(r.time);
      entries.add(new Timeline.Entry(r.authorKey, r.time, days[i], r.replyTo != null));
    }
    List<Timeline.Place> places = Timeline.of(entries);
    Map<String, Drawn> nowDrawn = new HashMap<>();
    Map<Integer, HTMLElement> nowSeparators = new HashMap<>();
    HTMLElement marked = null;
    boolean jumpLive = jumpedTo != null && DomGlobal.performance.now() < jumpedUntil;
    for (int i = 0; i < rows.size(); i++) {
      MessageRow r = rows.get(i);
      Timeline.Place place = places.get(i);
      if (place.startsDay) {
        // a plain list item (a list may hold only items): screen readers read the day as a line
        int day = days[i];
        HTMLElement sep = separators.get(day);
        if (sep == null || nowSeparators.containsKey(day)) {
          sep = Dom.hook("li", "date-separator", "date-separator");
        }
        String label = LocalTime.day(r.time); // "today" may have become yesterday
        if (!label.equals(sep.textContent)) {
          sep.textContent = label;
        }
        nowSeparators.put(day, sep);
        wanted.add(sep);
      }
      if (r.id.equals(unreadFrom)) {
        wanted.add(unreadDivider);
      }
      boolean confirming = r.id.equals(confirmingDelete);
      String mentions = MessageItemView.mentionNames(r.text, nicknames);
      Drawn before = drawn.get(r.id);
      HTMLElement li;
      if (before != null
          && !nowDrawn.containsKey(r.id)
          && before.same(r, place.showsAuthor, confirming, mentions)) {
        li = before.li;
      } else {
        li = MessageItemView.item(r, place.showsAuthor, confirming, nicknames, actions);
      }
      if (!nowDrawn.containsKey(r.id)) {
        nowDrawn.put(r.id, new Drawn(r, place.showsAuthor, confirming, mentions, li));
      }
      mark(li, "data-highlighted", r.id.equals(highlight));
      if (r.id.equals(highlight)) {
        marked = li;
      }
      mark(li, "data-jumped", jumpLive && r.id.equals(jumpedTo));
      wanted.add(li);
    }
    KeyedChildren.place(root, wanted);
    drawn = nowDrawn;
    separators = nowSeparators;
    return marked;
  }

  private static void mark(HTMLElement li, String attribute, boolean on) {
    if (on) {
      li.setAttribute(attribute, "true");
    } else if (li.hasAttribute(attribute)) {
      li.removeAttribute(attribute);
    }
  }

  private void scrollTo(double top) {
    root.scrollTop = top;
    lastScrollTop = root.scrollTop;
  }

  private boolean atBottom() {
    return root.scrollTop + root.clientHeight >= root.scrollHeight - BOTTOM_SLACK_PX;
  }

  private void toBottom() {
    scrollTo(root.scrollHeight);
    stuck = true;
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
    scrollTo(root.scrollTop + offset - (root.clientHeight - li.offsetHeight) / 2);
    stuck = atBottom(); // the reader is here now, not (necessarily) at the newest message
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
