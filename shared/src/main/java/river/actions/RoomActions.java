package river.actions;

import river.engine.Clock;
import river.engine.TabSession;
import river.room.RoomState;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * The room actions of one tab, in front of its {@link TabSession}: what the UI calls. Requests go
 * out through {@link #link()} (the host sends what {@code drain()} returns and feeds every answer
 * back), sealing through the host's {@link Cipher}. The methods that answer a String return null
 * when the action went out, else the reason it cannot, in words for the user.
 */
public final class RoomActions {
  private final ActionLink link;
  private final CreateRoom creator;
  private final RoomEdits edits;
  private final JoinRoom joiner;

  public RoomActions(TabSession session, Cipher cipher, Clock clock) {
    this.link = new ActionLink(cipher);
    this.creator = new CreateRoom(link, session, clock);
    this.edits = new RoomEdits(link, session, clock);
    this.joiner = new JoinRoom(link, session, clock);
  }

  /** Only the owner's key signs configurations (rename, settings). */
  public static boolean isOwner(RoomKey key, RoomData data) {
    return RoomEdits.isOwner(key, data);
  }

  public ActionLink link() {
    return link;
  }

  public void create(
      String name,
      String nickname,
      boolean isPrivate,
      ActionLink.Then<RoomKey> done,
      ActionLink.Fail fail) {
    creator.create(name, nickname, isPrivate, done, fail);
  }

  public void join(
      String code, String nickname, ActionLink.Then<RoomKey> joined, ActionLink.Fail fail) {
    joiner.join(code, nickname, joined, fail);
  }

  public String invite(
      RoomKey key, RoomState state, ActionLink.Then<String> code, ActionLink.Fail fail) {
    return edits.invite(key, state, code, fail);
  }

  public String setNickname(RoomKey key, RoomState state, String nickname, ActionLink.Fail fail) {
    return edits.setNickname(key, state, nickname, fail);
  }

  public String rename(RoomKey key, RoomState state, String newName, ActionLink.Fail fail) {
    return edits.rename(key, state, newName, fail);
  }

  /** The owner's new name, description and limits (null fields kept), as typed. */
  public String editSettings(
      RoomKey key, RoomState state, SettingsEdit edit, ActionLink.Fail fail) {
    return edits.editSettings(key, state, edit, fail);
  }

  /** Leaves at once; the others learn it from the member's signed info. */
  public void leave(RoomKey key, RoomState state, ActionLink.Fail fail) {
    edits.leave(key, state, fail);
  }

  public String ban(RoomKey key, RoomState state, byte[] target, ActionLink.Fail fail) {
    return edits.ban(key, state, target, fail);
  }
}
