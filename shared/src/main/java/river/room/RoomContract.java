package river.room;

import java.util.HashSet;
import java.util.Set;

/**
 * The room contract as pure functions over bytes, what the node runs for Put and Update: decode,
 * validate against the current state ({@link RoomValidator}), merge ({@link RoomMerge}), then make
 * sure the merge kept every new item of the update: the node never answers ok for content it
 * dropped (a message older than the room's kept history, a member info or config older than the one
 * held, a second ban of a banned member, a secret rotation that is not the newest, a direct message
 * already deleted or older than the kept ones). The contract key is the owner's 32-byte verifying
 * key; {@code now} is the node's clock in epoch ms (messages dated more than five minutes after it
 * are refused). Everything refused is a {@link RoomValidationException} and leaves the given state
 * as it was (states are immutable).
 */
public final class RoomContract {
  public static final int KEY_BYTES = 32;

  private RoomContract() {}

  /**
   * Put: {@code stateBytes} (RoomDelta shape, config required) merged into {@code current} (the
   * empty room for a new contract).
   */
  public static RoomState put(
      RoomState current, byte[] stateBytes, SignatureVerifier verifier, long now) {
    RoomDelta delta = RoomDelta.decode(stateBytes);
    if (delta.config == null) {
      throw new RoomValidationException("a room state needs a configuration");
    }
    return apply(current, delta, verifier, now);
  }

  /** Update: a delta merged into an existing room. */
  public static RoomState update(
      RoomState current, byte[] deltaBytes, SignatureVerifier verifier, long now) {
    if (current.config == null) {
      throw new RoomValidationException("no such room: put its state first");
    }
    return apply(current, RoomDelta.decode(deltaBytes), verifier, now);
  }

  public static RoomState apply(
      RoomState current, RoomDelta delta, SignatureVerifier verifier, long now) {
    RoomValidator.validate(current, delta, verifier, now);
    RoomState next = RoomMerge.merge(current, delta);
    checkKept(current, delta, next);
    return next;
  }

  private static void checkKept(RoomState before, RoomDelta delta, RoomState after) {
    if (delta.config != null
        && !delta.config.equals(before.config)
        && !delta.config.equals(after.config)) {
      throw new RoomValidationException(
          "config: a newer version of the room settings is already"
              + " there (version "
              + after.config.version()
              + ")");
    }
    Set<SignedItem> held = new HashSet<SignedItem>();
    held.addAll(before.members);
    held.addAll(before.bans);
    held.addAll(before.memberInfo);
    held.addAll(before.messages);
    held.addAll(before.rotations);
    Set<SignedItem> kept = new HashSet<SignedItem>();
    kept.addAll(after.members);
    kept.addAll(after.bans);
    kept.addAll(after.memberInfo);
    kept.addAll(after.messages);
    kept.addAll(after.rotations);
    for (AuthorizedMember m : delta.members) {
      if (!kept.contains(m) && !held.contains(m)) {
        throw new RoomValidationException(
            "membership: "
                + UnsignedBytes.brief(m.memberShared())
                + " would not stay in the room (removed by a ban)");
      }
    }
    for (UserBan b : delta.bans) {
      if (!kept.contains(b) && !held.contains(b)) {
        throw new RoomValidationException(
            "ban: " + UnsignedBytes.brief(b.bannedShared()) + " is already banned");
      }
    }
    for (MemberInfo i : delta.memberInfo) {
      if (!kept.contains(i) && !held.contains(i)) {
        throw new RoomValidationException("member info: a newer version is already there");
      }
    }
    for (SecretRotation r : delta.rotations) {
      if (!kept.contains(r) && !held.contains(r)) {
        throw new RoomValidationException(
            "secret rotation: version " + r.version() + " is not the newest");
      }
    }
    for (RoomMessage m : delta.messages) {
      if (!kept.contains(m) && !held.contains(m)) {
        throw new RoomValidationException(
            "message: older than the "
                + after.config.maxRecentMessages()
                + " newest messages this room keeps");
      }
    }
    DmRules.checkKept(before, delta, after);
  }
}
