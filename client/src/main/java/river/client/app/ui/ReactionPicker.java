package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.KeyboardEvent;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jsinterop.base.Js;
import river.chat.EmojiSet;

/**
 * The reaction picker ({@code reaction-picker}), opened by a message's {@code message-react}: a
 * search field ({@code reaction-search}, by name: "thumbs up") over the Unicode emoji set, and one
 * {@code reaction-option} button per match ({@code data-emoji}, the name as its label). Choosing
 * one reacts and closes it; Escape or {@code reaction-close} closes it and gives focus back to the
 * button that opened it. One picker serves the whole list: it sits outside the list, so a redraw of
 * the messages does not close it.
 */
final class ReactionPicker {
  private final HTMLElement root = Dom.hook("div", "reaction-picker", "reaction-picker");
  private final HTMLInputElement search =
      Js.uncheckedCast(Dom.hook("input", "reaction-search", "reaction-search"));
  private final HTMLElement options = Dom.el("div", "reaction-options");
  private final HTMLElement status = Dom.el("p", "reaction-status");
  private final BiConsumer<String, String> onChoose;
  private final Consumer<String> onClosed;
  private String messageId;
  private EmojiSet set;

  /** {@code onChoose}: (message id, emoji); {@code onClosed}: the message id, to refocus. */
  ReactionPicker(BiConsumer<String, String> onChoose, Consumer<String> onClosed) {
    this.onChoose = onChoose;
    this.onClosed = onClosed;
    root.setAttribute("role", "dialog");
    root.setAttribute("aria-label", "Add a reaction");
    search.type = "search";
    search.placeholder = "Search emoji";
    search.setAttribute("aria-label", "Search emoji by name");
    search.setAttribute("autocomplete", "off");
    HTMLButtonElement close = Dom.button("link-button", "reaction-close", "×");
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", e -> close());
    HTMLElement top = Dom.el("div", "reaction-top");
    top.appendChild(search);
    top.appendChild(close);
    root.appendChild(top);
    root.appendChild(status);
    options.setAttribute("role", "group");
    options.setAttribute("aria-label", "Emoji");
    root.appendChild(options);
    search.addEventListener("input", e -> draw());
    root.addEventListener(
        "keydown",
        e -> {
          KeyboardEvent k = Js.uncheckedCast(e);
          if ("Escape".equals(k.key)) {
            k.preventDefault();
            close();
          } else if ("Enter".equals(k.key) && k.target == search) {
            k.preventDefault();
            HTMLElement first = Js.uncheckedCast(options.firstElementChild);
            if (first != null) {
              choose(first.getAttribute("data-emoji"));
            }
          }
        });
    Dom.show(root, false);
  }

  HTMLElement element() {
    return root;
  }

  boolean isOpenFor(String id) {
    return messageId != null && messageId.equals(id);
  }

  void open(String id) {
    messageId = id;
    search.value = "";
    Dom.show(root, true);
    search.focus();
    if (set == null) {
      status.textContent = "Loading emoji…";
      Dom.show(status, true);
      EmojiData.get(
          loaded -> {
            set = loaded;
            draw();
          });
    } else {
      draw();
    }
  }

  void close() {
    String id = messageId;
    messageId = null;
    Dom.show(root, false);
    if (id != null) {
      onClosed.accept(id);
    }
  }

  private void choose(String emoji) {
    String id = messageId;
    close();
    if (id != null && emoji != null) {
      onChoose.accept(id, emoji);
    }
  }

  private void draw() {
    Dom.clear(options);
    if (set == null) {
      status.textContent = "The emoji could not be loaded. Reload the page to try again.";
      Dom.show(status, true);
      return;
    }
    int n = 0;
    for (EmojiSet.Emoji e : set.search(search.value)) {
      HTMLButtonElement b = Dom.button("reaction-option", "reaction-option", e.emoji);
      b.setAttribute("data-emoji", e.emoji);
      b.setAttribute("aria-label", e.name);
      b.setAttribute("title", e.name);
      b.addEventListener("click", ev -> choose(e.emoji));
      options.appendChild(b);
      n++;
    }
    status.textContent = n == 0 ? "No emoji match that name." : "";
    Dom.show(status, n == 0);
  }
}
