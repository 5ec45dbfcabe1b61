package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLTextAreaElement;
import jsinterop.base.Js;

/**
 * The identity import ({@code identity-import-open} opens it): paste a block into {@code
 * identity-import-code} and {@code identity-import-submit}. A refusal shows in {@code
 * identity-import-error} and changes nothing; when the block would replace the identity the profile
 * holds in that room, {@code identity-import-confirm} asks first.
 */
public final class IdentityImportDialog {
  public interface Listener {
    void onImport(String text, boolean confirmed);
  }

  private final HTMLFormElement form = Js.uncheckedCast(Dom.el("form", "dialog"));
  private final HTMLElement root;
  private final HTMLTextAreaElement code =
      Js.uncheckedCast(Dom.hook("textarea", "identity-code", "identity-import-code"));
  private final HTMLElement error = Dialogs.error("identity-import-error");
  private final HTMLElement confirmLine = Dom.el("div", "dialog-confirm");
  private final HTMLButtonElement submit =
      Js.uncheckedCast(Dom.hook("button", "primary", "identity-import-submit"));

  public IdentityImportDialog(Listener listener) {
    form.appendChild(
        Dom.text(
            "p",
            "dialog-hint",
            "Paste an identity block exported from River to become that member here."));
    code.rows = 8;
    form.appendChild(CreateRoomDialog.labelled("Identity block", code));
    form.appendChild(error);
    confirmLine.appendChild(
        Dom.text(
            "p",
            null,
            "You already have an identity in this room. Importing replaces it here: you will post"
                + " as the imported member, and your current identity in this room is no longer"
                + " used by this browser."));
    HTMLButtonElement confirm =
        Dom.button("danger", "identity-import-confirm", "Replace my identity");
    confirm.addEventListener(
        "click",
        e -> {
          confirm.disabled = true;
          listener.onImport(code.value, true);
          confirm.disabled = false;
        });
    confirmLine.appendChild(confirm);
    Dom.show(confirmLine, false);
    form.appendChild(confirmLine);
    HTMLButtonElement cancel = Dom.button("secondary", "identity-import-cancel", "Cancel");
    cancel.addEventListener("click", e -> close());
    submit.type = "submit";
    submit.textContent = "Import";
    form.appendChild(Dialogs.buttons(cancel, submit));
    form.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          Dialogs.say(error, null);
          Dom.show(confirmLine, false);
          submit.disabled = true;
          listener.onImport(code.value, false);
        });
    // Editing the text withdraws a pending confirmation: it was asked about the old text.
    code.addEventListener("input", e -> Dom.show(confirmLine, false));
    root = Dialogs.backdrop(form, "Import an identity", this::close);
  }

  public HTMLElement element() {
    return root;
  }

  public void open() {
    code.value = "";
    Dialogs.say(error, null);
    Dom.show(confirmLine, false);
    submit.disabled = false;
    Dom.show(root, true);
    code.focus();
  }

  public void refuse(String reason) {
    Dom.show(confirmLine, false);
    Dialogs.say(error, reason);
    submit.disabled = false;
  }

  public void askToReplace() {
    Dom.show(confirmLine, true);
    submit.disabled = false;
  }

  public void close() {
    Dom.show(root, false);
  }
}
