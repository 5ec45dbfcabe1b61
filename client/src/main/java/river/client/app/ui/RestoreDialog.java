package river.client.app.ui;

import elemental2.dom.File;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLInputElement;
import jsinterop.base.Js;

/**
 * The profile restore ({@code restore-open} opens it): a backup file ({@code restore-file}, an
 * {@code <input type=file>}), its passphrase ({@code restore-passphrase}) and {@code
 * restore-submit}. A refusal (wrong passphrase, not a backup) shows in {@code restore-error} and
 * changes nothing; a restore adds rooms and never removes any.
 */
public final class RestoreDialog {
  public interface Listener {
    void onRestore(File file, String passphrase);
  }

  private final HTMLFormElement form = Js.uncheckedCast(Dom.el("form", "dialog"));
  private final HTMLElement root;
  private final HTMLInputElement file = CreateRoomDialog.input("file", "restore-file");
  private final HTMLInputElement passphrase =
      CreateRoomDialog.input("password", "restore-passphrase");
  private final HTMLButtonElement submit =
      Js.uncheckedCast(Dom.hook("button", "primary", "restore-submit"));
  private final HTMLElement error = Dialogs.error("restore-error");
  private final HTMLElement status = Dom.hook("p", "dialog-hint", "restore-status");

  public RestoreDialog(Listener listener) {
    form.appendChild(
        Dom.text(
            "p",
            "dialog-hint",
            "Adds the rooms of a backup to this profile. Rooms you have stay as they are."));
    form.appendChild(CreateRoomDialog.labelled("Backup file", file));
    form.appendChild(CreateRoomDialog.labelled("Passphrase", passphrase));
    form.appendChild(error);
    form.appendChild(status);
    HTMLButtonElement close = Dom.button("secondary", "restore-close", "Close");
    close.addEventListener("click", e -> close());
    submit.type = "submit";
    submit.textContent = "Restore";
    form.appendChild(Dialogs.buttons(close, submit));
    form.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          if (file.files == null || file.files.length == 0) {
            Dialogs.say(error, "Choose the backup file.");
            return;
          }
          Dialogs.say(error, null);
          status.textContent = "Restoring…";
          submit.disabled = true;
          listener.onRestore(file.files.item(0), passphrase.value);
        });
    root = Dialogs.backdrop(form, "Restore a backup", this::close);
  }

  public HTMLElement element() {
    return root;
  }

  public void open() {
    file.value = "";
    passphrase.value = "";
    status.textContent = "";
    Dialogs.say(error, null);
    submit.disabled = false;
    Dom.show(root, true);
    file.focus();
  }

  public void refuse(String reason) {
    status.textContent = "";
    Dialogs.say(error, reason);
    submit.disabled = false;
  }

  public void restored(String summary) {
    status.textContent = summary;
    passphrase.value = "";
    submit.disabled = false;
  }

  public void close() {
    passphrase.value = "";
    Dom.show(root, false);
  }
}
