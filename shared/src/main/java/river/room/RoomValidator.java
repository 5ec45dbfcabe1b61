package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a delta may be merged into a state: the trust rules of a room (DESIGN.md). Every
 * new item is bound to this room and signed by the right key (config: owner; membership: inviter;
 * member info: the member or the owner; ban: the banner; message: the author), and:
 *
 * <ul>
 *   <li>a member's place is fixed: a key that holds a membership record never gets another one, so
 *       nobody can re-parent a member under a key they control;
 *   <li>a ban is total: only current members (reachable from the owner past no ban, counting the
 *       bans in the same delta) invite, post, sign member info or ban;
 *   <li>who may ban whom is {@link BanRule}: an inviter up the chain or a deputy one named, never a
 *       ban that would remove its own issuer;
 *   <li>a member info names at most {@link MemberInfo#MAX_DEPUTIES} deputies, never the member;
 *   <li>max_members refuses a join that would exceed it (the merge never evicts);
 *   <li>a message dated more than {@link #MAX_FUTURE_MILLIS} after {@code now} is refused;
 *   <li>edit and delete name a post of their own author, unreact a reaction of its own author (when
 *       the target is in the room; an orphan action changes nothing a reader sees, and the view
 *       checks the author again when the target arrives);
 *   <li>a secret rotation (private rooms only) is signed by the owner, names a version above every
 *       one the room knows, wraps the secret only for current members (each once, the bans in the
 *       same delta counted: a banned member never gets a later version), and seals its older
 *       versions under its own;
 *   <li>a direct message goes from a current member to another, signed by its sender, within its
 *       size and date; a DM tombstone is signed by the DM's sender or recipient ({@link DmRules});
 *   <li>a new config follows the one held ({@link ConfigRules}: limits in range, a name, a higher
 *       version, public or private as created);
 *   <li>the config's limits hold; members' bans are capped by max_bans (the owner's are not, so a
 *       member cannot use up the cap to keep the owner from banning them).
 * </ul>
 *
 * Items the state already holds are not checked again (they were valid when they arrived). Throws
 * {@link RoomValidationException} with the first reason; a refused delta changes nothing because
 * validation runs before {@link RoomMerge} and both build new values. What the merge would then
 * drop is refused by {@link RoomContract}.
 */
public final class RoomValidator {
  /** How far ahead of the node's clock a message may be dated. */
  public static final long MAX_FUTURE_MILLIS = 5 * 60 * 1000L;

  private RoomValidator() {}

  public static void validate(
      RoomState state, RoomDelta delta, SignatureVerifier verifier, long now) {
    byte[] owner = state.owner;
    Set<SignedItem> known = new HashSet<SignedItem>();
    known.addAll(state.members);
    known.addAll(state.memberInfo);
    known.addAll(state.bans);
    known.addAll(state.messages);
    known.addAll(state.rotations);
    known.addAll(state.directMessages);
    known.addAll(state.dmDeletes);

    RoomConfig newConfig = delta.config;
    if (newConfig != null && !newConfig.equals(state.config)) {
      checkRoom(owner, newConfig.roomShared(), "config");
      verify(verifier, owner, newConfig, "config is not signed by the room owner");
      ConfigRules.checkOwn(newConfig);
      ConfigRules.checkSuccessor(state.config, newConfig);
    }
    RoomConfig config = RoomMerge.better(state.config, newConfig);
    if (config == null) {
      throw new RoomValidationException("the room has no configuration yet");
    }

    MemberGraph before = new MemberGraph(owner, state.members);
    List<AuthorizedMember> records = new ArrayList<AuthorizedMember>(state.members);
    List<AuthorizedMember> joins = new ArrayList<AuthorizedMember>();
    Map<String, AuthorizedMember> newByKey = new HashMap<String, AuthorizedMember>();
    for (AuthorizedMember m : delta.members) {
      if (known.contains(m)) {
        continue;
      }
      String k = UnsignedBytes.hex(m.memberShared());
      AuthorizedMember twin = newByKey.put(k, m);
      if (before.record(m.memberShared()) != null || (twin != null && !twin.equals(m))) {
        throw new RoomValidationException(
            "membership: "
                + UnsignedBytes.brief(m.memberShared())
                + " already has a place in this room, and a member's place is fixed");
      }
      records.add(m);
      joins.add(m);
    }
    MemberGraph graph = new MemberGraph(owner, records);
    Set<UserBan> allBans = new LinkedHashSet<UserBan>(state.bans);
    allBans.addAll(delta.bans);
    Set<String> effective = graph.effective(allBans);
    Map<String, Integer> reachable = graph.depths();

    for (AuthorizedMember m : joins) {
      checkRoom(owner, m.roomShared(), "membership");
      if (graph.isOwner(m.memberShared())) {
        throw new RoomValidationException("membership: the owner is never a member");
      }
      if (Arrays.equals(m.memberShared(), m.invitedByShared())) {
        throw new RoomValidationException("membership: a member cannot invite itself");
      }
      verify(verifier, m.invitedByShared(), m, "membership is not signed by its inviter");
      if (!reachable.containsKey(UnsignedBytes.hex(m.invitedByShared()))) {
        throw new RoomValidationException(
            "membership: inviter "
                + UnsignedBytes.brief(m.invitedByShared())
                + " has no chain to the owner");
      }
      if (!effective.contains(UnsignedBytes.hex(m.invitedByShared()))) {
        throw new RoomValidationException(
            "membership: inviter "
                + UnsignedBytes.brief(m.invitedByShared())
                + " is banned from this room");
      }
    }
    if (!joins.isEmpty() && effective.size() - 1 > config.maxMembers()) {
      throw new RoomValidationException(
          "membership: the room is full (at most " + config.maxMembers() + " members)");
    }

    // a ban's issuer is judged by the bans already in the room: a delta cannot disqualify its
    // own issuer (the kept check then refuses a ban that another ban in it made moot)
    Set<String> currentBefore = graph.effective(state.bans);
    int memberBansBefore = memberBans(owner, state.bans);
    boolean newMemberBan = false;
    for (UserBan b : delta.bans) {
      if (known.contains(b)) {
        continue;
      }
      checkRoom(owner, b.roomShared(), "ban");
      verify(verifier, b.bannedBy(), b, "ban is not signed by its issuer");
      String refusal =
          BanRule.refusal(graph, currentBefore, state.memberInfo, b.bannedBy(), b.bannedShared());
      if (refusal != null) {
        throw new RoomValidationException("ban: " + refusal);
      }
      newMemberBan |= !graph.isOwner(b.bannedBy());
    }
    if (newMemberBan && memberBans(owner, allBans) > Math.max(memberBansBefore, config.maxBans())) {
      throw new RoomValidationException(
          "ban: members may issue at most " + config.maxBans() + " bans in this room");
    }

    long newestVersion = state.secretVersion();
    if (newConfig != null) {
      newestVersion = Math.max(newestVersion, config.secretVersion());
    }
    for (SecretRotation r : delta.rotations) {
      if (known.contains(r)) {
        continue;
      }
      checkRotation(owner, config, state.secretVersion(), effective, verifier, r);
      newestVersion = Math.max(newestVersion, r.version());
    }
    if (newConfig != null && !newConfig.equals(state.config)) {
      // after a rotation the owner seals a new name with the new version, which the config's own
      // secret_version (the room's first) does not name
      checkSealing(newConfig, newestVersion, newConfig.name(), "room name");
      checkSealing(newConfig, newestVersion, newConfig.description(), "description");
    }

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
      if (i.names(i.memberShared())) {
        throw new RoomValidationException("member info: a member cannot be their own deputy");
      }
      if (i.nickname().plainLength() > config.maxNicknameBytes()) {
        throw new RoomValidationException(
            "member info: nickname longer than " + config.maxNicknameBytes() + " bytes");
      }
      checkSealing(config, newestVersion, i.nickname(), "nickname");
    }

    Map<String, RoomMessage> byId = new HashMap<String, RoomMessage>();
    for (RoomMessage m : state.messages) {
      byId.put(UnsignedBytes.hex(m.signatureShared()), m);
    }
    for (RoomMessage m : delta.messages) {
      byId.put(UnsignedBytes.hex(m.signatureShared()), m);
    }
    for (RoomMessage m : delta.messages) {
      if (known.contains(m)) {
        continue;
      }
      checkRoom(owner, m.roomShared(), "message");
      if (!effective.contains(UnsignedBytes.hex(m.authorShared()))) {
        throw new RoomValidationException(
            "message: author "
                + UnsignedBytes.brief(m.authorShared())
                + " is not a current member");
      }
      verify(verifier, m.authorShared(), m, "message is not signed by its author");
      if (m.time() > now && m.time() - now > MAX_FUTURE_MILLIS) {
        throw new RoomValidationException(
            "message: dated more than 5 minutes ahead of the node's clock");
      }
      if (m.contentSize() > config.maxMessageBytes()) {
        throw new RoomValidationException(
            "message: content is " + m.contentSize() + " bytes, limit " + config.maxMessageBytes());
      }
      checkSealing(config, newestVersion, m.content(), "message content");
      checkAction(m, m.target() == null ? null : byId.get(UnsignedBytes.hex(m.target())));
    }
    DmRules.check(owner, state, delta, known, effective, verifier, now);
  }

  private static void checkRotation(
      byte[] owner,
      RoomConfig config,
      long held,
      Set<String> effective,
      SignatureVerifier verifier,
      SecretRotation r) {
    checkRoom(owner, r.roomShared(), "secret rotation");
    if (!config.isPrivate()) {
      throw new RoomValidationException("secret rotation: only a private room has secrets");
    }
    verify(verifier, owner, r, "secret rotation is not signed by the room owner");
    if (r.version() <= held) {
      throw new RoomValidationException(
          "secret rotation: version " + r.version() + " is not above the room's " + held);
    }
    Set<String> seen = new HashSet<String>();
    for (SecretRotation.Wrap w : r.wraps()) {
      String k = UnsignedBytes.hex(w.member());
      if (!effective.contains(k)) {
        throw new RoomValidationException(
            "secret rotation: " + UnsignedBytes.brief(w.member()) + " is not a current member");
      }
      if (!seen.add(k)) {
        throw new RoomValidationException(
            "secret rotation: two wraps for " + UnsignedBytes.brief(w.member()));
      }
    }
    SealedBytes earlier = r.earlier();
    if (earlier != null
        && (!earlier.isPrivate()
            || earlier.secretVersion() != r.version()
            || earlier.plainLength() > SecretRotation.MAX_EARLIER_BYTES)) {
      throw new RoomValidationException(
          "secret rotation: earlier versions must be sealed under the new one, at most "
              + SecretRotation.MAX_EARLIER_BYTES
              + " bytes");
    }
  }

  /** Edit and delete change a post of their author; unreact withdraws a reaction of its author. */
  static void checkAction(RoomMessage action, RoomMessage target) {
    MessageKind kind = action.kind();
    if (target == null
        || (kind != MessageKind.EDIT
            && kind != MessageKind.DELETE
            && kind != MessageKind.UNREACT)) {
      return;
    }
    if (!Arrays.equals(target.authorShared(), action.authorShared())) {
      throw new RoomValidationException(
          "message: only its author may "
              + (kind == MessageKind.UNREACT
                  ? "withdraw a reaction"
                  : kind.wireName() + " a message"));
    }
    boolean post = target.kind() == MessageKind.TEXT || target.kind() == MessageKind.REPLY;
    if (kind == MessageKind.UNREACT ? target.kind() != MessageKind.REACT : !post) {
      throw new RoomValidationException(
          "message: " + kind.wireName() + " cannot target a " + target.kind().wireName());
    }
  }

  private static int memberBans(byte[] owner, Iterable<UserBan> bans) {
    int n = 0;
    for (UserBan b : bans) {
      if (!Arrays.equals(b.bannedBy(), owner)) {
        n++;
      }
    }
    return n;
  }

  /**
   * A private room takes only Private content of a known secret version (at most {@code newest},
   * the room's newest with this delta's rotations); a public one only Public content (the contract
   * cannot read either, so this is all it can enforce).
   */
  static void checkSealing(RoomConfig config, long newest, SealedBytes sealed, String what) {
    if (config.isPrivate() != sealed.isPrivate()) {
      throw new RoomValidationException(
          what
              + " must be "
              + (config.isPrivate() ? "private in a private room" : "public in a public room"));
    }
    if (sealed.isPrivate() && sealed.secretVersion() > newest) {
      throw new RoomValidationException(
          what + ": unknown secret version " + sealed.secretVersion());
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
