package river.actions;

import java.util.Arrays;
import java.util.List;
import river.chat.Bans;
import river.chat.RoomSecrets;
import river.engine.Clock;
import river.engine.TabSession;
import river.room.AuthorizedMember;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomMerge;
import river.room.RoomState;
import river.room.SigningPurpose;
import river.room.UserBan;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * The one-step edits of a room the user is in: invite (a code), rename and edit the settings
 * (owner; both through {@link ConfigEdit}), ban. Each checks what can be known locally first and
 * answers that at once as text (null when the request went out); the node's refusal comes back
 * through {@code fail}.
 */
final class RoomEdits {
  private final ActionLink link;
  private final TabSession session;
  private final Clock clock;
  private final ConfigEdit configs;

  RoomEdits(ActionLink link, TabSession session, Clock clock) {
    this.link = link;
    this.session = session;
    this.clock = clock;
    this.configs = new ConfigEdit(link, session);
  }

  /** Mints an invitee key on the inviter's node, signs the membership, packs the code. */
  String invite(
      RoomKey key,
      RoomState state,
      final ActionLink.Then<String> code,
      final ActionLink.Fail fail) {
    final RoomData data = session.rooms().map().get(key);
    String problem = usable(data, state);
    if (problem != null) {
      return problem;
    }
    final byte[] room = key.bytes().toArray();
    final byte[] me = data.verifyingKey().toArray();
    link.delegate(
        new DelegateRequest.NewInviteeKey(room),
        DelegateResponse.InviteeKey.class,
        new ActionLink.Then<DelegateResponse.InviteeKey>() {
          @Override
          public void accept(final DelegateResponse.InviteeKey invitee) {
            final AuthorizedMember unsigned =
                new AuthorizedMember(room, invitee.publicKey(), me, new byte[0]);
            link.sign(
                room,
                SigningPurpose.MEMBER,
                unsigned.signedBytes(),
                new ActionLink.Then<byte[]>() {
                  @Override
                  public void accept(byte[] sig) {
                    List<Invitation.RoomSecret> secrets =
                        RoomSecrets.decodeAll(data.invitationSecrets());
                    code.accept(
                        new Invitation(
                                room,
                                invitee.privateKey(),
                                unsigned.withSignature(sig),
                                secrets.isEmpty() ? null : secrets)
                            .encode());
                  }
                },
                fail);
          }
        },
        fail);
    return null;
  }

  /**
   * How far a leave's version jumps past the member's info. Hazard: another tab of the user may
   * have signed a nickname edit from the same state, at the next version; equal versions merge by
   * signature, so a leave at the next version was undone about one time in two and the user stayed
   * in everyone's list. A return counts on from the leave's version, so it still wins.
   */
  static final long LEAVE_VERSION_STEP = 1_000;

  /** The unsigned info that says the member left, ahead of any edit signed before it. */
  static MemberInfo leaving(MemberInfo info) {
    return info.successor(info.version() + LEAVE_VERSION_STEP, info.nickname(), true, null);
  }

  /**
   * Leaves the room: at once in ROOMS (every tab of the user follows through the save engine), and
   * for the others by the member's next info with {@code left} set, so their member lists drop the
   * user while the user's messages keep their name. The owner's leave is local only (an owner
   * cannot leave their own room for the others).
   */
  void leave(RoomKey key, RoomState state, ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    if (data != null && usable(data, state) == null && !isOwner(key, data)) {
      byte[] me = data.verifyingKey().toArray();
      for (MemberInfo info : state.memberInfo()) {
        if (Arrays.equals(info.member(), me) && !info.left()) {
          link.updateMemberInfo(key.bytes().toArray(), leaving(info), null, fail);
        }
      }
    }
    if (session.rooms().holds(key)) {
      session.leave(key);
    }
  }

  /** Only the owner's key signs configurations: the next version with the new name. */
  String rename(RoomKey key, RoomState state, String newName, final ActionLink.Fail fail) {
    return configs.edit(
        key, state, SettingsEdit.rename(newName), "Only the room's owner can rename it.", fail);
  }

  /** The owner's new name, description and limits: the next version of the configuration. */
  String editSettings(RoomKey key, RoomState state, SettingsEdit edit, ActionLink.Fail fail) {
    return configs.edit(key, state, edit, "Only the room's owner can change its settings.", fail);
  }

  /**
   * Bans a member (and, by the contract's cascade, everyone they invited); {@code banned} gets the
   * room with the ban once the node accepted it.
   */
  String ban(
      RoomKey key,
      final RoomState state,
      byte[] target,
      final ActionLink.Then<RoomState> banned,
      final ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    String problem = usable(data, state);
    if (problem == null && !Bans.canBan(state, data.verifyingKey().toArray(), target)) {
      problem =
          "Only the owner, whoever invited this member (directly or not), or a deputy one of them"
              + " named can ban them.";
    }
    if (problem != null) {
      return problem;
    }
    final byte[] room = key.bytes().toArray();
    final UserBan unsigned =
        new UserBan(room, target, data.verifyingKey().toArray(), clock.nowMillis(), new byte[0]);
    link.signAndUpdate(
        room,
        SigningPurpose.BAN,
        unsigned.signedBytes(),
        sig -> RoomDelta.builder().ban(unsigned.withSignature(sig)).build(),
        // the room as the node now holds it (the node validated the ban)
        delta -> banned.accept(RoomMerge.merge(state, delta)),
        fail);
    return null;
  }

  static boolean isOwner(RoomKey key, RoomData data) {
    return data != null && Arrays.equals(data.verifyingKey().toArray(), key.bytes().toArray());
  }

  /** Null when the user can act in the room as it stands; else why not. */
  static String usable(RoomData data, RoomState state) {
    if (data == null) {
      return RoomTexts.NOT_A_MEMBER;
    }
    if (state == null || state.config() == null) {
      return RoomTexts.NOT_LOADED;
    }
    if (!state.isMember(data.verifyingKey().toArray())) {
      return RoomTexts.NOT_A_MEMBER;
    }
    return null;
  }
}
