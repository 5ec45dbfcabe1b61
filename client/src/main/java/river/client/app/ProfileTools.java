package river.client.app;

import elemental2.core.ArrayBuffer;
import elemental2.dom.FileReader;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLTextAreaElement;
import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;
import jsinterop.base.Js;
import river.client.JsBytes;
import river.client.app.ui.BackupDialog;
import river.client.app.ui.Dom;
import river.client.app.ui.IdentityExportSection;
import river.client.app.ui.IdentityImportDialog;
import river.client.app.ui.RestoreDialog;
import river.identity.Base64Text;
import river.rooms.RoomKey;

/**
 * Wires the identity and backup views to {@link IdentityTransfer}: the import, backup and restore
 * buttons beside create/join ({@link #buttons}), their dialogs ({@link #dialogs}), and the export
 * section of the room details ({@link #exportSection}). The screen mounts these three elements and
 * nothing else of this feature.
 */
final class ProfileTools {
  interface Shower {
    void show(RoomKey room);
  }

  private final IdentityTransfer transfer;
  private final ScreenHost host;
  private final IdentityImportDialog importDialog;
  private final BackupDialog backupDialog;
  private final RestoreDialog restoreDialog;
  private final IdentityExportSection export;

  ProfileTools(
      SessionDriver driver,
      NodeCalls calls,
      RoomHydrator hydrator,
      ScreenHost host,
      Shower shower) {
    this.host = host;
    this.transfer = new IdentityTransfer(driver, calls, hydrator, host);
    this.importDialog =
        new IdentityImportDialog(
            (text, confirmed) ->
                transfer.importText(
                    text,
                    confirmed,
                    new IdentityTransfer.ImportAnswer() {
                      @Override
                      public void refused(String reason) {
                        importDialog.refuse(reason);
                      }

                      @Override
                      public void confirmReplace() {
                        importDialog.askToReplace();
                      }

                      @Override
                      public void imported(RoomKey room, boolean changed) {
                        importDialog.close();
                        shower.show(room);
                      }
                    }));
    this.backupDialog = new BackupDialog(this::createBackup);
    this.restoreDialog = new RestoreDialog(this::restore);
    this.export =
        new IdentityExportSection(
            new IdentityExportSection.Listener() {
              @Override
              public void onExport() {
                RoomKey room = host.shown();
                if (room == null) {
                  export.refuse("Open a room first.");
                  return;
                }
                transfer.export(room, export::show, export::refuse);
              }

              @Override
              public boolean onCopy(HTMLTextAreaElement selected) {
                return copySelection();
              }
            });
  }

  private void createBackup(String passphrase) {
    transfer.backup(
        passphrase,
        (file, rooms) ->
            backupDialog.ready(
                "data:application/octet-stream;base64," + Base64Text.encode(file),
                "river-profile.backup",
                rooms),
        backupDialog::refuse);
  }

  private void restore(elemental2.dom.File file, String passphrase) {
    FileReader reader = new FileReader();
    reader.onload =
        e -> {
          ArrayBuffer buffer = reader.result.asArrayBuffer();
          transfer.restore(
              JsBytes.fromBuffer(buffer),
              passphrase,
              restoreDialog::restored,
              restoreDialog::refuse);
          return null;
        };
    reader.onerror =
        e -> {
          restoreDialog.refuse("The file could not be read.");
          return null;
        };
    reader.readAsArrayBuffer(file);
  }

  /**
   * The sandboxed frame has no clipboard API, but a copy command run by the user's own click on a
   * selection works; when the browser refuses, the block stays selectable.
   */
  private static boolean copySelection() {
    try {
      CommandDocument doc = Js.uncheckedCast(elemental2.dom.DomGlobal.document);
      return doc.execCommand("copy");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code document.execCommand}, which Elemental2 1.1.0 does not declare. */
  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Object")
  static class CommandDocument {
    public native boolean execCommand(String command);
  }

  /** The import, backup and restore buttons for the rooms screen's top controls. */
  HTMLElement buttons() {
    HTMLElement row = Dom.el("div", "side-actions profile-tools");
    row.appendChild(button("identity-import-open", "Import identity", importDialog::open));
    row.appendChild(button("backup-open", "Back up", backupDialog::open));
    row.appendChild(button("restore-open", "Restore", restoreDialog::open));
    return row;
  }

  private static HTMLButtonElement button(String testId, String text, Runnable open) {
    HTMLButtonElement b = Dom.button("secondary", testId, text);
    b.addEventListener("click", e -> open.run());
    return b;
  }

  /** The three dialogs, to append to the screen. */
  HTMLElement[] dialogs() {
    return new HTMLElement[] {
      importDialog.element(), backupDialog.element(), restoreDialog.element()
    };
  }

  /** The export section for the room details dialog. */
  HTMLElement exportSection() {
    return export.element();
  }

  /** The room details closed or show another room: the exported block is not left on screen. */
  void forgetExport() {
    export.hide();
  }
}
