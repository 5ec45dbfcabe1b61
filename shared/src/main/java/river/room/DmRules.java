package river.room;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract's rules for direct messages and their tombstones (part of {@link RoomValidator}). A
 * new direct message is bound to this room, from a current member to a different current member,
 * signed by its sender, dated at most {@link RoomValidator#MAX_FUTURE_MILLIS} ahead, each sealed
 * copy at most {@link DirectMessage#MAX_CIPHERTEXT_BYTES}, and one delta brings at most {@link
 * RoomMerge#MAX_DMS_PER_PAIR} for one (sender, recipient). A new tombstone is signed by its {@code
 * by}, who is a current member and the sender or recipient it names; when the DM it names is known,
 * the parties must be that DM's. What the merge would then drop (an older DM past the kept ones, a
 * DM already deleted) is refused by {@link RoomContract}.
 */
final class DmRules {
  private DmRules() {}

  static void check(
      byte[] owner,
      RoomState state,
      RoomDelta delta,
      Set<SignedItem> known,
      Set<String> effective,
      SignatureVerifier verifier,
      long now) {
    Map<String, Integer> perPair = new HashMap<String, Integer>();
    for (DirectMessage m : delta.directMessages) {
      if (known.contains(m)) {
        continue;
      }
      checkMessage(owner, effective, verifier, now, m);
      String pair = DirectMessages.pair(m.senderShared(), m.recipientShared());
      Integer n = perPair.get(pair);
      perPair.put(pair, n == null ? 1 : n + 1);
      if (perPair.get(pair) > RoomMerge.MAX_DMS_PER_PAIR) {
        throw new RoomValidationException(
            "direct message: more than "
                + RoomMerge.MAX_DMS_PER_PAIR
                + " at once from one member to another");
      }
    }
    for (DmDelete d : delta.dmDeletes) {
      if (known.contains(d)) {
        continue;
      }
      checkDelete(owner, effective, verifier, now, d);
      DirectMessage target = find(d.dmShared(), state.directMessages, delta.directMessages);
      if (target != null && !d.removes(target)) {
        throw new RoomValidationException(
            "dm delete: names other parties than the direct message it deletes");
      }
    }
  }

  private static void checkMessage(
      byte[] owner, Set<String> effective, SignatureVerifier verifier, long now, DirectMessage m) {
    if (!Arrays.equals(owner, m.roomShared())) {
      throw new RoomValidationException("direct message belongs to another room");
    }
    if (Arrays.equals(m.senderShared(), m.recipientShared())) {
      throw new RoomValidationException("direct message: sender and recipient are the same");
    }
    if (!effective.contains(UnsignedBytes.hex(m.senderShared()))) {
      throw new RoomValidationException(
          "direct message: sender "
              + UnsignedBytes.brief(m.senderShared())
              + " is not a current member");
    }
    if (!effective.contains(UnsignedBytes.hex(m.recipientShared()))) {
      throw new RoomValidationException(
          "direct message: recipient "
              + UnsignedBytes.brief(m.recipientShared())
              + " is not a current member");
    }
    if (!verifier.verify(m.senderShared(), m.signedBytes(), m.signatureShared())) {
      throw new RoomValidationException("direct message is not signed by its sender");
    }
    checkTime(now, m.time(), "direct message");
    int longest = Math.max(m.toRecipient().ciphertextLength(), m.toSender().ciphertextLength());
    if (longest > DirectMessage.MAX_CIPHERTEXT_BYTES) {
      throw new RoomValidationException(
          "direct message: a sealed copy is "
              + longest
              + " bytes, limit "
              + DirectMessage.MAX_CIPHERTEXT_BYTES);
    }
  }

  private static void checkDelete(
      byte[] owner, Set<String> effective, SignatureVerifier verifier, long now, DmDelete d) {
    if (!Arrays.equals(owner, d.roomShared())) {
      throw new RoomValidationException("dm delete belongs to another room");
    }
    if (!Arrays.equals(d.byShared(), d.senderShared())
        && !Arrays.equals(d.byShared(), d.recipientShared())) {
      throw new RoomValidationException(
          "dm delete: only the sender or the recipient may delete a direct message");
    }
    if (!effective.contains(UnsignedBytes.hex(d.byShared()))) {
      throw new RoomValidationException(
          "dm delete: " + UnsignedBytes.brief(d.byShared()) + " is not a current member");
    }
    if (!verifier.verify(d.byShared(), d.signedBytes(), d.signatureShared())) {
      throw new RoomValidationException("dm delete is not signed by its deleter");
    }
    checkTime(now, d.time(), "dm delete");
  }

  private static void checkTime(long now, long time, String what) {
    if (time > now && time - now > RoomValidator.MAX_FUTURE_MILLIS) {
      throw new RoomValidationException(
          what + ": dated more than 5 minutes ahead of the node's clock");
    }
  }

  private static DirectMessage find(
      byte[] id, List<DirectMessage> held, List<DirectMessage> incoming) {
    for (List<DirectMessage> list : Arrays.asList(held, incoming)) {
      for (DirectMessage m : list) {
        if (Arrays.equals(m.idShared(), id)) {
          return m;
        }
      }
    }
    return null;
  }

  /** RoomContract's check: every new DM and tombstone of the delta is in the merged state. */
  static void checkKept(RoomState before, RoomDelta delta, RoomState after) {
    for (DirectMessage m : delta.directMessages) {
      if (!after.directMessages.contains(m) && !before.directMessages.contains(m)) {
        boolean deleted = false;
        for (DmDelete d : after.dmDeletes) {
          deleted |= d.removes(m);
        }
        for (DmDelete d : delta.dmDeletes) {
          deleted |= d.removes(m);
        }
        throw new RoomValidationException(
            deleted
                ? "direct message: it was deleted"
                : "direct message: older than the direct messages this room keeps");
      }
    }
    for (DmDelete d : delta.dmDeletes) {
      if (!after.dmDeletes.contains(d) && !before.dmDeletes.contains(d)) {
        throw new RoomValidationException(
            "dm delete: older than the "
                + RoomMerge.KEPT_DM_DELETES
                + " newest deletes this member's tombstones keep");
      }
    }
  }
}
