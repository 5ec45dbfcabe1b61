package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/**
 * The few DOM helpers every view uses. Text goes in through {@code textContent} only: nothing a
 * user typed (room names, nicknames, messages) is ever parsed as HTML. And what users see is what
 * was sent: every piece of user text sits in an element of its own with bidi isolation ({@code
 * dir="auto"}, or a {@code <bdi>} inside a sentence), so a right-to-left override in a name or a
 * message reorders only that text, never the words around it (a name ending in an override cannot
 * turn "Ban NAME and everyone they invited?" around).
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

  /** A plain button ({@code type="button"}: it never submits a form) with a hook and its label. */
  public static HTMLButtonElement button(String className, String testId, String text) {
    HTMLButtonElement b = Js.uncheckedCast(hook("button", className, testId));
    b.type = "button";
    b.textContent = text;
    return b;
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

  /**
   * Sets user text on {@code e}, isolated from its surroundings (its direction from its own
   * content).
   */
  public static HTMLElement userText(HTMLElement e, String text) {
    e.setAttribute("dir", "auto");
    e.textContent = text;
    return e;
  }

  /** User text to embed in a sentence: a {@code <bdi>} holding it. */
  public static HTMLElement isolated(String text) {
    HTMLElement bdi = el("bdi", null);
    bdi.textContent = text;
    return bdi;
  }

  /** A sentence with one piece of user text in it, isolated: {@code before + text + after}. */
  public static void sentence(HTMLElement e, String before, String userText, String after) {
    clear(e);
    e.appendChild(DomGlobal.document.createTextNode(before));
    e.appendChild(isolated(userText));
    e.appendChild(DomGlobal.document.createTextNode(after));
  }

  /**
   * Names as a person lists them, "a, b, c" (a loop: String.join would bring J2CL's StringJoiner
   * into the bundle).
   */
  public static String listed(Iterable<String> names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append(b.length() == 0 ? "" : ", ").append(n);
    }
    return b.toString();
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

  /** Whether the user can see this page now (its tab is in front): what counts as having read. */
  public static boolean pageVisible() {
    return "visible".equals(Js.asPropertyMap(DomGlobal.document).get("visibilityState"));
  }
}
