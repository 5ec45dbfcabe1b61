package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;

/**
 * What every dialog does the same way: a backdrop holding one {@code role=dialog} box; opening it
 * moves focus to its first field; Escape closes it (wherever focus is, as long as it is open);
 * closing it hands focus back to {@code home} (the composer), so a keyboard user never lands on the
 * page body. The dialogs own their fields; this owns only showing, hiding and focus.
 */
public final class DialogFrame {
  private final HTMLElement backdrop = Dom.el("div", "dialog-backdrop");
  private final Runnable home;
  private Runnable onClose;

  /**
   * {@code box}: the dialog itself (its accessible name from {@code label}); {@code home}: where
   * focus goes when the dialog closes.
   */
  public DialogFrame(HTMLElement box, String label, Runnable home) {
    this.home = home;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", label);
    backdrop.appendChild(box);
    Dom.show(backdrop, false);
    DomGlobal.document.addEventListener(
        "keydown",
        e -> {
          if (isOpen() && "Escape".equals(((KeyboardEvent) e).key)) {
            e.preventDefault();
            close();
          }
        });
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
