package river.client.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import river.chat.InviteLinks;
import river.chat.PlainErrors;
import river.client.app.ui.RoomListView;
import river.rooms.RoomKey;
import river.rooms.RoomListOrder;
import river.rooms.Rooms;

/**
 * Invitations sent in a direct conversation ("Invite to a room"): which of the user's rooms are
 * offered, and an invitation to the chosen one created by the usual invite action and sent as the
 * words {@link InviteLinks#message} makes. The peer's tab shows it with "Accept invitation".
 */
final class DmInvitations {
  /** Sends a direct message's text to the conversation chosen at the click; null when taken. */
  interface Sender {
    String send(String text);
  }

  private final SessionDriver driver;
  private final RoomHydrator hydrator;
  private final ActionDriver actions;
  private final ScreenHost host;
  private final Function<RoomKey, String> roomNames;

  DmInvitations(
      SessionDriver driver,
      RoomHydrator hydrator,
      ActionDriver actions,
      ScreenHost host,
      Function<RoomKey, String> roomNames) {
    this.driver = driver;
    this.hydrator = hydrator;
    this.actions = actions;
    this.host = host;
    this.roomNames = roomNames;
  }

  /**
   * The rooms a peer met in {@code dmRoom} can be invited to, as {room key, name}: every room of
   * the user's list, in its order, but that one and those the user was removed from.
   */
  List<String[]> rooms(RoomKey dmRoom) {
    List<String[]> out = new ArrayList<>();
    Rooms rooms = driver.session().rooms();
    for (RoomKey key :
        InviteLinks.roomsToOffer(RoomListOrder.display(rooms), hydrator::state, rooms, dmRoom)) {
      out.add(new String[] {RoomListView.keyText(key), roomNames.apply(key)});
    }
    return out;
  }

  /**
   * Creates an invitation to {@code room} and hands its message to {@code to}, bound at the click
   * to the conversation then open (the user may move on while the invitation is being signed).
   */
  void send(RoomKey room, Sender to) {
    host.act(
        () -> {
          String refused =
              actions
                  .actions()
                  .invite(
                      room,
                      hydrator.state(room),
                      code -> {
                        String link = RoomHeaderActions.inviteLink(code);
                        String notSent = to.send(InviteLinks.message(roomNames.apply(room), link));
                        if (notSent != null) {
                          host.problem(notSent);
                        }
                      },
                      problem ->
                          host.problem(PlainErrors.failed(PlainErrors.Action.INVITE, problem)));
          if (refused != null) {
            host.problem(refused);
          }
        });
  }
}
