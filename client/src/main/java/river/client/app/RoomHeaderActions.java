package river.client.app;

import elemental2.dom.DomGlobal;
import river.chat.InviteLinks;
import river.chat.PlainErrors;
import river.client.app.ui.InviteDialog;
import river.client.app.ui.RoomHeaderView;
import river.engine.TabSession;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;
import river.rooms.Rooms;

/**
 * What the shown room's header does: notification mode, leave, invite, rename and opening the
 * room's details. Each is one call into the session or the room actions for the room the screen
 * shows; problems go to the screen's banner in words for a person.
 */
final class RoomHeaderActions implements RoomHeaderView.Listener {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final ActionDriver actions;
  private final InviteDialog inviteDialog;
  private final ProfileTools tools;
  private final RoomDetailsPane details;
  private final ScreenHost host;
  private final Drafts drafts;

  RoomHeaderActions(
      TabSession session,
      RoomHydrator hydrator,
      ActionDriver actions,
      InviteDialog inviteDialog,
      ProfileTools tools,
      RoomDetailsPane details,
      ScreenHost host,
      Drafts drafts) {
    this.session = session;
    this.hydrator = hydrator;
    this.actions = actions;
    this.inviteDialog = inviteDialog;
    this.tools = tools;
    this.details = details;
    this.host = host;
    this.drafts = drafts;
  }

  /** A link to the shell (the app's URL has the shell's origin) that opens the join dialog. */
  static String inviteLink(String code) {
    return InviteLinks.link(DomGlobal.location.origin, code);
  }

  @Override
  public void onModeChange(NotificationMode mode) {
    RoomKey current = host.shown();
    if (current != null) {
      host.act(() -> session.setMode(current, mode));
    }
  }

  @Override
  public void onLeave() {
    RoomKey current = host.shown();
    if (current != null) {
      host.act(
          () ->
              actions
                  .actions()
                  .leave(
                      current,
                      hydrator.state(current),
                      problem ->
                          DomGlobal.console.warn(
                              "River: the others were not told you left: " + problem)));
      // Leaving takes the room out of ROOMS at once: its unsent text goes with it, not kept in the
      // profile's storage for a room the user left.
      drafts.put(current, "");
    }
  }

  @Override
  public void onInvite() {
    RoomKey current = host.shown();
    if (current == null || !session.rooms().holds(current)) {
      return;
    }
    host.act(
        () -> {
          inviteDialog.opening();
          String refused =
              actions
                  .actions()
                  .invite(
                      current,
                      hydrator.state(current),
                      code -> inviteDialog.show(code, inviteLink(code)),
                      problem -> {
                        inviteDialog.close();
                        host.problem(PlainErrors.failed(PlainErrors.Action.INVITE, problem));
                      });
          if (refused != null) {
            inviteDialog.close();
            host.problem(refused);
          }
        });
  }

  @Override
  public String onRename(String newName) {
    Rooms rooms = session.rooms();
    RoomKey current = host.shown();
    if (current == null || !rooms.holds(current)) {
      return "Open a room first.";
    }
    String refused =
        actions
            .actions()
            .rename(
                current,
                hydrator.state(current),
                newName,
                problem -> host.problem(PlainErrors.failed(PlainErrors.Action.RENAME, problem)));
    actions.pump();
    return refused;
  }

  @Override
  public void onOpenDetails() {
    tools.forgetExport();
    details.open();
  }
}
