package river.client.app.ui;

import elemental2.dom.HTMLAnchorElement;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLInputElement;
import jsinterop.base.Js;

/**
 * The profile backup ({@code backup-open} opens it): a passphrase ({@code backup-passphrase}),
 * {@code backup-create}, and then the encrypted file as a link to save ({@code backup-download}, an
 * {@code <a download>}). The passphrase is never stored; without it the file cannot be opened.
 */
public final class BackupDialog {
  public interface Listener {
    void onCreate(String passphrase);
  }

  /** Shortest passphrase accepted: the file may leave the user's hands. */
  public static final int MIN_PASSPHRASE = 8;

  private final HTMLFormElement form = Js.uncheckedCast(Dom.el("form", "dialog"));
  private final HTMLElement root;
  private final HTMLInputElement passphrase =
      CreateRoomDialog.input("password", "backup-passphrase");
  private final HTMLButtonElement create =
      Js.uncheckedCast(Dom.hook("button", "primary", "backup-create"));
  private final HTMLElement status = Dom.el("p", "dialog-hint");
  private final HTMLElement error = Dialogs.error("backup-error");
  private final HTMLAnchorElement download =
      Js.uncheckedCast(Dom.hook("a", "backup-download", "backup-download"));

  public BackupDialog(Listener listener) {
    form.appendChild(
        Dom.text(
            "p",
            "dialog-hint",
            "One encrypted file with your identity in every room, your room order and"
                + " notification settings. Restore it in any browser with the passphrase."));
    passphrase.setAttribute("autocomplete", "new-password");
    form.appendChild(CreateRoomDialog.labelled("Passphrase", passphrase));
    form.appendChild(error);
    form.appendChild(status);
    download.textContent = "Save the backup file";
    Dom.show(download, false);
    form.appendChild(download);
    HTMLButtonElement close = Dom.button("secondary", "backup-close", "Close");
    close.addEventListener("click", e -> close());
    create.type = "submit";
    create.textContent = "Create backup";
    form.appendChild(Dialogs.buttons(close, create));
    form.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          if (passphrase.value.length() < MIN_PASSPHRASE) {
            Dialogs.say(
                error, "Choose a passphrase of at least " + MIN_PASSPHRASE + " characters.");
            return;
          }
          Dialogs.say(error, null);
          Dom.show(download, false);
          create.disabled = true;
          status.textContent = "Encrypting your backup…";
          listener.onCreate(passphrase.value);
        });
    root = Dialogs.backdrop(form, "Back up your profile", this::close);
  }

  public HTMLElement element() {
    return root;
  }

  public void open() {
    passphrase.value = "";
    status.textContent = "";
    Dialogs.say(error, null);
    Dom.show(download, false);
    download.removeAttribute("href");
    create.disabled = false;
    Dom.show(root, true);
    passphrase.focus();
  }

  /** The file is ready: {@code dataUrl} is its content, {@code rooms} how many rooms it holds. */
  public void ready(String dataUrl, String fileName, int rooms) {
    download.href = dataUrl;
    download.setAttribute("download", fileName);
    status.textContent =
        rooms == 1 ? "Your backup holds 1 room." : "Your backup holds " + rooms + " rooms.";
    Dom.show(download, true);
    create.disabled = false;
    passphrase.value = "";
  }

  public void refuse(String reason) {
    status.textContent = "";
    Dialogs.say(error, reason);
    create.disabled = false;
  }

  public void close() {
    passphrase.value = "";
    Dom.show(root, false);
  }
}
