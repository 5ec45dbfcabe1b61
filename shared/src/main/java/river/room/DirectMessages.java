package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge's cleanup of direct messages and their tombstones (part of {@link RoomMerge}): a pure
 * function of the union of items and the current members, so replicas that saw items in any order
 * agree. Tombstones: bound to this room, signed-for by a party of the DM ({@code by} is its sender
 * or recipient) who is a current member, the newest {@link RoomMerge#KEPT_DM_DELETES} per deleting
 * member. DMs: bound to this room, between two different current members, not removed by any
 * tombstone of the union that passed those checks, then the newest {@link
 * RoomMerge#MAX_DMS_PER_PAIR} per (sender, recipient) and of those the newest {@link
 * RoomMerge#MAX_DIRECT_MESSAGES}. Both lists come out oldest first by (time, id).
 */
final class DirectMessages {
  private DirectMessages() {}

  static final Comparator<DirectMessage> NEWEST_FIRST =
      new Comparator<DirectMessage>() {
        @Override
        public int compare(DirectMessage a, DirectMessage b) {
          return DirectMessage.compareNewestFirst(a, b);
        }
      };

  static final Comparator<DmDelete> DELETES_NEWEST_FIRST =
      new Comparator<DmDelete>() {
        @Override
        public int compare(DmDelete a, DmDelete b) {
          if (a.time() != b.time()) {
            return a.time() > b.time() ? -1 : 1;
          }
          return UnsignedBytes.compare(a.encoded(), b.encoded());
        }
      };

  /** True when {@code d} is a tombstone the room can hold at all (before the per-member bound). */
  static boolean isValidDelete(byte[] owner, Set<String> effective, DmDelete d) {
    return Arrays.equals(d.roomShared(), owner)
        && (Arrays.equals(d.byShared(), d.senderShared())
            || Arrays.equals(d.byShared(), d.recipientShared()))
        && effective.contains(UnsignedBytes.hex(d.byShared()));
  }

  static List<DmDelete> keptDeletes(byte[] owner, Set<String> effective, List<DmDelete> all) {
    List<DmDelete> valid = new ArrayList<DmDelete>();
    for (DmDelete d : distinct(all)) {
      if (isValidDelete(owner, effective, d)) {
        valid.add(d);
      }
    }
    Collections.sort(valid, DELETES_NEWEST_FIRST);
    Map<String, Integer> perMember = new HashMap<String, Integer>();
    List<DmDelete> kept = new ArrayList<DmDelete>();
    for (DmDelete d : valid) {
      if (bump(perMember, UnsignedBytes.hex(d.byShared())) <= RoomMerge.KEPT_DM_DELETES) {
        kept.add(d);
      }
    }
    Collections.reverse(kept);
    return kept;
  }

  static List<DirectMessage> kept(
      byte[] owner, Set<String> effective, List<DirectMessage> all, List<DmDelete> allDeletes) {
    Set<String> removed = new java.util.HashSet<String>();
    for (DmDelete d : allDeletes) {
      if (isValidDelete(owner, effective, d)) {
        removed.add(partiesAndId(d.senderShared(), d.recipientShared(), d.dmShared()));
      }
    }
    List<DirectMessage> candidates = new ArrayList<DirectMessage>();
    for (DirectMessage m : distinct(all)) {
      if (Arrays.equals(m.roomShared(), owner)
          && !Arrays.equals(m.senderShared(), m.recipientShared())
          && effective.contains(UnsignedBytes.hex(m.senderShared()))
          && effective.contains(UnsignedBytes.hex(m.recipientShared()))
          && !removed.contains(partiesAndId(m.senderShared(), m.recipientShared(), m.idShared()))) {
        candidates.add(m);
      }
    }
    Collections.sort(candidates, NEWEST_FIRST);
    Map<String, Integer> perPair = new HashMap<String, Integer>();
    List<DirectMessage> kept = new ArrayList<DirectMessage>();
    for (DirectMessage m : candidates) {
      if (kept.size() == RoomMerge.MAX_DIRECT_MESSAGES) {
        break;
      }
      if (bump(perPair, pair(m.senderShared(), m.recipientShared()))
          <= RoomMerge.MAX_DMS_PER_PAIR) {
        kept.add(m);
      }
    }
    Collections.reverse(kept);
    return kept;
  }

  /** The map key of an ordered (sender, recipient) pair. */
  static String pair(byte[] sender, byte[] recipient) {
    return UnsignedBytes.hex(sender) + ">" + UnsignedBytes.hex(recipient);
  }

  private static String partiesAndId(byte[] sender, byte[] recipient, byte[] id) {
    return pair(sender, recipient) + "#" + UnsignedBytes.hex(id);
  }

  private static int bump(Map<String, Integer> counts, String key) {
    Integer n = counts.get(key);
    int next = n == null ? 1 : n + 1;
    counts.put(key, next);
    return next;
  }

  private static <T> Collection<T> distinct(List<T> items) {
    return new LinkedHashSet<T>(items);
  }
}
