package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.List;
import jsinterop.base.Js;

/**
 * The user's direct-message threads across rooms, beside the room list: {@code dm-list} of {@code
 * dm-item} buttons ({@code data-room-key}, {@code data-peer-key}, {@code aria-current} on the one
 * shown), each naming the peer and the room as text, with {@code dm-unread} while the peer wrote
 * something unread. The heading shows only when there is a thread.
 */
public final class DmListView {
  public interface Listener {
    void onOpen(String roomKey, String peerKey);
  }

  /** One thread as the list shows it. */
  public static final class Row {
    final String roomKey;
    final String peerKey;
    final String peerName;
    final String roomName;
    final int unread;
    final boolean current;

    public Row(
        String roomKey,
        String peerKey,
        String peerName,
        String roomName,
        int unread,
        boolean current) {
      this.roomKey = roomKey;
      this.peerKey = peerKey;
      this.peerName = peerName;
      this.roomName = roomName;
      this.unread = unread;
      this.current = current;
    }

    String drawn() {
      return roomKey + "\t" + peerKey + "\t" + peerName + "\t" + roomName + "\t" + unread + current;
    }
  }

  private final HTMLElement root = Dom.el("section", "dm-section");
  private final HTMLElement title = Dom.text("h2", "dm-title", "Direct messages");
  private final HTMLElement list = Dom.hook("ul", "room-list dm-list", "dm-list");
  private final Listener listener;
  private String drawnAs;

  public DmListView(Listener listener) {
    this.listener = listener;
    list.setAttribute("aria-label", "Direct messages");
    root.appendChild(title);
    root.appendChild(list);
  }

  public HTMLElement element() {
    return root;
  }

  public void render(List<Row> rows) {
    StringBuilder drawn = new StringBuilder();
    for (Row r : rows) {
      drawn.append(r.drawn()).append('\n');
    }
    if (drawn.toString().equals(drawnAs)) {
      return; // unchanged: the DOM (and focus) stay as they are
    }
    drawnAs = drawn.toString();
    Dom.clear(list);
    for (Row r : rows) {
      HTMLButtonElement item = Js.uncheckedCast(Dom.hook("button", "room-item", "dm-item"));
      item.type = "button";
      item.setAttribute("data-room-key", r.roomKey);
      item.setAttribute("data-peer-key", r.peerKey);
      if (r.current) {
        item.setAttribute("aria-current", "true");
      }
      HTMLElement name = Dom.hook("span", "room-name", "dm-name");
      Dom.sentence(name, "", r.peerName, "");
      HTMLElement room = Dom.hook("span", "dm-room", "dm-room");
      Dom.sentence(room, " · ", r.roomName, "");
      name.appendChild(room);
      item.appendChild(name);
      if (r.unread > 0) {
        HTMLElement badge = Dom.hook("span", "room-unread", "dm-unread");
        badge.textContent = String.valueOf(r.unread);
        item.appendChild(badge);
      }
      item.addEventListener("click", e -> listener.onOpen(r.roomKey, r.peerKey));
      HTMLElement li = Dom.el("li", "room-entry");
      li.appendChild(item);
      list.appendChild(li);
    }
    Dom.show(title, !rows.isEmpty());
  }
}
