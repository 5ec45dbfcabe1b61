package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jsinterop.base.Js;

/**
 * The user's direct-message threads across rooms, beside the room list: {@code dm-list} of {@code
 * dm-item} buttons ({@code data-room-key}, {@code data-peer-key}, {@code aria-current} on the one
 * shown), each naming the peer and the room as text, with {@code dm-unread} while the peer wrote
 * something unread, and {@code dm-hide} beside it (the thread leaves the list until a new message).
 * The heading shows only when there is a thread.
 */
public final class DmListView {
  public interface Listener {
    void onOpen(String roomKey, String peerKey);

    /** Hide the thread until a new message arrives in it. */
    void onHide(String roomKey, String peerKey);
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

  /**
   * The drawn item of each thread, by room and peer. Kept across redraws (a name resolved, an
   * unread count, another thread) so the button under the user's pointer or focus stays the same
   * element: a rebuild would drop the focus, and a click landing mid-redraw would find a new
   * button.
   */
  private Map<String, Item> items = new HashMap<>();

  /** One drawn thread and what it shows. */
  private static final class Item {
    final HTMLElement entry = Dom.el("li", "room-entry");
    final HTMLButtonElement button = Js.uncheckedCast(Dom.hook("button", "room-item", "dm-item"));
    final HTMLElement name = Dom.hook("span", "room-name", "dm-name");
    final HTMLElement room = Dom.hook("span", "dm-room", "dm-room");
    final HTMLButtonElement hide = Dom.button("link-button dm-hide", "dm-hide", "Hide");
    HTMLElement badge;
    String drawnAs;
  }

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
    int focusedAt = focusedIndex();
    Map<String, Item> next = new HashMap<>();
    List<HTMLElement> entries = new ArrayList<>();
    for (Row r : rows) {
      String thread = r.roomKey + "\t" + r.peerKey;
      Item item = items.get(thread);
      if (item == null) {
        item = create(r);
      }
      update(item, r);
      next.put(thread, item);
      entries.add(item.entry);
    }
    items = next;
    KeyedChildren.place(list, entries);
    Dom.show(title, !rows.isEmpty());
    if (focusedAt >= 0 && !list.contains(DomGlobal.document.activeElement) && !rows.isEmpty()) {
      // the focused thread left the list (hidden): the keyboard goes to its neighbour
      Row r = rows.get(Math.min(focusedAt, rows.size() - 1));
      next.get(r.roomKey + "\t" + r.peerKey).button.focus();
    }
  }

  /** The index of the entry holding the focus, or -1. */
  private int focusedIndex() {
    elemental2.dom.Element active = DomGlobal.document.activeElement;
    int i = 0;
    for (elemental2.dom.Node c = list.firstChild; active != null && c != null; c = c.nextSibling) {
      if (c.contains(active)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private Item create(final Row r) {
    Item item = new Item();
    item.button.type = "button";
    item.button.setAttribute("data-room-key", r.roomKey);
    item.button.setAttribute("data-peer-key", r.peerKey);
    item.name.appendChild(item.room);
    item.button.appendChild(item.name);
    item.button.addEventListener("click", e -> listener.onOpen(r.roomKey, r.peerKey));
    item.entry.appendChild(item.button);
    item.hide.setAttribute("title", "Hide until a new message");
    item.hide.addEventListener("click", e -> listener.onHide(r.roomKey, r.peerKey));
    item.entry.appendChild(item.hide);
    return item;
  }

  /** Redraws what the row shows, when it changed (the room and peer are the item's for good). */
  private static void update(Item item, Row r) {
    String drawn = r.drawn();
    if (drawn.equals(item.drawnAs)) {
      return; // unchanged: the DOM (and focus) stay as they are
    }
    item.drawnAs = drawn;
    if (r.current) {
      item.button.setAttribute("aria-current", "true");
    } else {
      item.button.removeAttribute("aria-current");
    }
    item.hide.setAttribute("aria-label", "Hide the conversation with " + r.peerName);
    Dom.clear(item.room);
    Dom.sentence(item.room, " · ", r.roomName, "");
    // the name's text nodes come before the room's span, which stays in place
    while (item.name.firstChild != item.room) {
      item.name.removeChild(item.name.firstChild);
    }
    HTMLElement peer = Dom.el("span", "dm-peer");
    Dom.sentence(peer, "", r.peerName, "");
    while (peer.firstChild != null) {
      item.name.insertBefore(peer.firstChild, item.room);
    }
    if (r.unread > 0) {
      if (item.badge == null) {
        item.badge = Dom.hook("span", "room-unread", "dm-unread");
        item.button.appendChild(item.badge);
      }
      item.badge.textContent = String.valueOf(r.unread);
    } else if (item.badge != null) {
      item.button.removeChild(item.badge);
      item.badge = null;
    }
  }
}
