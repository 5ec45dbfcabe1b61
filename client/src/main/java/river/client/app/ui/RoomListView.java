package river.client.app.ui;

import elemental2.dom.DragEvent;
import elemental2.dom.Element;
import elemental2.dom.HTMLAnchorElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;
import elemental2.dom.MouseEvent;
import elemental2.dom.NodeList;
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
 * All text is set as text.
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
  private List<RoomKey> shown;

  /** The text of everything the items show, as last drawn. */
  private String drawnAs;

  private boolean unstamped;
  private RoomKey dragging;
  private Function<RoomKey, String> links = key -> "#";

  public RoomListView(Listener listener) {
    this.listener = listener;
    root.setAttribute("aria-label", "Rooms");
  }

  public HTMLElement element() {
    return root;
  }

  /** Where each room's link points: the shell's URL of the room's address. */
  public void setLinks(Function<RoomKey, String> links) {
    this.links = links;
    drawnAs = null;
  }

  public void render(List<RoomKey> display, RoomKey current, Labels labels) {
    // What the items would show: when it is what they show, the DOM (500 rooms) is left alone.
    StringBuilder drawn = new StringBuilder();
    drawn.append(current == null ? "" : keyText(current));
    for (RoomKey key : display) {
      drawn
          .append('\n')
          .append(keyText(key))
          .append('\t')
          .append(labels.name(key))
          .append('\t')
          .append(labels.unread(key));
    }
    String next = drawn.toString();
    if (next.equals(drawnAs)) {
      return;
    }
    drawnAs = next;
    unstamped = true;
    shown = display;
    RoomKey focused = focusedKey();
    Dom.clear(root);
    for (RoomKey key : display) {
      HTMLElement item = item(key, key.equals(current), labels);
      HTMLElement li = Dom.el("li", "room-entry");
      li.appendChild(item);
      root.appendChild(li);
      if (key.equals(focused)) {
        item.focus();
      }
    }
    Dom.show(root, true);
  }

  /** Marks each item with when this tab first listed its room (epoch ms, for measurements). */
  public void stampListedAt(Map<RoomKey, Double> firstListed) {
    if (!unstamped) {
      return; // the items were not redrawn: they carry their stamps
    }
    unstamped = false;
    NodeList<Element> items = root.querySelectorAll("[data-testid=room-item]");
    for (int i = 0; i < items.length; i++) {
      Element item = items.getAt(i);
      RoomKey key = shown.get(i);
      Double at = firstListed.get(key);
      if (at != null) {
        item.setAttribute("data-listed-at", String.valueOf(at.longValue()));
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

  private HTMLElement item(RoomKey key, boolean current, Labels labels) {
    HTMLAnchorElement li = Js.uncheckedCast(Dom.hook("a", "room-item", "room-item"));
    li.href = links.apply(key);
    // The app's own frame may not navigate the shell: a plain click is handled here, and a
    // click the browser opens elsewhere (modifiers, the context menu) goes to the top level.
    li.target = "_top";
    li.setAttribute("data-room-key", keyText(key));
    li.setAttribute("draggable", "true");
    if (current) {
      li.setAttribute("aria-current", "true");
    }
    HTMLElement name = Dom.hook("span", "room-name", "room-name");
    Dom.userText(name, labels.name(key));
    li.appendChild(name);
    int unread = labels.unread(key);
    if (unread > 0) {
      HTMLElement badge = Dom.hook("span", "room-unread", "room-unread");
      badge.textContent = String.valueOf(unread);
      li.appendChild(badge);
    }
    li.addEventListener(
        "click",
        e -> {
          MouseEvent m = (MouseEvent) e;
          if (m.button != 0 || m.ctrlKey || m.metaKey || m.shiftKey || m.altKey) {
            return; // the browser opens the link in a new tab or window
          }
          e.preventDefault();
          listener.onSelect(key);
        });
    li.addEventListener(
        "keydown",
        e -> {
          KeyboardEvent k = (KeyboardEvent) e;
          if (" ".equals(k.key)
              && !k.altKey) { // Enter is the link's own click (Ctrl+Enter: new tab)
            k.preventDefault();
            listener.onSelect(key);
          } else if (k.altKey && ("ArrowUp".equals(k.key) || "ArrowDown".equals(k.key))) {
            k.preventDefault();
            listener.onReorder(RoomListOrder.moveBy(shown, key, "ArrowUp".equals(k.key) ? -1 : 1));
          }
        });
    li.addEventListener(
        "dragstart",
        e -> {
          dragging = key;
          DragEvent d = (DragEvent) e;
          if (d.dataTransfer != null) {
            d.dataTransfer.setData("text/plain", keyText(key));
            d.dataTransfer.effectAllowed = "move";
          }
        });
    li.addEventListener("dragover", e -> e.preventDefault());
    li.addEventListener(
        "drop",
        e -> {
          e.preventDefault();
          RoomKey moved = dragging;
          dragging = null;
          if (moved != null && !moved.equals(key)) {
            listener.onReorder(RoomListOrder.dropOn(shown, moved, key));
          }
        });
    li.addEventListener("dragend", e -> dragging = null);
    return li;
  }

  private RoomKey focusedKey() {
    if (shown == null) {
      return null;
    }
    elemental2.dom.Element active = elemental2.dom.DomGlobal.document.activeElement;
    if (active == null || !root.contains(active)) {
      return null;
    }
    String k = active.getAttribute("data-room-key");
    for (RoomKey key : shown) {
      if (keyText(key).equals(k)) {
        return key;
      }
    }
    return null;
  }
}
