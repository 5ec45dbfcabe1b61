package river.room;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may ban whom: the one rule the validator applies to a new ban and the member list asks before
 * offering one. The issuer must be a current member and the target a member, not the owner, and the
 * issuer must be either
 *
 * <ul>
 *   <li>up the target's invitation chain (the owner is, for everyone), or
 *   <li>a deputy: named in the newest info of a current member who is up that chain (upstream
 *       #410). Naming is not passed on: a deputy's own deputies act only below the deputy.
 * </ul>
 *
 * A ban also removes everyone the target invited, directly or not, so it is refused when the issuer
 * is the target or among them: no ban removes its own issuer (upstream #484).
 *
 * <p>Hazard: the lists are read from the room as it was before the delta, like the issuer's
 * membership, so one delta cannot name a deputy and use them; and a ban accepted while a naming
 * stood stays when the naming is withdrawn (items a room holds are never judged again).
 */
final class BanRule {
  private BanRule() {}

  /**
   * Null when {@code issuer} may ban {@code target}; else why not, for programs. {@code current}
   * holds the current members' hex keys (the owner included); {@code infos} the member infos.
   */
  static String refusal(
      MemberGraph graph,
      Set<String> current,
      Collection<MemberInfo> infos,
      byte[] issuer,
      byte[] target) {
    if (graph.isOwner(target)) {
      return "the owner cannot be banned";
    }
    if (graph.record(target) == null) {
      return UnsignedBytes.brief(target) + " is not a member of this room";
    }
    if (!current.contains(UnsignedBytes.hex(issuer))) {
      return "the issuer is not a current member";
    }
    if (UnsignedBytes.compare(issuer, target) == 0 || graph.isAncestor(target, issuer)) {
      return "the ban would remove its own issuer";
    }
    if (graph.isOwner(issuer) || graph.isAncestor(issuer, target)) {
      return null;
    }
    for (MemberInfo info : newest(infos).values()) {
      byte[] namer = info.memberShared();
      if (info.names(issuer)
          && current.contains(UnsignedBytes.hex(namer))
          && (graph.isOwner(namer) || graph.isAncestor(namer, target))) {
        return null;
      }
    }
    return "only the owner, an inviter up the banned member's chain, or a deputy one of them named"
        + " may ban";
  }

  /** Each member's newest info (a held room has one each; a delta may bring more). */
  private static Map<String, MemberInfo> newest(Collection<MemberInfo> infos) {
    Map<String, MemberInfo> out = new HashMap<String, MemberInfo>();
    for (MemberInfo i : infos) {
      String k = UnsignedBytes.hex(i.memberShared());
      if (i.replaces(out.get(k))) {
        out.put(k, i);
      }
    }
    return out;
  }
}
