package river.client.app;

import elemental2.core.JsDate;
import river.cbor.Cbor;
import river.cbor.Utf8;
import river.chat.Names;
import river.chat.RoomSecrets;
import java.util.ArrayList;
import java.util.List;
import river.engine.TabSession;
import river.room.AuthorizedMember;
import river.room.Invitation;
import river.room.InvitationException;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.UserBan;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.SigningIdentity;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;

/**
 * Invite, join and nickname flows, as RoomOverNodeTest runs them on the JVM. Inviting mints an
 * invitee key on the inviter's node, signs the membership with the inviter's key and packs both
 * into a portable code. Joining decodes the code (a bad one is refused before anything is
 * asked of the node), fetches and subscribes the room, sends the membership alone (the node
 * verifies its signatures and chain: a forged code fails here, before anything of the user's is
 * touched), imports the key naming the invited member's public key (a mismatching key is refused
 * and replaces nothing), signs and sends the member info, and only then enters ROOMS, with the
 * invitation's seed kept in the identity. "Already a member" ({@link SigningIdentity#join}) is
 * asked before anything is touched and again at the end: a tab that lost a race with another
 * tab of the profile keeps the other tab's identity and puts its key back on the node
 * ({@link NodeKeyFollower}). The browser does not verify signatures itself.
 */
final class RoomMembership {
  private final NodeCalls calls;
  private final SessionDriver driver;
  private final RoomCipher cipher;
  private final NodeKeyFollower keys;

  RoomMembership(NodeCalls calls, SessionDriver driver, RoomCipher cipher, NodeKeyFollower keys) {
    this.calls = calls;
    this.driver = driver;
    this.cipher = cipher;
    this.keys = keys;
  }

  void invite(RoomKey key, RoomData data, NodeCalls.Then<String> code, NodeCalls.Fail fail) {
    byte[] room = key.bytes().toArray();
    byte[] me = data.verifyingKey().toArray();
    calls.delegate(new DelegateRequest.NewInviteeKey(room), DelegateResponse.InviteeKey.class, invitee -> {
      AuthorizedMember unsigned = new AuthorizedMember(room, invitee.publicKey(), me, new byte[0]);
      calls.sign(room, "member", unsigned.signedBytes(), sig -> code.accept(
          new Invitation(room, invitee.privateKey(), unsigned.withSignature(sig), secrets(data)).encode()), fail);
    }, fail);
  }

  /** A private room's secrets travel in the invitation; a public room's invitation has none. */
  private static List<Invitation.RoomSecret> secrets(RoomData data) {
    List<Invitation.RoomSecret> all = RoomSecrets.decodeAll(data.invitationSecrets());
    return all.isEmpty() ? null : all;
  }

  /** Why a code cannot be used, in words for the join dialog. */
  static String reason(InvitationException e) {
    switch (e.problem()) {
      case TOO_LONG:
        return "This is not an invitation code: it is far too long.";
      case NOT_BASE58:
        return "This is not an invitation code (it has characters an invitation never has): " + e.getMessage();
      case FORGED:
        return "This invitation is forged: " + e.getMessage();
      default:
        return "This is not a valid invitation (damaged or incomplete?): " + e.getMessage();
    }
  }

