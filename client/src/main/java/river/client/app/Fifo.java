package river.client.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-in first-out queue over a list read from a moving head: what the node link and the key
 * follower need from a queue, without J2CL's ArrayDeque (about 0.5 KB of the bundle, gzip). Taken
 * items are cleared, and the list drops its taken head once it is half the list.
 */
final class Fifo<T> {
  private final List<T> items = new ArrayList<>();
  private int head;

  void add(T item) {
    items.add(item);
  }

  boolean isEmpty() {
    return head == items.size();
  }

  /** The oldest item, removed; null when empty. */
  T poll() {
    if (isEmpty()) {
      return null;
    }
    T item = items.get(head);
    items.set(head++, null);
    if (head == items.size()) {
      items.clear();
      head = 0;
    } else if (head > 64 && head * 2 > items.size()) {
      items.subList(0, head).clear();
      head = 0;
    }
    return item;
  }

  /** Every item, oldest first, removed. */
  List<T> drain() {
    List<T> out = new ArrayList<>(items.subList(head, items.size()));
    items.clear();
    head = 0;
    return out;
  }
}
