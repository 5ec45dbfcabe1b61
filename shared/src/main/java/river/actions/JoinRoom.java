package river.actions;

import java.util.Arrays;
import river.cbor.Cbor;
import river.cbor.Utf8;
import river.chat.Bans;
import river.chat.Names;
import river.chat.PlainErrors;
import river.chat.RoomSecrets;
import river.chat.SecretKeys;
import river.engine.Clock;
import river.engine.TabSession;
import river.room.AuthorizedMember;
import river.room.Invitation;
import river.room.InvitationException;
import river.room.MemberInfo;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SigningPurpose;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;

/**
 * Accepting an invitation. The code is decoded first (a bad one is refused before the node is asked
 * anything); the room is fetched and subscribed; the membership goes to the node alone (it verifies
 * signatures and chain: a forged code is refused here, before anything of the user's is touched);
 * then {@link JoinIdentity} decides whether the user keeps the key their node holds (a return) or
 * imports the invitation's (only if the node still holds what was seen, so two tabs joining at once
 * end with one key); the member info (nickname, not left) is signed with that key and sent; only
 * then does the room enter ROOMS, with the identity the node holds.
 */
final class JoinRoom {
  private final ActionLink link;
  private final TabSession session;
  private final Clock clock;

  JoinRoom(ActionLink link, TabSession session, Clock clock) {
    this.link = link;
    this.session = session;
    this.clock = clock;
  }

  /** Why a code cannot be used, in words for the join dialog. */
  static String reason(InvitationException e) {
    switch (e.problem()) {
      case TOO_LONG:
        return "This is not an invitation code: it is far too long.";
      case NOT_BASE58:
        return "This is not an invitation code: it has characters an invitation never has.";
      case FORGED:
        return "This invitation is forged: it was not signed by a member of the room.";
      default:
        return "This is not a valid invitation: it looks damaged or incomplete.";
    }
  }

  void join(
      String code,
      final String nickname,
      final ActionLink.Then<RoomKey> joined,
      final ActionLink.Fail fail) {
    final Invitation inv;
    try {
      inv = Invitation.decode(code == null ? "" : code.trim());
    } catch (InvitationException e) {
      fail.fail(reason(e));
      return;
    }
    final byte[] room = inv.room();
    final RoomKey key = RoomKey.of(Bytes.of(room));
    if (session.rooms().holds(key)) {
      fail.fail(
          "You are already a member of this room, so there is nothing to accept; it is in"
              + " your room list.");
      return;
    }
    link.contract(
        new Op.Get(room, true),
        new ActionLink.Then<OpResult>() {
          @Override
          public void accept(OpResult got) {
            final RoomState state = ActionLink.stateIn(room, got, fail);
            if (state == null) {
              return;
            }
            String problem = Bans.joinRefusal(state, inv.membership());
            if (problem == null) {
              problem =
                  RoomTexts.checkNickname(
                      nickname,
                      state.config() == null
                          ? RoomConfig.DEFAULT_MAX_NICKNAME_BYTES
                          : state.config().maxNicknameBytes());
            }
            if (problem != null) {
              fail.fail(problem);
              return;
            }
            final boolean isPrivate = state.config() != null && state.config().isPrivate();
            // the newest version the invitation carries: an invitation made before a rotation
            // still joins (the owner's tab wraps the next version for the new member's key)
            final long secretVersion = isPrivate ? newestIn(inv, state.secretVersion()) : 0;
            final byte[] secret = isPrivate ? secretOf(inv, secretVersion) : null;
            if (isPrivate && secret == null) {
              fail.fail(
                  "This invitation is for a private room but does not carry its current key.");
              return;
            }
            link.contract(
                new Op.Update(room, RoomDelta.builder().member(inv.membership()).build().encode()),
                new ActionLink.Then<OpResult>() {
                  @Override
                  public void accept(OpResult accepted) {
                    chooseIdentity(
                        new JoinAttempt(
                            inv, key, nickname, isPrivate, secret, secretVersion, joined, fail));
                  }
                },
                new ActionLink.CodedFail() {
                  @Override
                  public void fail(String code, String message) {
                    fail.fail(
                        ErrorCodes.INVALID.equals(code)
                            ? "The room did not accept this invitation: it may be damaged or"
                                + " withdrawn. Ask for a new one."
                            : PlainErrors.reason(code));
                  }
                });
          }
        },
        new ActionLink.CodedFail() {
          @Override
          public void fail(String code, String message) {
            fail.fail(
                ErrorCodes.INVALID.equals(code)
                    ? "This invitation is for a room this node does not have. Check that the"
                        + " invitation was made on this node."
                    : PlainErrors.reason(code));
          }
        });
  }

  private static long newestIn(Invitation inv, long roomNewest) {
    long best = -1;
    if (inv.secrets() != null) {
      for (Invitation.RoomSecret s : inv.secrets()) {
        if (s.version() <= roomNewest && s.version() > best) {
          best = s.version();
        }
      }
    }
    return best;
  }

  private static byte[] secretOf(Invitation inv, long version) {
    if (inv.secrets() != null) {
      for (Invitation.RoomSecret s : inv.secrets()) {
        if (s.version() == version) {
          return s.secret();
        }
      }
    }
    return null;
  }