  void join(String code, String nickname, NodeCalls.Then<RoomKey> joined, NodeCalls.Fail fail) {
    Invitation inv;
    try {
      inv = Invitation.decode(code);
    } catch (InvitationException e) {
      fail.fail(reason(e));
      return;
    }
    byte[] room = inv.room();
    RoomKey key = RoomKey.of(Bytes.of(room));
    TabSession session = driver.session();
    if (SigningIdentity.join(session.rooms(), key) == SigningIdentity.Join.ALREADY_MEMBER) {
      fail.fail("You are already a member of this room, so there is nothing to accept; it is in your room list.");
      return;
    }
    calls.contract(new Op.Get(room, true), got -> {
      RoomState state;
      try {
        state = RoomState.decodeTrusted(room, ((OpResult.GetResult) got).state());
      } catch (RuntimeException e) {
        fail.fail("The room's state could not be read: " + e.getMessage());
        return;
      }
      byte[] nick = Utf8.encode(nickname);
      if (state.config() != null && nick.length > state.config().maxNicknameBytes()) {
        fail.fail("That nickname is too long for this room (" + nick.length + " bytes, at most "
            + state.config().maxNicknameBytes() + ").");
        return;
      }
      boolean isPrivate = state.config() != null && state.config().isPrivate();
      long secretVersion = isPrivate ? state.config().secretVersion() : 0;
      byte[] secret = null;
      if (isPrivate) {
        for (Invitation.RoomSecret s : inv.secrets() == null ? new ArrayList<Invitation.RoomSecret>() : inv.secrets()) {
          if (s.version() == secretVersion) {
            secret = s.secret();
          }
        }
        if (secret == null) {
          fail.fail("This invitation is for a private room but does not carry its current key.");
          return;
        }
      }
      byte[] roomSecret = secret;
      // From the import on, the node may sign with this invitation's key while the profile holds
      // another identity in the room (another tab joined meanwhile): every way out of the join
      // ends with the node's key following the held identity.
      NodeCalls.Fail restoreThenFail = m -> {
        keys.follow(key);
        fail.fail(m);
      };
      // The membership goes first, alone: the node verifies its signatures and invitation chain,
      // so a forged code is refused before anything of this user's is touched.
      calls.contract(new Op.Update(room, RoomDelta.builder().member(inv.membership()).build().encode()), accepted ->
      cipher.seal(isPrivate, roomSecret, secretVersion, nick, sealedNick ->
      // The import names the invited key: a code whose private key is not that key's is refused
      // and leaves whatever identity this user held in the room in place.
      calls.delegate(new DelegateRequest.StoreSigningKey(room, inv.inviteeSeed(), inv.membership().member()),
          DelegateResponse.SigningKey.class, sk -> {
        byte[] me = sk.publicKey();
        MemberInfo unsigned = new MemberInfo(room, me, Names.of(state).version(me) + 1,
            sealedNick, new byte[0]);
        calls.sign(room, "member_info", unsigned.signedBytes(), sig -> {
          byte[] delta = RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build().encode();
          calls.contract(new Op.Update(room, delta), ok -> {
            if (SigningIdentity.join(driver.session().rooms(), key) == SigningIdentity.Join.ALREADY_MEMBER) {
              restoreThenFail.fail("You are already a member of this room (another tab joined it first).");
              return;
            }
            RoomData.Builder joinedData = RoomData.builder(key);
            if (inv.secrets() != null) {
              for (Invitation.RoomSecret s : inv.secrets()) {
                joinedData.addInvitationSecret(RoomSecrets.encode(s.version(), s.secret()));
              }
            }
            session.join(joinedData
                .verifyingKey(Bytes.of(me))
                // The seed stays with the identity (RoomData holds the user's signing key), so
                // any tab can put it back on the node if another tab's import replaced it.
                .signingKey(Bytes.of(inv.inviteeSeed()))
                .membership(Bytes.of(Cbor.encode(inv.membership().toCbor())))
                .identityGeneration((long) JsDate.now())
                .nickname(nickname)
                .nicknameVersion(unsigned.version())
                .contractKey(Bytes.of(room))
                .build());
            session.setCurrentRoom(key);
            driver.pump();
            keys.follow(key);
            joined.accept(key);
          }, m -> restoreThenFail.fail("The room refused your nickname: " + m));
        }, restoreThenFail);
      }, m -> restoreThenFail.fail("This invitation is forged: " + m)), fail),
          m -> fail.fail("The room refused this invitation: " + m));
    }, m -> fail.fail("This invitation is for a room this node cannot find: " + m));
  }

  /** Bans a member (and, by the contract's cascade, everyone they invited). */
  void ban(RoomKey key, RoomData data, byte[] target, NodeCalls.Fail fail) {
    byte[] room = key.bytes().toArray();
    UserBan unsigned = new UserBan(room, target, data.verifyingKey().toArray(), (long) JsDate.now(), new byte[0]);
    calls.sign(room, "ban", unsigned.signedBytes(), sig -> calls.contract(new Op.Update(room,
        RoomDelta.builder().ban(unsigned.withSignature(sig)).build().encode()), ok -> { }, fail), fail);
  }

  /** Null when the new nickname went out; else why not. */
  String setNickname(RoomKey key, RoomData data, RoomState state, String nickname, NodeCalls.Fail fail) {
    if (state == null || state.config() == null) {
      return "This room has not loaded yet; try again in a moment.";
    }
    byte[] me = data.verifyingKey().toArray();
    if (!state.isMember(me)) {
      return "You are not a member of this room (any more).";
    }
    byte[] nick = Utf8.encode(nickname);
    if (nick.length > state.config().maxNicknameBytes()) {
      return "That nickname is too long for this room (" + nick.length + " bytes, at most "
          + state.config().maxNicknameBytes() + ").";
    }
    byte[] room = key.bytes().toArray();
    long version = Math.max(Names.of(state).version(me), data.nicknameVersion()) + 1;
    boolean isPrivate = state.config().isPrivate();
    long secretVersion = state.config().secretVersion();
    cipher.seal(isPrivate, isPrivate ? RoomSecrets.find(data.invitationSecrets(), secretVersion) : null, secretVersion,
        nick, sealed -> sendNickname(key, room, me, version, sealed, nickname, fail), fail);
    return null;
  }

  private void sendNickname(RoomKey key, byte[] room, byte[] me, long version, SealedBytes sealed, String nickname,
      NodeCalls.Fail fail) {
    MemberInfo unsigned = new MemberInfo(room, me, version, sealed, new byte[0]);
    calls.sign(room, "member_info", unsigned.signedBytes(), sig -> {
      byte[] delta = RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build().encode();
      calls.contract(new Op.Update(room, delta), ok -> {
        TabSession session = driver.session();
        if (session.rooms().holds(key)) {
          session.setNickname(key, nickname);
          driver.pump();
        }
      }, fail);
    }, fail);
  }
}
