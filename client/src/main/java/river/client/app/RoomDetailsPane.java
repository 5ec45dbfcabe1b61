package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLTextAreaElement;
import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;
import jsinterop.base.Js;
import river.actions.RoomActions;
import river.actions.SettingsEdit;
import river.chat.RoomSecrets;
import river.client.app.ui.RoomDetailsDialog;
import river.client.app.ui.RoomListView;
import river.client.app.ui.RoomSecretSection;
import river.engine.TabSession;
import river.room.RoomConfig;
import river.room.RoomState;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * Host glue of the room details dialog: fills it from the shown room's contract state (names and
 * descriptions decrypted through {@link Texts} in private rooms), keeps it current as room states
 * arrive, hands the owner's edit to the room actions and copies the room key. No rule lives here:
 * what an edit may be is {@code river.room}'s and the action's.
 */
final class RoomDetailsPane implements RoomDetailsDialog.Listener {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final ActionDriver actions;
  private final Texts texts;
  private final ScreenHost host;
  private final HTMLElement focusAfter;
  private final RoomDetailsDialog dialog = new RoomDetailsDialog(this);
  private final RoomSecretSection secret = new RoomSecretSection(this::onRotateSecret);

  /** The room the open dialog is about; null while it is closed. */
  private RoomKey room;

  /**
   * {@code focusAfter}: where the focus goes when the dialog closes (the composer's field, or an
   * element holding it).
   */
  RoomDetailsPane(
      TabSession session,
      RoomHydrator hydrator,
      ActionDriver actions,
      Texts texts,
      ScreenHost host,
      HTMLElement focusAfter) {
    this.session = session;
    this.hydrator = hydrator;
    this.actions = actions;
    this.texts = texts;
    this.host = host;
    this.focusAfter = focusAfter;
    dialog.addSection(secret.element());
  }

  HTMLElement element() {
    return dialog.element();
  }

  /** The dialog, for features that add a section to it ({@link RoomDetailsDialog#addSection}). */
  RoomDetailsDialog dialog() {
    return dialog;
  }

  /** Opens the details of the room this tab shows (nothing while its state has not arrived). */
  void open() {
    RoomKey shown = host.shown();
    RoomDetailsDialog.Details details = details(shown);
    if (details == null) {
      host.problem("This room has not loaded yet; try again in a moment.");
      return;
    }
    room = shown;
    showSecret();
    dialog.open(details);
  }

  /**
   * The screen re-rendered: an open dialog follows the room's new state, and closes if the tab now
   * shows another room (or none).
   */
  void render() {
    if (room == null || !dialog.isOpen()) {
      return;
    }
    RoomKey shown = host.shown();
    if (!room.equals(shown) || !session.rooms().holds(room)) {
      dialog.close();
      return;
    }
    RoomDetailsDialog.Details details = details(room);
    if (details != null) {
      dialog.refresh(details);
      showSecret();
    }
  }

  /** The description of a room for its header: empty when it has none (or it cannot be read). */
  String description(RoomKey key) {
    RoomState state = hydrator.state(key);
    if (state == null || state.config() == null) {
      return "";
    }
    String text = texts.readOrNull(session.rooms().room(key), state.config().description());
    return text == null ? "" : text;
  }

  private RoomDetailsDialog.Details details(RoomKey key) {
    RoomState state = key == null ? null : hydrator.state(key);
    if (state == null || state.config() == null) {
      return null;
    }
    RoomData data = session.rooms().room(key);
    RoomConfig config = state.config();
    return new RoomDetailsDialog.Details(
        RoomListView.keyText(key),
        texts.read(data, config.name()),
        texts.read(data, config.description()),
        config.maxMembers(),
        config.maxMessageBytes(),
        config.maxRecentMessages(),
        RoomActions.isOwner(key, data));
  }

  /** The private room's key version (and, for the owner, the button for a new one). */
  private void showSecret() {
    RoomState state = hydrator.state(room);
    boolean isPrivate = state != null && state.config() != null && state.config().isPrivate();
    RoomData data = session.rooms().room(room);
    long version = isPrivate ? state.secretVersion() : -1;
    secret.show(
        version,
        data != null && RoomSecrets.find(data.invitationSecrets(), version) != null,
        isPrivate && RoomActions.isOwner(room, data));
  }

  private void onRotateSecret() {
    RoomKey key = room;
    if (key == null || !session.rooms().holds(key)) {
      return;
    }
    String refused = actions.actions().rotateSecret(key, hydrator.state(key), host::problem);
    if (refused != null) {
      host.problem(refused);
    }
    host.pumpActions();
  }

  @Override
  public String onSave(SettingsEdit edit) {
    RoomKey key = room;
    if (key == null || !session.rooms().holds(key)) {
      return "Open a room first.";
    }
    String refused = actions.actions().editSettings(key, hydrator.state(key), edit, host::problem);
    host.pumpActions();
    return refused;
  }

  /**
   * The sandboxed frame has no clipboard API (the permissions policy blocks it), but a copy command
   * run by the user's own click on a selection in this document works; when the browser refuses,
   * the key stays as selectable text and the button says so.
   */
  @Override
  public void onCopyKey(String roomKey, RoomDetailsDialog.CopyDone done) {
    HTMLTextAreaElement scratch = Js.uncheckedCast(DomGlobal.document.createElement("textarea"));
    scratch.value = roomKey;
    scratch.setAttribute("readonly", "");
    scratch.style.setProperty("position", "fixed");
    scratch.style.setProperty("opacity", "0");
    dialog.element().appendChild(scratch);
    scratch.select();
    boolean ok;
    try {
      CommandDocument doc = Js.uncheckedCast(DomGlobal.document);
      ok = doc.execCommand("copy");
    } catch (RuntimeException e) {
      ok = false;
    }
    dialog.element().removeChild(scratch);
    done.copied(ok);
  }

  /** {@code document.execCommand}, which Elemental2 1.1.0 does not declare. */
  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Object")
  static class CommandDocument {
    public native boolean execCommand(String command);
  }

  @Override
  public void onClosed() {
    room = null;
    focusAfter.focus();
  }
}
