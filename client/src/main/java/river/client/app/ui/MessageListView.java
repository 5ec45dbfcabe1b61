package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.List;
import jsinterop.base.Js;

/**
 * The current room's messages ({@code message-list} / {@code message-item}), oldest first, each
 * with its author ({@code message-author}) and text ({@code message-text}); a message still in the
 * outbox carries {@code message-pending}. A reply shows what it answers ({@code message-reply-to});
 * reactions show as chips ({@code message-reaction}, data-emoji, aria-pressed when one is yours).
 * Actions: reply, react, copy the message's link ({@code message-permalink}), and on your own
 * messages edit and delete. Everything is set as text. Stays scrolled to the bottom when it was at
 * the bottom; the message a message address points at carries {@code data-highlighted="true"} and
 * is scrolled to the middle once.
 */
public final class MessageListView {
  public static final String[] EMOJI = {"👍", "❤️", "😂"};

  public interface Listener {
    void onReply(String id);

    void onEdit(String id, String currentText);

    void onDelete(String id);

    void onReact(String id, String emoji);

    void onPermalink(String id);
  }

  /** One reaction chip: an emoji, how many reacted with it, whether you did. */
  public static final class Reaction {
    final String emoji;
    final int count;
    final boolean mine;

    public Reaction(String emoji, int count, boolean mine) {
      this.emoji = emoji;
      this.count = count;
      this.mine = mine;
    }
  }

  /** One row as shown. */
  public static final class Row {
    final String id;
    final String author;
    final String text;
    final boolean pending;
    final boolean edited;
    boolean own;

    /** The quoted message's author (user text), or null when the quote is a note of ours. */
    String replyAuthor;

    String replyTo;
    List<Reaction> reactions = new ArrayList<>();

    public Row(String id, String author, String text, boolean pending, boolean edited) {
      this.id = id;
      this.author = author;
      this.text = text;
      this.pending = pending;
      this.edited = edited;
    }

    public Row own(boolean value) {
      own = value;
      return this;
    }

    /** {@code author} null: {@code quoted} is our own wording (e.g. the message is gone). */
    public Row replyTo(String author, String quoted) {
      replyAuthor = author;
      replyTo = quoted;
      return this;
    }

    public Row reaction(Reaction r) {
      reactions.add(r);
      return this;
    }
  }

  private final HTMLElement root = Dom.hook("ol", "message-list", "message-list");
  private final Listener listener;
  private String shownRoom;

  public MessageListView(Listener listener) {
    this.listener = listener;
    root.setAttribute("aria-label", "Messages");
    root.setAttribute("aria-live", "polite");
  }

  public HTMLElement element() {
    return root;
  }

  /**
   * Draws {@code rows}; {@code highlight} (or null) is the id of the row to mark, scrolled to when
   * {@code scrollToHighlight}. Returns whether that row was drawn.
   */
  public boolean render(String room, List<Row> rows, String highlight, boolean scrollToHighlight) {
    boolean atBottom = root.scrollTop + root.clientHeight >= root.scrollHeight - 8;
    boolean roomChanged = !room.equals(shownRoom);
    shownRoom = room;
    Dom.clear(root);
    if (rows.isEmpty()) {
      root.appendChild(Dom.text("li", "message-empty", "No messages yet. Say hello."));
    }
    HTMLElement marked = null;
    for (Row r : rows) {
      HTMLElement li = item(r);
      if (r.id.equals(highlight)) {
        li.setAttribute("data-highlighted", "true");
        marked = li;
      }
      root.appendChild(li);
    }
    if (marked != null && scrollToHighlight) {
      double offset = marked.getBoundingClientRect().top - root.getBoundingClientRect().top;
      root.scrollTop = root.scrollTop + offset - (root.clientHeight - marked.offsetHeight) / 2;
    } else if (atBottom || roomChanged) {
      root.scrollTop = root.scrollHeight;
    }
    return marked != null;
  }

  private HTMLElement item(Row r) {
    HTMLElement li = Dom.hook("li", "message-item", "message-item");
    li.setAttribute("data-message-id", r.id);
    if (r.replyTo != null) {
      HTMLElement quote = Dom.hook("div", "message-reply-to", "message-reply-to");
      if (r.replyAuthor == null) {
        quote.textContent = "↪ " + r.replyTo;
      } else {
        // Two pieces of user text, each isolated: an override in the name cannot reach the quote.
        Dom.sentence(quote, "↪ ", r.replyAuthor, ": ");
        quote.appendChild(Dom.isolated(r.replyTo));
      }
      li.appendChild(quote);
    }
    HTMLElement author = Dom.hook("span", "message-author", "message-author");
    Dom.userText(author, r.author);
    li.appendChild(author);
    HTMLElement text = Dom.hook("span", "message-text", "message-text");
    Dom.userText(text, r.text);
    li.appendChild(text);
    if (r.edited) {
      HTMLElement edited = Dom.hook("span", "message-edited", "message-edited");
      edited.textContent = "(edited)";
      li.appendChild(edited);
    }
    if (r.pending) {
      HTMLElement p = Dom.hook("span", "message-pending", "message-pending");
      p.textContent = "sending…";
      p.setAttribute("title", "Waiting to be delivered");
      li.appendChild(p);
      return li;
    }
    if (!r.reactions.isEmpty()) {
      HTMLElement chips = Dom.el("span", "message-reactions");
      for (Reaction x : r.reactions) {
        HTMLButtonElement chip =
            button(x.emoji + " " + x.count, "message-reaction", "reaction-chip");
        chip.setAttribute("data-emoji", x.emoji);
        chip.setAttribute("aria-pressed", x.mine ? "true" : "false");
        chip.addEventListener("click", e -> listener.onReact(r.id, x.emoji));
        chips.appendChild(chip);
      }
      li.appendChild(chips);
    }
    HTMLElement actions = Dom.el("span", "message-actions");
    for (String emoji : EMOJI) {
      HTMLButtonElement react = button(emoji, "message-react", "link-button");
      react.setAttribute("data-emoji", emoji);
      react.setAttribute("aria-label", "React with " + emoji);
      react.addEventListener("click", e -> listener.onReact(r.id, emoji));
      actions.appendChild(react);
    }
    HTMLButtonElement permalink = button("Link", "message-permalink", "link-button");
    permalink.setAttribute("aria-label", "Copy a link to this message");
    permalink.setAttribute("title", "Copy a link to this message");
    permalink.addEventListener("click", e -> listener.onPermalink(r.id));
    actions.appendChild(permalink);
    HTMLButtonElement reply = button("Reply", "message-reply", "link-button");
    reply.addEventListener("click", e -> listener.onReply(r.id));
    actions.appendChild(reply);
    if (r.own) {
      HTMLButtonElement edit = button("Edit", "message-edit", "link-button");
      edit.addEventListener("click", e -> listener.onEdit(r.id, r.text));
      actions.appendChild(edit);
      HTMLButtonElement delete = button("Delete", "message-delete", "link-button");
      delete.addEventListener("click", e -> listener.onDelete(r.id));
      actions.appendChild(delete);
    }
    li.appendChild(actions);
    return li;
  }

  private static HTMLButtonElement button(String text, String testId, String className) {
    HTMLButtonElement b = Js.uncheckedCast(Dom.hook("button", className, testId));
    b.type = "button";
    b.textContent = text;
    return b;
  }
}
