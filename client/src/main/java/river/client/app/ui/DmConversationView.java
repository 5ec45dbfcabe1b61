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
 * message-delete}, then {@code message-delete-confirm}). {@code dm-invite-open} offers the user's
 * other rooms ({@code dm-invite-room}): choosing one sends the peer an invitation to it, which
 * their tab shows with "Accept invitation". Everything typed is shown as text.
 */
public final class DmConversationView {
  public interface Listener {
    /** Null when the text was taken, else why not (shown under the input, the text kept). */
    String onSend(String text);

    void onDelete(String id);

    void onClose();

    /** Something only this view knows changed (a delete being confirmed): draw again. */
    void redraw();

    /** The rooms the peer can be invited to: {room key, room name} each. */
    List<String[]> inviteRooms();

    /** Send the peer an invitation to this room. */
    void onInviteTo(String roomKey);

    /** Accept the invitation whose link a message holds. */
    void onAcceptInvitation(String code);
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
  private final HTMLButtonElement inviteOpen =
      Dom.button("link-button", "dm-invite-open", "Invite to a room");
  private final HTMLElement inviteRooms = Dom.hook("ul", "dm-invite-rooms", "dm-invite-rooms");
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
    inviteOpen.setAttribute("aria-expanded", "false");
    inviteOpen.addEventListener("click", e -> toggleInvite());
    head.appendChild(inviteOpen);
    root.appendChild(head);
    inviteRooms.setAttribute("aria-label", "Rooms to invite to");
    Dom.show(inviteRooms, false);
    root.appendChild(inviteRooms);
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

  /** Opens or closes the list of rooms to invite the peer to (filled as it opens). */
  private void toggleInvite() {
    boolean open = !"true".equals(inviteOpen.getAttribute("aria-expanded"));
    Dom.clear(inviteRooms);
    if (open) {
      List<String[]> rooms = listener.inviteRooms();
      for (String[] room : rooms) {
        HTMLElement li = Dom.el("li", null);
        HTMLButtonElement b = Dom.button("room-item", "dm-invite-room", "");
        b.setAttribute("data-room-key", room[0]);
        Dom.userText(b, room[1]);
        b.addEventListener(
            "click",
            e -> {
              toggleInvite();
              listener.onInviteTo(room[0]);
            });
        li.appendChild(b);
        inviteRooms.appendChild(li);
      }
      if (rooms.isEmpty()) {
        inviteRooms.appendChild(Dom.text("li", "hint", "You have no other room to invite to."));
      }
    }
    inviteOpen.setAttribute("aria-expanded", String.valueOf(open));
    Dom.show(inviteRooms, open);
  }

  /** A new conversation: no confirmation pending, a fresh draw. */
  public void reset() {
    if ("true".equals(inviteOpen.getAttribute("aria-expanded"))) {
      toggleInvite();
    }
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
    // DMs carry no mentions; an invitation link gets its button
    MessageItemView.fillText(text, r.text, key -> null, listener::onAcceptInvitation);
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
