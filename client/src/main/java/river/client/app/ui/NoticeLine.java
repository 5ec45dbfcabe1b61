package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/**
 * A line of news for the user that is not a failure ({@code role=status}, dismissable): why an
 * address shows the room list ({@code address-notice}), or that a link was copied ({@code
 * copy-status}). An optional second part is a link the user can select and copy by hand.
 */
public final class NoticeLine {
  private final HTMLElement root;
  private final HTMLElement text = Dom.el("span", "notice-text");
  private final HTMLElement link = Dom.el("span", "notice-link");

  public NoticeLine(String testId) {
    root = Dom.hook("div", "notice-line", testId);
    HTMLButtonElement close = Js.uncheckedCast(Dom.el("button", "notice-close"));
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Dismiss");
    close.addEventListener("click", e -> Dom.show(root, false));
    root.setAttribute("role", "status");
    root.appendChild(text);
    root.appendChild(link);
    root.appendChild(close);
    Dom.show(root, false);
  }

  public HTMLElement element() {
    return root;
  }

  public void show(String message) {
    show(message, null);
  }

  /** {@code selectable}: text shown apart from the message, ready to select (null: none). */
  public void show(String message, String selectable) {
    text.textContent = message;
    link.textContent = selectable == null ? "" : selectable;
    Dom.show(link, selectable != null);
    Dom.show(root, true);
  }

  public void hide() {
    Dom.show(root, false);
  }

  public boolean visible() {
    return !root.hasAttribute("hidden");
  }
}
