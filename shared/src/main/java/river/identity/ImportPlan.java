package river.identity;

import river.rooms.RoomData;

/**
 * What importing an identity block does to a profile that may already hold an identity in the
 * block's room. One row per case:
 *
 * <pre>
 * profile holds in the room                | decision
 * nothing (never joined, or left)          | NEW: join with the block's identity
 * the block's identity (same verifying key)| SAME_IDENTITY: nothing to do
 * the room's owner key, block is not it    | REFUSED (OWNER_HELD): the owner key would be lost
 * another identity                         | REPLACES_EXISTING: ask the user first, then join
 * </pre>
 *
 * The imported identity's generation is above the held one's and at least the clock's now, so the
 * identity merge ({@link river.rooms.RoomDataMerge}: the newer generation wins the whole identity)
 * keeps it against any tab still saving the old identity; a stale tab can never revert it.
 */
public final class ImportPlan {
  public enum Kind {
    NEW,
    SAME_IDENTITY,
    REPLACES_EXISTING,
    REFUSED
  }

  private final Kind kind;
  private final RoomData toJoin;
  private final IdentityRefusal refusal;

  private ImportPlan(Kind kind, RoomData toJoin, IdentityRefusal refusal) {
    this.kind = kind;
    this.toJoin = toJoin;
    this.refusal = refusal;
  }

  /**
   * @param held the profile's RoomData for the block's room, or null when it holds none
   * @param nowMillis the clock (identity generations of new identities are join times)
   */
  public static ImportPlan decide(RoomData held, IdentityBlock block, long nowMillis) {
    if (held == null) {
      return new ImportPlan(Kind.NEW, block.toRoomData(nowMillis), null);
    }
    if (held.verifyingKey().equals(block.verifyingKey())) {
      return new ImportPlan(Kind.SAME_IDENTITY, null, null);
    }
    if (held.verifyingKey().equals(held.owner().bytes())) {
      return new ImportPlan(Kind.REFUSED, null, IdentityRefusal.OWNER_HELD);
    }
    long generation = Math.max(nowMillis, held.identityGeneration() + 1);
    RoomData joined = block.toRoomData(generation);
    // The name is the imported member's: one version above the held one so the merge keeps it.
    // The reading position stays the profile's (last-read only moves forward anyway).
    joined =
        joined.toBuilder()
            .nicknameVersion(Math.max(joined.nicknameVersion(), held.nicknameVersion() + 1))
            .lastRead(held.lastRead())
            .build();
    return new ImportPlan(Kind.REPLACES_EXISTING, joined, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The RoomData to join with (NEW and REPLACES_EXISTING), else null. */
  public RoomData toJoin() {
    return toJoin;
  }

  /** Why it was refused (REFUSED), else null. */
  public IdentityRefusal refusal() {
    return refusal;
  }
}
