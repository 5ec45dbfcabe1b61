package river.actions;

import river.engine.Clock;
import river.engine.TabSession;
import river.room.DirectMessage;
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
  /** The host's timer: {@link #onWakeup} is to be called at (or after) the given time. */
  public interface Wake {
    void wakeAt(long atMillis);
  }

  private final ActionLink link;
  private final TabSession session;
  private final CreateRoom creator;
  private final RoomEdits edits;
  private final JoinRoom joiner;
  private final SecretRotations secrets;
  private final DirectMessageActions direct;
  private final DeputyNamings deputies;
  private final NicknameRequests nicknames;

  public RoomActions(TabSession session, Cipher cipher, Clock clock) {
    this(session, cipher, null, clock);
  }

  /** {@code wrap}: the host's key agreement; null when it cannot rotate private-room secrets. */
  public RoomActions(TabSession session, Cipher cipher, SecretWrap wrap, Clock clock) {
    this.link = new ActionLink(cipher);
    this.session = session;
    this.creator = new CreateRoom(link, session, clock);
    this.edits = new RoomEdits(link, session, clock);
    this.joiner = new JoinRoom(link, session, clock);
    this.secrets = new SecretRotations(link, session, wrap);
    this.direct = new DirectMessageActions(link, session, wrap, clock);
    this.deputies = new DeputyNamings(link, session, clock);
    this.nicknames = new NicknameRequests(link, session, clock, wrap);
  }

  /** Where the actions ask to be woken (a kept request of another tab lingers then). */
  public void setWake(Wake wake) {
    nicknames.wake = wake;
  }

  /** The host's timer fired: what was waiting for this time goes out (send with the link). */
  public void onWakeup() {
    nicknames.onWakeup();
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
    return nicknames.set(key, state, nickname, fail);
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

  /**
   * Bans a member; in a private room the owner's ban is followed by a new secret version the banned
   * member gets no copy of.
   */
  public String ban(final RoomKey key, RoomState state, byte[] target, final ActionLink.Fail fail) {
    return edits.ban(
        key,
        state,
        target,
        new ActionLink.Then<RoomState>() {
          @Override
          public void accept(RoomState after) {
            RoomData data = session.rooms().map().get(key);
            if (after.config().isPrivate() && isOwner(key, data)) {
              // quiet: if it fails, the owner's tab rotates on a later state of the room
              secrets.rotate(key, after, SecretRotations.QUIET);
            }
          }
        },
        fail);
  }

  /**
   * Names {@code target} a deputy, who may then ban below the user as the user can; {@code named}
   * false takes it back. Null when it went out, else why not.
   */
  public String setDeputy(
      RoomKey key, RoomState state, byte[] target, boolean named, ActionLink.Fail fail) {
    return deputies.set(key, state, target, named, fail);
  }

  /** The owner's new secret version for a private room (null when it went out, else why not). */
  public String rotateSecret(RoomKey key, RoomState state, ActionLink.Fail fail) {
    return secrets.rotate(key, state, fail);
  }

  /**
   * A direct message to {@code peer}, sealed to them and to this member and queued in {@code
   * outbox} (null when on its way, else why not, naming the peer as {@code peerName}).
   */
  public String sendDirect(
      RoomKey key,
      RoomState state,
      byte[] peer,
      String peerName,
      String text,
      OutboxQueue outbox,
      ActionLink.Fail fail) {
    return direct.send(key, state, peer, peerName, text, outbox, fail);
  }

  /** The text of a direct message this member sent or received. */
  public void readDirect(
      RoomKey key,
      RoomState state,
      DirectMessage m,
      ActionLink.Then<String> then,
      ActionLink.Fail fail) {
    direct.read(key, state, m, then, fail);
  }

  /** Deletes a direct message for both parties (null when on its way, else why not). */
  public String deleteDirect(RoomKey key, RoomState state, DirectMessage m, ActionLink.Fail fail) {
    return direct.delete(key, state, m, fail);
  }

  /**
   * Every room state a tab receives for a room it holds: publishes the member's encryption key in a
   * private room, picks up newer secret versions, (the owner) wraps the newest for members it
   * missed, and makes the member info carry the deputies the user named and the nickname they asked
   * for.
   */
  public void onRoomState(RoomKey key, RoomState state) {
    secrets.onState(key, state, false);
    deputies.onState(key, state);
    nicknames.onState(key, state);
  }

  /**
   * The user has the room open (a state arrived for it while shown, or it was just opened): the
   * same as {@link #onRoomState}, and in a public room too this member's key is published if it has
   * none, so others can write to them directly.
   */
  public void onRoomShown(RoomKey key, RoomState state) {
    secrets.onState(key, state, true);
    deputies.onState(key, state);
    nicknames.onState(key, state);
  }
}
