package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/**
 * The few DOM helpers every view uses. Text goes in through {@code textContent} only: nothing a
 * user typed (room names, nicknames, messages) is ever parsed as HTML.
 */
public final class Dom {
  private Dom() {}

  public static HTMLElement el(String tag, String className) {
    HTMLElement e = Js.uncheckedCast(DomGlobal.document.createElement(tag));
    if (className != null) {
      e.className = className;
    }
    return e;
  }

  public static HTMLElement hook(String tag, String className, String testId) {
    HTMLElement e = el(tag, className);
    e.setAttribute("data-testid", testId);
    return e;
  }

  public static HTMLElement text(String tag, String className, String text) {
    HTMLElement e = el(tag, className);
    e.textContent = text;
    return e;
  }

  public static void clear(HTMLElement e) {
    while (e.firstChild != null) {
      e.removeChild(e.firstChild);
    }
  }

  public static void show(HTMLElement e, boolean visible) {
    if (visible) {
      e.removeAttribute("hidden");
    } else {
      e.setAttribute("hidden", "");
    }
  }
}
