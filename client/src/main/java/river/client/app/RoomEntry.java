package river.client.app;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;
import river.actions.ActionLink;
import river.chat.PlainErrors;
import river.client.app.ui.CreateRoomDialog;
import river.client.app.ui.Dom;
import river.client.app.ui.JoinDialog;
import river.engine.TabSession;
import river.rooms.RoomKey;

/**
 * The ways into a room from the sidebar: "New room" (the create dialog), "Join with code" (the join
 * dialog), and an invitation link that opened the app (the join dialog, filled in). Each becomes
 * one room action through the screen's guard, and the room made or joined becomes the one shown.
 */
final class RoomEntry {
  private final TabSession session;
  private final ActionDriver actions;
  private final ScreenHost host;
  private final ActionLink.Then<RoomKey> show;
  private final CreateRoomDialog createDialog;
  private final JoinDialog joinDialog;
  private final HTMLButtonElement createButton;
  private final HTMLElement buttons = Dom.el("div", "side-actions");

  /**
   * @param show makes a room just created or joined the shown one
   * @param home where focus goes when a dialog closes
   */
  RoomEntry(
      TabSession session,
      ActionDriver actions,
      ScreenHost host,
      ActionLink.Then<RoomKey> show,
      Runnable home) {
    this.session = session;
    this.actions = actions;
    this.host = host;
    this.show = show;
    this.createDialog = new CreateRoomDialog(this::create, home);
    this.joinDialog = new JoinDialog(this::join, home);
    createButton = Js.uncheckedCast(Dom.hook("button", "primary", "create-room-open"));
    createButton.type = "button";
    createButton.textContent = "New room";
    createButton.addEventListener("click", e -> createDialog.open());
    buttons.appendChild(createButton);
    HTMLButtonElement join = Dom.button("secondary", "join-open", "Join with code");
    join.addEventListener("click", e -> joinDialog.open(null));
    buttons.appendChild(join);
  }

  /** The sidebar's "New room" and "Join with code" buttons. */
  HTMLElement buttons() {
    return buttons;
  }

  HTMLElement createDialog() {
    return createDialog.element();
  }

  HTMLElement joinDialog() {
    return joinDialog.element();
  }

  /** Focus for when no room can be written in: the "New room" button. */
  void focus() {
    createButton.focus();
  }

  /** An {@code ?invitation=} link opened the app: offer to join, filled in. */
  void offerInvitation(String code) {
    joinDialog.open(code);
  }

  private void create(String name, String nickname, boolean isPrivate) {
    host.act(
        () ->
            actions
                .actions()
                .create(
                    name,
                    nickname,
                    isPrivate,
                    show,
                    message ->
                        host.problem(PlainErrors.failed(PlainErrors.Action.CREATE_ROOM, message))));
  }

  private void join(String code, String nickname) {
    if (!session.isReady()) {
      joinDialog.refuse(PlainErrors.STILL_LOADING);
      return;
    }
    host.act(
        () ->
            actions
                .actions()
                .join(
                    code,
                    nickname,
                    joined -> {
                      joinDialog.close();
                      show.accept(joined);
                    },
                    joinDialog::refuse));
  }
}
