package river.actions;

import river.room.Invitation;
import river.rooms.RoomKey;

/**
 * One acceptance of an invitation as {@link JoinRoom} carries it from step to step: what the user
 * gave (the decoded code, the nickname), what the first look at the room settled (private or not,
 * the newest secret version the invitation carries that the room knows), and where the outcome
 * goes. Values only; every step reads it, none changes it.
 */
final class JoinAttempt {
  final Invitation inv;
  final RoomKey key;
  final String nickname;
  final boolean isPrivate;

  /** The secret new content is sealed with (null in a public room). */
  final byte[] secret;

  final long secretVersion;
  final ActionLink.Then<RoomKey> joined;
  final ActionLink.Fail fail;

  JoinAttempt(
      Invitation inv,
      RoomKey key,
      String nickname,
      boolean isPrivate,
      byte[] secret,
      long secretVersion,
      ActionLink.Then<RoomKey> joined,
      ActionLink.Fail fail) {
    this.inv = inv;
    this.key = key;
    this.nickname = nickname;
    this.isPrivate = isPrivate;
    this.secret = secret;
    this.secretVersion = secretVersion;
    this.joined = joined;
    this.fail = fail;
  }

  byte[] room() {
    return inv.room();
  }
}