  private void chooseIdentity(final JoinAttempt a) {
    final byte[] room = a.room();
    link.delegate(
        new DelegateRequest.GetPublicKey(room),
        DelegateResponse.PublicKey.class,
        new ActionLink.Then<DelegateResponse.PublicKey>() {
          @Override
          public void accept(DelegateResponse.PublicKey held) {
            final byte[] heldKey = held.publicKey();
            link.readRoom(
                room,
                new ActionLink.Then<RoomState>() {
                  @Override
                  public void accept(RoomState state) {
                    if (JoinIdentity.decide(state, heldKey) == JoinIdentity.Choice.KEEP_HELD) {
                      announce(a, state, heldKey);
                    } else {
                      importKey(a, heldKey);
                    }
                  }
                },
                a.fail);
          }
        },
        a.fail);
  }

  private void importKey(final JoinAttempt a, byte[] heldKey) {
    final byte[] room = a.room();
    // The import names the invited key (a code whose private key is not that key's is refused)
    // and the key the node held when we looked: if another tab replaced it since, nothing is
    // replaced and the answer names the key the node holds, which this tab then adopts.
    link.delegateCoded(
        new DelegateRequest.StoreSigningKey(
            room,
            a.inv.inviteeSeed(),
            a.inv.membership().member(),
            heldKey == null ? new byte[0] : heldKey),
        DelegateResponse.SigningKey.class,
        new ActionLink.Then<DelegateResponse.SigningKey>() {
          @Override
          public void accept(final DelegateResponse.SigningKey now) {
            link.readRoom(
                room,
                new ActionLink.Then<RoomState>() {
                  @Override
                  public void accept(RoomState state) {
                    announce(a, state, now.publicKey());
                  }
                },
                a.fail);
          }
        },
        new ActionLink.CodedFail() {
          @Override
          public void fail(String code, String message) {
            a.fail.fail(
                ErrorCodes.INVALID.equals(code)
                    ? "This invitation is forged: its key is not the invited member's."
                    : PlainErrors.reason(code));
          }
        });
  }

  /** Signs and sends the member info with the key the node holds, then lists the room. */
  private void announce(final JoinAttempt a, final RoomState state, final byte[] me) {
    final byte[] room = a.room();
    final ActionLink.Fail fail = a.fail;
    final AuthorizedMember record = recordOf(state, me);
    if (record == null || !state.isMember(me)) {
      fail.fail(
          "Another tab is joining this room with a different invitation; try again in a"
              + " moment.");
      return;
    }
    final long version = Names.of(state).version(me) + 1;
    // a return after a leave carries the member's deputies on, like every later info
    final MemberInfo held = SecretKeys.infoOf(state, me);
    link.seal(
        a.isPrivate,
        a.secret,
        a.secretVersion,
        Utf8.encode(a.nickname),
        new ActionLink.Then<SealedBytes>() {
          @Override
          public void accept(SealedBytes sealed) {
            final MemberInfo unsigned =
                held != null
                    ? held.successor(version, sealed, false, null)
                    : new MemberInfo(room, me, version, sealed, false, new byte[0]);
            link.signAndUpdate(
                room,
                SigningPurpose.MEMBER_INFO,
                unsigned.signedBytes(),
                sig -> RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build(),
                delta -> {
                  list(a, me, record, version);
                  a.joined.accept(a.key);
                },
                fail,
                new ActionLink.CodedFail() {
                  @Override
                  public void fail(String code, String message) {
                    if (!ErrorCodes.INVALID.equals(code)) {
                      fail.fail(PlainErrors.reason(code));
                      return;
                    }
                    // Another tab of this profile, joining at the same moment with the same key,
                    // may have announced this version first: the room then refuses ours as not
                    // newer. Read the room again to tell that apart from a refused nickname.
                    link.readRoom(
                        room,
                        new ActionLink.Then<RoomState>() {
                          @Override
                          public void accept(RoomState now) {
                            fail.fail(
                                Names.of(now).version(me) >= version
                                    ? "You are already a member of this room: another tab"
                                        + " joined it a moment ago."
                                    : "The room did not accept your nickname. Choose another"
                                        + " one and try again.");
                          }
                        },
                        fail);
                  }
                });
          }
        },
        fail);
  }

  private void list(JoinAttempt a, byte[] me, AuthorizedMember record, long nicknameVersion) {
    Invitation inv = a.inv;
    RoomKey key = a.key;
    if (session.rooms().holds(key)) {
      return; // another tab listed it first, with the same key: the node holds one
    }
    RoomData.Builder data = RoomData.builder(key);
    if (inv.secrets() != null) {
      for (Invitation.RoomSecret s : inv.secrets()) {
        data.addInvitationSecret(RoomSecrets.encode(s.version(), s.secret()));
      }
    }
    session.join(
        data.verifyingKey(Bytes.of(me))
            .signingKey(Bytes.EMPTY)
            .membership(Bytes.of(Cbor.encode(record.toCbor())))
            .identityGeneration(clock.nowMillis())
            .nickname(a.nickname)
            .nicknameVersion(nicknameVersion)
            .contractKey(Bytes.of(inv.room()))
            .build());
    session.setCurrentRoom(key);
  }

  static AuthorizedMember recordOf(RoomState state, byte[] member) {
    for (AuthorizedMember m : state.members()) {
      if (Arrays.equals(m.member(), member)) {
        return m;
      }
    }
    return null;
  }
}
