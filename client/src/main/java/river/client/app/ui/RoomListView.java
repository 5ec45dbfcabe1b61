package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.DragEvent;
import elemental2.dom.Element;
import elemental2.dom.Event;
import elemental2.dom.HTMLAnchorElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;
import elemental2.dom.MouseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jsinterop.base.Js;
import river.rooms.RoomKey;
import river.rooms.RoomListOrder;
import river.rooms.RoomStorageKeys;

/**
 * The room list ({@code room-list} / {@code room-item}) in display order. Each room is a link to
 * its address in the shell ({@code <a href="/#/room/ROOM">}): a plain click (or Enter, or Space)
 * opens it in this tab, and the browser does the rest with the link itself: Ctrl/Cmd/Shift or a
 * middle click, and "open in new tab", open the room in a tab of its own. Reordering: drag a room
 * onto another, or focus a room and press Alt+ArrowUp / Alt+ArrowDown (the keyboard alternative).
 * All text is set as text. Redraws are incremental (one item per room, updated in place) and the
 * list listens once for all items, so a list of 5,000 rooms costs 5,000 small items, not a rebuild
 * per change.
 */
public final class RoomListView {
  public interface Listener {
    void onSelect(RoomKey key);

    void onReorder(List<RoomKey> newOrder);
  }

  /** What the list shows for each room; names come from the room contracts once hydrated. */
  public interface Labels {
    String name(RoomKey key);

    int unread(RoomKey key);
  }

  private final HTMLElement root = Dom.hook("ul", "room-list", "room-list");
  private final Listener listener;
  private List<RoomKey> shown = new ArrayList<>();

  /** The drawn item of each listed room, by the room's base58 text (the items' data-room-key). */
  private final Map<String, Item> items = new HashMap<>();

  private RoomKey dragging;
  private Function<RoomKey, String> links = key -> "#";

  /** One drawn room: its elements and what they show, so a redraw touches only what changed. */
  private static final class Item {
    final RoomKey key;
    final HTMLElement entry = Dom.el("li", "room-entry");
    final HTMLAnchorElement link = Js.uncheckedCast(Dom.hook("a", "room-item", "room-item"));
    final HTMLElement name = Dom.hook("span", "room-name", "room-name");
    HTMLElement badge;
    String shownName;
    int shownUnread;
    boolean current;
    boolean stamped;

    Item(RoomKey key) {
      this.key = key;
    }
  }

  public RoomListView(Listener listener) {
    this.listener = listener;
    root.setAttribute("aria-label", "Rooms");
    // One listener of each kind on the list, not six on each of 5,000 items.
    root.addEventListener("click", this::onClick);
    root.addEventListener("keydown", this::onKeyDown);
    root.addEventListener("dragstart", this::onDragStart);
    root.addEventListener("dragover", e -> e.preventDefault());
    root.addEventListener("drop", this::onDrop);
    root.addEventListener("dragend", e -> dragging = null);
  }

  public HTMLElement element() {
    return root;
  }

  /** Where each room's link points: the shell's URL of the room's address. */
  public void setLinks(Function<RoomKey, String> links) {
    this.links = links;
    for (Item item : items.values()) {
      item.link.href = links.apply(item.key);
    }
  }

  /**
   * Draws the rooms in display order. Items are kept per room: a room that appears gets an item, a
   * room that goes loses its own, and an item whose name, unread count or current mark changed is
   * updated in place; the rest of the list (5,000 rooms) is left alone. Items are moved only when
   * the order changed.
   */
  public void render(List<RoomKey> display, RoomKey current, Labels labels) {
    Map<String, Item> keep = new HashMap<>();
    boolean added = false;
    for (RoomKey key : display) {
      String text = keyText(key);
      Item item = items.get(text);
      if (item == null) {
        item = create(key, text);
        added = true;
      }
      keep.put(text, item);
      update(item, key.equals(current), labels);
    }
    for (Map.Entry<String, Item> e : items.entrySet()) {
      if (!keep.containsKey(e.getKey())) {
        root.removeChild(e.getValue().entry);
      }
    }
    items.clear();
    items.putAll(keep);
    if (added || !display.equals(shown)) {
      order(display);
    }
    shown = new ArrayList<>(display);
    Dom.show(root, true);
  }

  /**
   * Redraws the items of {@code keys} only (their names and unread counts), for a burst of room
   * states that changed nothing else; a key without an item is skipped.
   */
  public void redraw(Iterable<RoomKey> keys, RoomKey current, Labels labels) {
    for (RoomKey key : keys) {
      Item item = items.get(keyText(key));
      if (item != null) {
        update(item, key.equals(current), labels);
      }
    }
  }

