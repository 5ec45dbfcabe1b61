package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLTextAreaElement;
import jsinterop.base.Js;

/**
 * The identity export, a section of the room details: {@code identity-export} asks for the block,
 * which shows as read-only text ({@code identity-export-code}) with {@code identity-copy}. The
 * block holds the private key, so it is only made on request and the section says what it is.
 */
public final class IdentityExportSection {
  public interface Listener {
    /** The user asked for the block; answer with {@link #show} or {@link #refuse}. */
    void onExport();

    /** Copy the selected text; true when the browser copied it. */
    boolean onCopy(HTMLTextAreaElement selected);
  }

  private final HTMLElement root = Dom.el("section", "identity-export");
  private final HTMLTextAreaElement code =
      Js.uncheckedCast(Dom.hook("textarea", "identity-code", "identity-export-code"));
  private final HTMLButtonElement copy = Dom.button("secondary", "identity-copy", "Copy");
  private final HTMLElement error = Dialogs.error("identity-export-error");
  private final HTMLElement shown = Dom.el("div", null);

  public IdentityExportSection(Listener listener) {
    root.appendChild(Dom.text("h3", null, "Your identity in this room"));
    root.appendChild(
        Dom.text(
            "p",
            "dialog-hint",
            "Export it to be the same member in another browser: import it there. Anyone with"
                + " this text can post as you in this room; keep it private."));
    HTMLButtonElement export = Dom.button("secondary", "identity-export", "Export my identity");
    export.addEventListener(
        "click",
        e -> {
          Dialogs.say(error, null);
          listener.onExport();
        });
    root.appendChild(export);
    code.readOnly = true;
    code.rows = 8;
    code.setAttribute("aria-label", "Your identity block");
    shown.appendChild(code);
    copy.addEventListener(
        "click",
        e -> {
          code.select();
          copy.textContent = listener.onCopy(code) ? "Copied" : "Select the text and copy it";
        });
    shown.appendChild(copy);
    Dom.show(shown, false);
    root.appendChild(shown);
    root.appendChild(error);
  }

  public HTMLElement element() {
    return root;
  }

  public void show(String armored) {
    code.value = armored;
    copy.textContent = "Copy";
    Dom.show(shown, true);
  }

  public void refuse(String reason) {
    hide();
    Dialogs.say(error, reason);
  }

  /** Forgets the shown block (the dialog closed, or shows another room). */
  public void hide() {
    code.value = "";
    Dom.show(shown, false);
    Dialogs.say(error, null);
  }
}
