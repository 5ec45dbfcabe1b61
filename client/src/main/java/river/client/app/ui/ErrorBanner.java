package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/** The {@code error-banner}: the latest failure the user should know about, dismissable. */
public final class ErrorBanner {
  private final HTMLElement root = Dom.hook("div", "error-banner", "error-banner");
  private final HTMLElement text = Dom.el("span", "error-text");

  public ErrorBanner() {
    HTMLButtonElement close = Js.uncheckedCast(Dom.el("button", "error-close"));
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Dismiss");
    close.addEventListener("click", e -> Dom.show(root, false));
    root.setAttribute("role", "alert");
    root.appendChild(text);
    root.appendChild(close);
    Dom.show(root, false);
  }

  public HTMLElement element() {
    return root;
  }

  /** Hides the banner if it still shows {@code message} (a newer message stays). */
  public void hideIf(String message) {
    if (message.equals(text.textContent)) {
      Dom.show(root, false);
    }
  }

  public void show(String message) {
    text.textContent = message;
    Dom.show(root, true);
  }
}