  /** Puts the items in display order, moving only those out of place; keeps the focus. */
  private void order(List<RoomKey> display) {
    RoomKey focused = focusedKey();
    List<HTMLElement> entries = new ArrayList<>(display.size());
    for (RoomKey key : display) {
      entries.add(items.get(keyText(key)).entry);
    }
    KeyedChildren.order(root, entries);
    if (focused != null) {
      Item f = items.get(keyText(focused));
      if (f != null && DomGlobal.document.activeElement != f.link) {
        f.link.focus();
      }
    }
  }

  private Item create(RoomKey key, String text) {
    Item item = new Item(key);
    item.link.href = links.apply(key);
    // The app's own frame may not navigate the shell: a plain click is handled here, and a
    // click the browser opens elsewhere (modifiers, the context menu) goes to the top level.
    item.link.target = "_top";
    item.link.setAttribute("data-room-key", text);
    item.link.setAttribute("draggable", "true");
    item.name.setAttribute("dir", "auto");
    item.link.appendChild(item.name);
    item.entry.appendChild(item.link);
    return item;
  }

  private static void update(Item item, boolean current, Labels labels) {
    if (current != item.current || item.shownName == null) {
      item.current = current;
      if (current) {
        item.link.setAttribute("aria-current", "true");
      } else {
        item.link.removeAttribute("aria-current");
      }
    }
    String name = labels.name(item.key);
    if (item.shownName == null || !item.shownName.equals(name)) {
      item.shownName = name;
      Dom.userText(item.name, name);
    }
    int unread = labels.unread(item.key);
    if (unread != item.shownUnread) {
      item.shownUnread = unread;
      if (unread > 0) {
        if (item.badge == null) {
          item.badge = Dom.hook("span", "room-unread", "room-unread");
          item.link.appendChild(item.badge);
        }
        item.badge.textContent = String.valueOf(unread);
      } else if (item.badge != null) {
        item.link.removeChild(item.badge);
        item.badge = null;
      }
    }
  }

  /** Marks each item with when this tab first listed its room (epoch ms, for measurements). */
  public void stampListedAt(Map<RoomKey, Double> firstListed) {
    for (RoomKey key : shown) {
      Item item = items.get(keyText(key));
      if (item != null && !item.stamped) {
        Double at = firstListed.get(key);
        if (at != null) {
          item.stamped = true;
          item.link.setAttribute("data-listed-at", String.valueOf(at.longValue()));
        }
      }
    }
  }

  /**
   * Base58, as the storage key spells it: cached on the key, so a redraw of 500 rooms encodes
   * nothing.
   */
  public static String keyText(RoomKey key) {
    return RoomStorageKeys.base58Of(key);
  }

  /** The room item an event happened in, or null. */
  private Item itemOf(Event e) {
    Element target = Js.uncheckedCast(e.target);
    Element link = target == null ? null : target.closest("[data-testid=room-item]");
    return link == null ? null : items.get(link.getAttribute("data-room-key"));
  }

  private void onClick(Event e) {
    Item item = itemOf(e);
    if (item == null) {
      return;
    }
    MouseEvent m = Js.uncheckedCast(e);
    if (m.button != 0 || m.ctrlKey || m.metaKey || m.shiftKey || m.altKey) {
      return; // the browser opens the link in a new tab or window
    }
    e.preventDefault();
    listener.onSelect(item.key);
  }

  private void onKeyDown(Event e) {
    Item item = itemOf(e);
    if (item == null) {
      return;
    }
    KeyboardEvent k = Js.uncheckedCast(e);
    if (" ".equals(k.key) && !k.altKey) { // Enter is the link's own click (Ctrl+Enter: new tab)
      k.preventDefault();
      listener.onSelect(item.key);
    } else if (k.altKey && ("ArrowUp".equals(k.key) || "ArrowDown".equals(k.key))) {
      k.preventDefault();
      listener.onReorder(RoomListOrder.moveBy(shown, item.key, "ArrowUp".equals(k.key) ? -1 : 1));
    }
  }

  private void onDragStart(Event e) {
    Item item = itemOf(e);
    if (item == null) {
      return;
    }
    dragging = item.key;
    DragEvent d = Js.uncheckedCast(e);
    if (d.dataTransfer != null) {
      d.dataTransfer.setData("text/plain", keyText(item.key));
      d.dataTransfer.effectAllowed = "move";
    }
  }

  private void onDrop(Event e) {
    e.preventDefault();
    Item item = itemOf(e);
    RoomKey moved = dragging;
    dragging = null;
    if (item != null && moved != null && !moved.equals(item.key)) {
      listener.onReorder(RoomListOrder.dropOn(shown, moved, item.key));
    }
  }

  private RoomKey focusedKey() {
    Element active = DomGlobal.document.activeElement;
    if (active == null || !root.contains(active)) {
      return null;
    }
    Item item = items.get(active.getAttribute("data-room-key"));
    return item == null ? null : item.key;
  }
}
