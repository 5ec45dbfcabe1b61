package river.client.app.ui;

import elemental2.dom.HTMLElement;
import elemental2.dom.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a parent's children exactly a given list of elements, in order, touching only what differs:
 * children not in the list are removed, and elements missing or out of place are inserted. Why: an
 * element that stays keeps what the user has in it (a text selection, the focus, an opened actions
 * bar), which a rebuild would drop whenever anything else changed; and a new message costs one
 * insertion instead of drawing the whole conversation again.
 */
final class KeyedChildren {
  private KeyedChildren() {}

  static void place(HTMLElement parent, List<HTMLElement> wanted) {
    Set<Node> keep = new HashSet<>(wanted);
    Node child = parent.firstChild;
    while (child != null) {
      Node next = child.nextSibling;
      if (!keep.contains(child)) {
        parent.removeChild(child);
      }
      child = next;
    }
    order(parent, wanted);
  }

  /**
   * Puts {@code wanted}, already children or not, first in the parent in that order, moving or
   * inserting only the elements out of place (the room list, whose items the parent holds alone).
   */
  static void order(HTMLElement parent, List<HTMLElement> wanted) {
    Node at = parent.firstChild;
    for (HTMLElement e : wanted) {
      if (at == e) {
        at = at.nextSibling;
      } else {
        parent.insertBefore(e, at); // moves it when it is further on
      }
    }
  }
}
