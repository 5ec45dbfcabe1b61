package river.client.app.ui;

import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import river.chat.Mentions;

/**
 * The members offered after {@code @} in the composer ({@code mention-suggestions}, a listbox of
 * {@code mention-suggestion} options with {@code data-member-key}). The composer keeps the focus
 * and moves the active option with the arrow keys ({@code aria-selected}); Enter or Tab, or a
 * click, chooses it. Nicknames are user text: set as text, isolated.
 */
final class MentionSuggestions {
  private final HTMLElement root = Dom.hook("ul", "mention-suggestions", "mention-suggestions");
  private final Consumer<Mentions.Member> onChoose;
  private List<Mentions.Member> shown = new ArrayList<>();
  private int active;

  MentionSuggestions(Consumer<Mentions.Member> onChoose) {
    this.onChoose = onChoose;
    root.setAttribute("role", "listbox");
    root.setAttribute("id", "mention-suggestions");
    root.setAttribute("aria-label", "Members to mention");
    Dom.show(root, false);
  }

  HTMLElement element() {
    return root;
  }

  boolean isOpen() {
    return !shown.isEmpty();
  }

  /** Shows {@code members} (none: hides the list). */
  void show(List<Mentions.Member> members) {
    shown = members;
    active = 0;
    draw();
  }

  void hide() {
    show(new ArrayList<>());
  }

  /** Moves the active option by {@code delta}, wrapping around. */
  void move(int delta) {
    if (!shown.isEmpty()) {
      active = (active + delta + shown.size()) % shown.size();
      draw();
    }
  }

  void chooseActive() {
    if (!shown.isEmpty()) {
      onChoose.accept(shown.get(active));
    }
  }

  /** The id of the active option, for the composer's {@code aria-activedescendant}. */
  String activeId() {
    return shown.isEmpty() ? null : "mention-option-" + active;
  }

  private void draw() {
    Dom.clear(root);
    Dom.show(root, !shown.isEmpty());
    for (int i = 0; i < shown.size(); i++) {
      Mentions.Member m = shown.get(i);
      HTMLElement li = Dom.hook("li", "mention-suggestion", "mention-suggestion");
      li.setAttribute("role", "option");
      li.setAttribute("id", "mention-option-" + i);
      li.setAttribute("data-member-key", m.key);
      li.setAttribute("aria-selected", i == active ? "true" : "false");
      li.appendChild(Dom.isolated("@" + m.nickname));
      // mousedown, not click: the composer must keep the focus (and its caret).
      li.addEventListener(
          "mousedown",
          e -> {
            e.preventDefault();
            onChoose.accept(m);
          });
      root.appendChild(li);
    }
  }
}
