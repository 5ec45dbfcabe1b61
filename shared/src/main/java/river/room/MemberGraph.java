package river.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invitation tree of a room, computed from membership records: one record per member key, depth
 * from the owner (the owner is depth 0, implicit), chains, and the effective members once bans
 * apply (reachable from the owner without passing through a banned key: that is the ban cascade).
 * Keys are hex strings because Java arrays have identity equality.
 *
 * <p>Hazard: a key with two records takes the smaller encoded one, which could re-route its chain.
 * The validator never admits a second record for a key (a member's place is fixed), so only a state
 * that no node validated under that rule can hold two; the tie-break just keeps the merge
 * deterministic for such states.
 */
final class MemberGraph {
  private final String owner;
  private final Map<String, AuthorizedMember> byMember = new HashMap<String, AuthorizedMember>();
  private final Map<String, List<AuthorizedMember>> byInviter =
      new HashMap<String, List<AuthorizedMember>>();

  MemberGraph(byte[] owner, Collection<AuthorizedMember> records) {
    this.owner = UnsignedBytes.hex(owner);
    for (AuthorizedMember r : records) {
      String k = UnsignedBytes.hex(r.memberShared());
      AuthorizedMember old = byMember.get(k);
      if (old == null || UnsignedBytes.compare(r.encoded(), old.encoded()) < 0) {
        byMember.put(k, r);
      }
    }
    for (AuthorizedMember r : byMember.values()) {
      String inviter = UnsignedBytes.hex(r.invitedByShared());
      List<AuthorizedMember> l = byInviter.get(inviter);
      if (l == null) {
        l = new ArrayList<AuthorizedMember>();
        byInviter.put(inviter, l);
      }
      l.add(r);
    }
  }

  /** The chosen record of each member key. */
  Collection<AuthorizedMember> records() {
    return byMember.values();
  }

  AuthorizedMember record(byte[] member) {
    return byMember.get(UnsignedBytes.hex(member));
  }

  boolean isOwner(byte[] key) {
    return owner.equals(UnsignedBytes.hex(key));
  }

  /** Depth of every key reachable from the owner, bans ignored (owner: 0). */
  Map<String, Integer> depths() {
    return walk(new HashSet<String>());
  }

  /** Keys reachable from the owner without entering a banned key; includes the owner. */
  Set<String> effective(Collection<UserBan> bans) {
    return walk(bannedKeys(bans)).keySet();
  }

  static Set<String> bannedKeys(Collection<UserBan> bans) {
    Set<String> banned = new HashSet<String>();
    for (UserBan b : bans) {
      banned.add(UnsignedBytes.hex(b.bannedShared()));
    }
    return banned;
  }

  private Map<String, Integer> walk(Set<String> banned) {
    Map<String, Integer> depth = new HashMap<String, Integer>();
    // breadth first; a list read by index is the queue (ArrayDeque would cost the bundle ~0.5 KB)
    List<String> queue = new ArrayList<String>();
    depth.put(owner, 0);
    queue.add(owner);
    for (int next = 0; next < queue.size(); next++) {
      String k = queue.get(next);
      List<AuthorizedMember> invited = byInviter.get(k);
      if (invited == null) {
        continue;
      }
      for (AuthorizedMember r : invited) {
        String m = UnsignedBytes.hex(r.memberShared());
        if (!banned.contains(m) && !depth.containsKey(m)) {
          depth.put(m, depth.get(k) + 1);
          queue.add(m);
        }
      }
    }
    return depth;
  }

  /**
   * True when {@code ancestor} is on {@code member}'s chain above it (the owner always is for a
   * member whose chain reaches the owner). False when the chain is broken or cyclic.
   */
  boolean isAncestor(byte[] ancestor, byte[] member) {
    String target = UnsignedBytes.hex(ancestor);
    String k = UnsignedBytes.hex(member);
    Set<String> seen = new HashSet<String>();
    while (seen.add(k)) {
      AuthorizedMember r = byMember.get(k);
      if (r == null) {
        return false;
      }
      k = UnsignedBytes.hex(r.invitedByShared());
      if (k.equals(target)) {
        return true;
      }
      if (k.equals(owner)) {
        return false;
      }
    }
    return false;
  }
}
