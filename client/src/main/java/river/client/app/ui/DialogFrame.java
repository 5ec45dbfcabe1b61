package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;
import elemental2.dom.NodeList;
import java.util.ArrayList;
import java.util.List;
import jsinterop.base.Js;

/**
 * What every dialog does the same way: a backdrop holding one {@code role=dialog} box; opening it
 * moves focus to its first field; Tab stays among its controls; Escape closes it (wherever focus
 * is, as long as it is open); closing it hands focus back to {@code home} (the composer), so a
 * keyboard user never lands on the page body. The dialogs own their fields; this owns only showing,
 * hiding and focus.
 */
public final class DialogFrame {
  private final HTMLElement backdrop = Dom.el("div", "dialog-backdrop");
  private final HTMLElement box;
  private final Runnable home;
  private Runnable onClose;

  /**
   * {@code box}: the dialog itself (its accessible name from {@code label}); {@code home}: where
   * focus goes when the dialog closes.
   */
  public DialogFrame(HTMLElement box, String label, Runnable home) {
    this.home = home;
    this.box = box;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", label);
    backdrop.appendChild(box);
    Dom.show(backdrop, false);
    DomGlobal.document.addEventListener(
        "keydown",
        e -> {
          KeyboardEvent key = (KeyboardEvent) e;
          if (!isOpen()) {
            return;
          }
          if ("Escape".equals(key.key)) {
            e.preventDefault();
            close();
          } else if ("Tab".equals(key.key) && keepFocusInside(key.shiftKey)) {
            e.preventDefault();
          }
        });
  }

  /**
   * Tab and Shift+Tab cycle through the dialog's own controls (the page behind it is inert to the
   * eye, so it should be to the keyboard too). True when focus was moved here.
   */
  private boolean keepFocusInside(boolean backwards) {
    NodeList<Element> all =
        box.querySelectorAll("button, input, textarea, select, a[href], [tabindex]");
    List<HTMLElement> usable = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      HTMLElement c = Js.uncheckedCast(all.getAt(i));
      if (c.offsetParent != null && !Js.isTruthy(Js.asPropertyMap(c).get("disabled"))) {
        usable.add(c);
      }
    }
    if (usable.isEmpty()) {
      return false;
    }
    Element active = DomGlobal.document.activeElement;
    HTMLElement first = usable.get(0);
    HTMLElement last = usable.get(usable.size() - 1);
    HTMLElement to = null;
    if (active == null || !box.contains(active)) {
      to = backwards ? last : first;
    } else if (backwards && active == first) {
      to = last;
    } else if (!backwards && active == last) {
      to = first;
    }
    if (to == null) {
      return false;
    }
    to.focus();
    return true;
  }

  public HTMLElement element() {
    return backdrop;
  }

  /** Called after every close (Escape, Cancel, done): the dialog resets what it needs. */
  public void onClose(Runnable onClose) {
    this.onClose = onClose;
  }

  public boolean isOpen() {
    return !backdrop.hasAttribute("hidden");
  }

  /** Shows the dialog and focuses {@code first} (its first field, or its first button). */
  public void open(HTMLElement first) {
    Dom.show(backdrop, true);
    if (first != null) {
      first.focus();
    }
  }

  /** Hides the dialog (if open) and gives focus back to the composer. */
  public void close() {
    if (!isOpen()) {
      return;
    }
    Dom.show(backdrop, false);
    if (onClose != null) {
      onClose.run();
    }
    home.run();
  }
}
