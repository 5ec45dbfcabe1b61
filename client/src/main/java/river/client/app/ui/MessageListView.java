package river.client.app.ui;

import elemental2.dom.HTMLElement;
import java.util.List;

/**
 * The current room's messages ({@code message-list} / {@code message-item}), oldest first, each
 * with its author ({@code message-author}) and text ({@code message-text}); a message still in
 * the outbox carries {@code message-pending}. Everything is set as text. Stays scrolled to the
 * bottom when it was at the bottom (or the room changed).
 */
public final class MessageListView {
  /** One row as shown. */
  public static final class Row {
    final String id;
    final String author;
    final String text;
    final boolean pending;
    final boolean edited;

    public Row(String id, String author, String text, boolean pending, boolean edited) {
      this.id = id;
      this.author = author;
      this.text = text;
      this.pending = pending;
      this.edited = edited;
    }
  }

  private final HTMLElement root = Dom.hook("ol", "message-list", "message-list");
  private String shownRoom;

  public MessageListView() {
    root.setAttribute("aria-label", "Messages");
    root.setAttribute("aria-live", "polite");
  }

  public HTMLElement element() {
    return root;
  }

  public void render(String room, List<Row> rows) {
    boolean atBottom = root.scrollTop + root.clientHeight >= root.scrollHeight - 8;
    boolean roomChanged = !room.equals(shownRoom);
    shownRoom = room;
    Dom.clear(root);
    if (rows.isEmpty()) {
      root.appendChild(Dom.text("li", "message-empty", "No messages yet. Say hello."));
    }
    for (Row r : rows) {
      HTMLElement li = Dom.hook("li", "message-item", "message-item");
      li.setAttribute("data-message-id", r.id);
      HTMLElement author = Dom.hook("span", "message-author", "message-author");
      author.textContent = r.author;
      li.appendChild(author);
      HTMLElement text = Dom.hook("span", "message-text", "message-text");
      text.textContent = r.text;
      li.appendChild(text);
      if (r.edited) {
        li.appendChild(Dom.text("span", "message-edited", "(edited)"));
      }
      if (r.pending) {
        HTMLElement p = Dom.hook("span", "message-pending", "message-pending");
        p.textContent = "sending…";
        p.setAttribute("title", "Waiting to be delivered");
        li.appendChild(p);
      }
      root.appendChild(li);
    }
    if (atBottom || roomChanged) {
      root.scrollTop = root.scrollHeight;
    }
  }
}
