package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a delta may be merged into a state: every new item is bound to this room and
 * signed by the right key (config: owner; membership: inviter; member info: the member or the
 * owner; ban: the banner; message: the author), every new membership's inviter is the owner or a
 * member whose chain reaches the owner, bans come from the owner or an ancestor of the banned
 * member, only current members write info and messages, and the config's limits hold. Items the
 * state already holds are not checked again (they were valid when they arrived). Throws
 * {@link RoomValidationException} with the first reason; a refused delta changes nothing because
 * validation runs before {@link RoomMerge} and both build new values.
 */
public final class RoomValidator {
  private RoomValidator() {}

  public static void validate(RoomState state, RoomDelta delta, SignatureVerifier verifier) {
    byte[] owner = state.owner;
    Set<SignedItem> known = new HashSet<SignedItem>();
    known.addAll(state.members);
    known.addAll(state.memberInfo);
    known.addAll(state.bans);
    known.addAll(state.messages);

    RoomConfig newConfig = delta.config;
    if (newConfig != null && !newConfig.equals(state.config)) {
      checkRoom(owner, newConfig.roomShared(), "config");
      verify(verifier, owner, newConfig, "config is not signed by the room owner");
      newConfig.checkOwnLimits();
    }
    RoomConfig config = RoomMerge.better(state.config, newConfig);
    if (config == null) {
      throw new RoomValidationException("the room has no configuration yet");
    }

    List<AuthorizedMember> records = new ArrayList<AuthorizedMember>(state.members);
    records.addAll(delta.members);
    MemberGraph graph = new MemberGraph(owner, records);
    Map<String, Integer> depths = graph.depths();
    for (AuthorizedMember m : delta.members) {
      if (known.contains(m)) {
        continue;
      }
      checkRoom(owner, m.roomShared(), "membership");
      if (graph.isOwner(m.memberShared())) {
        throw new RoomValidationException("membership: the owner is never a member");
      }
      if (Arrays.equals(m.memberShared(), m.invitedByShared())) {
        throw new RoomValidationException("membership: a member cannot invite itself");
      }
      verify(verifier, m.invitedByShared(), m, "membership is not signed by its inviter");
      if (!depths.containsKey(UnsignedBytes.hex(m.invitedByShared()))) {
        throw new RoomValidationException("membership: inviter "
            + UnsignedBytes.brief(m.invitedByShared()) + " has no chain to the owner");
      }
    }

    Set<UserBan> allBans = new LinkedHashSet<UserBan>(state.bans);
    int before = allBans.size();
    allBans.addAll(delta.bans);
    for (UserBan b : delta.bans) {
      if (known.contains(b)) {
        continue;
      }
      checkRoom(owner, b.roomShared(), "ban");
      if (graph.isOwner(b.bannedShared())) {
        throw new RoomValidationException("ban: the owner cannot be banned");
      }
      verify(verifier, b.bannedBy(), b, "ban is not signed by its issuer");
      if (!depths.containsKey(UnsignedBytes.hex(b.bannedShared()))) {
        throw new RoomValidationException("ban: " + UnsignedBytes.brief(b.bannedShared())
            + " is not a member of this room");
      }
      if (!graph.isAncestor(b.bannedBy(), b.bannedShared())) {
        throw new RoomValidationException(
            "ban: only the owner or an inviter up the banned member's chain may ban");
      }
    }
    if (allBans.size() > before && allBans.size() > config.maxBans()) {
      throw new RoomValidationException("ban: the room allows at most " + config.maxBans()
          + " bans");
    }

    Set<String> effective = graph.effective(allBans);
    for (MemberInfo i : delta.memberInfo) {
      if (known.contains(i)) {
        continue;
      }
      checkRoom(owner, i.roomShared(), "member info");
      if (!effective.contains(UnsignedBytes.hex(i.memberShared()))) {
        throw new RoomValidationException("member info: not a current member");
      }
      byte[] signed = i.signedBytes();
      if (!verifier.verify(i.memberShared(), signed, i.signatureShared())
          && !verifier.verify(owner, signed, i.signatureShared())) {
        throw new RoomValidationException(
            "member info is signed by neither the member nor the owner");
      }
      if (i.nickname().plainLength() > config.maxNicknameBytes()) {
        throw new RoomValidationException(
            "member info: nickname longer than " + config.maxNicknameBytes() + " bytes");
      }
      checkSealing(config, i.nickname(), "nickname");
    }

    for (RoomMessage m : delta.messages) {
      if (known.contains(m)) {
        continue;
      }
      checkRoom(owner, m.roomShared(), "message");
      if (!effective.contains(UnsignedBytes.hex(m.authorShared()))) {
        throw new RoomValidationException("message: author "
            + UnsignedBytes.brief(m.authorShared()) + " is not a current member");
      }
      verify(verifier, m.authorShared(), m, "message is not signed by its author");
      if (m.contentSize() > config.maxMessageBytes()) {
        throw new RoomValidationException(
            "message: content is " + m.contentSize() + " bytes, limit " + config.maxMessageBytes());
      }
      checkSealing(config, m.content(), "message content");
    }
  }

  /** A private room takes only Private content of a known secret version; a public one only
   *  Public content (the contract cannot read either, so this is all it can enforce). */
  static void checkSealing(RoomConfig config, SealedBytes sealed, String what) {
    if (config.isPrivate() != sealed.isPrivate()) {
      throw new RoomValidationException(what + " must be "
          + (config.isPrivate() ? "private in a private room" : "public in a public room"));
    }
    if (sealed.isPrivate() && sealed.secretVersion() > config.secretVersion()) {
      throw new RoomValidationException(what + ": unknown secret version "
          + sealed.secretVersion());
    }
  }

  private static void checkRoom(byte[] owner, byte[] room, String what) {
    if (!Arrays.equals(owner, room)) {
      throw new RoomValidationException(what + " belongs to another room");
    }
  }

  private static void verify(SignatureVerifier v, byte[] key, SignedItem item, String reason) {
    if (!v.verify(key, item.signedBytes(), item.signatureShared())) {
      throw new RoomValidationException(reason);
    }
  }
}
