package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.List;

/**
 * One direct conversation, in place of the room's conversation while it is open: a heading naming
 * the peer and the room, the messages in a {@code message-list} of {@code message-item}s (author,
 * {@code message-time}, {@code message-text} with its links, as a room's rows draw them) and the
 * composer ({@code message-input}, {@code message-send}). Either party deletes a message ({@code
 * message-delete}, then {@code message-delete-confirm}). Everything typed is shown as text.
 */
public final class DmConversationView {
  public interface Listener {
    /** Null when the text was taken, else why not (shown under the input, the text kept). */
    String onSend(String text);

    void onDelete(String id);

    void onClose();

    /** Something only this view knows changed (a delete being confirmed): draw again. */
    void redraw();
  }

  /** One message as shown. */
  public static final class Row {
    final String id;
    final String author;
    final long time;
    final String text;

    public Row(String id, String author, long time, String text) {
      this.id = id;
      this.author = author;
      this.time = time;
      this.text = text;
    }

    String drawn() {
      return id + "\t" + author + "\t" + text;
    }
  }

  private final HTMLElement root = Dom.hook("section", "dm-conversation", "dm-conversation");
  private final HTMLElement heading = Dom.hook("h2", "dm-heading", "dm-heading");
  private final HTMLElement list = Dom.hook("ol", "message-list", "message-list");
  private final Composer composer;
  private final Listener listener;
  private String drawnAs;
  private String confirming;

  public DmConversationView(Listener listener) {
    this.listener = listener;
    this.composer =
        new Composer(
            new Composer.Listener() {
              @Override
              public String onSend(String text) {
                return listener.onSend(text);
              }

              @Override
              public void onDraft(String text) {}

              @Override
              public void onResize() {}
            },
            ArrayList::new);
    HTMLElement head = Dom.el("div", "dm-head");
    head.appendChild(heading);
    HTMLButtonElement close = Dom.button("link-button", "dm-close", "Back to the room");
    close.addEventListener("click", e -> listener.onClose());
    head.appendChild(close);
    root.appendChild(head);
    list.setAttribute("aria-label", "Direct messages");
    root.appendChild(list);
  }

  /** The conversation part (heading and messages); the composer is {@link #composerElement}. */
  public HTMLElement element() {
    return root;
  }

  public HTMLElement composerElement() {
    return composer.element();
  }

  public void focus() {
    composer.focus();
  }

  public void render(String peerName, String roomName, List<Row> rows) {
    Dom.clear(heading);
    heading.appendChild(Dom.isolated(peerName));
    heading.appendChild(elemental2.dom.DomGlobal.document.createTextNode(" · "));
    heading.appendChild(Dom.isolated(roomName));
    StringBuilder drawn = new StringBuilder(String.valueOf(confirming));
    for (Row r : rows) {
      drawn.append('\n').append(r.drawn());
    }
    if (drawn.toString().equals(drawnAs)) {
      return;
    }
    drawnAs = drawn.toString();
    Dom.clear(list);
    for (Row r : rows) {
      list.appendChild(item(r));
    }
    list.scrollTop = list.scrollHeight;
  }

  /** A new conversation: no confirmation pending, a fresh draw. */
  public void reset() {
    confirming = null;
    drawnAs = null;
    composer.clearProblem();
  }

  private HTMLElement item(Row r) {
    HTMLElement li = Dom.hook("li", "message-item", "message-item");
    li.setAttribute("data-message-id", r.id);
    HTMLElement head = Dom.el("div", "message-head");
    head.appendChild(Dom.userText(Dom.hook("span", "message-author", "message-author"), r.author));
    HTMLElement time = Dom.hook("time", "message-time", "message-time");
    time.setAttribute("datetime", LocalTime.iso(r.time));
    time.setAttribute("title", LocalTime.full(r.time));
    time.textContent = LocalTime.time(r.time);
    head.appendChild(time);
    li.appendChild(head);
    HTMLElement text = Dom.hook("div", "message-text", "message-text");
    text.setAttribute("dir", "auto");
    MessageItemView.fillText(text, r.text, key -> null); // DMs carry no mentions
    li.appendChild(text);
    HTMLElement bar = Dom.hook("div", "message-actions", "message-actions");
    if (r.id.equals(confirming)) {
      HTMLButtonElement yes =
          Dom.button("danger", "message-delete-confirm", "Delete for both of you");
      yes.addEventListener(
          "click",
          e -> {
            confirming = null;
            listener.onDelete(r.id);
          });
      HTMLButtonElement no = Dom.button("secondary", "message-delete-cancel", "Keep");
      no.addEventListener("click", e -> ask(null));
      bar.appendChild(yes);
      bar.appendChild(no);
    } else {
      HTMLButtonElement delete = Dom.button("link-button", "message-delete", "Delete");
      delete.addEventListener("click", e -> ask(r.id));
      bar.appendChild(delete);
    }
    li.appendChild(bar);
    return li;
  }

  private void ask(String id) {
    confirming = id;
    drawnAs = null;
    listener.redraw();
  }
}
