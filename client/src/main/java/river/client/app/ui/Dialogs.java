package river.client.app.ui;

import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;

/** What every dialog of the identity and backup views shares: Escape closes, buttons, a title. */
final class Dialogs {
  private Dialogs() {}

  /** A backdrop holding {@code box}; Escape inside it runs {@code close}. Starts hidden. */
  static HTMLElement backdrop(HTMLElement box, String title, Runnable close) {
    HTMLElement root = Dom.el("div", "dialog-backdrop");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", title);
    box.insertBefore(Dom.text("h2", null, title), box.firstChild);
    root.appendChild(box);
    root.addEventListener(
        "keydown",
        e -> {
          if ("Escape".equals(((KeyboardEvent) e).key)) {
            e.preventDefault();
            close.run();
          }
        });
    Dom.show(root, false);
    return root;
  }

  static HTMLElement buttons(HTMLElement... children) {
    HTMLElement row = Dom.el("div", "dialog-buttons");
    for (HTMLElement c : children) {
      row.appendChild(c);
    }
    return row;
  }

  /** An error line ({@code testId}), hidden until {@link #say}. */
  static HTMLElement error(String testId) {
    HTMLElement p = Dom.hook("p", "dialog-error", testId);
    p.setAttribute("role", "alert");
    Dom.show(p, false);
    return p;
  }

  static void say(HTMLElement line, String text) {
    line.textContent = text == null ? "" : text;
    Dom.show(line, text != null);
  }
}
