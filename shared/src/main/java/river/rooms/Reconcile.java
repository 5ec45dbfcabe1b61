package river.rooms;

/**
 * The reconcile truth table of DESIGN "Saving" step 4, as one pure function. Given what the store
 * holds for a room and what this tab wants for it (hold it with some data, or a leave not yet
 * written), decide what to write.
 *
 * <pre>
 * stored       | this tab                                   | decision
 * unparseable  | anything                                   | do not write, report
 * anything     | pending leave                              | write Tombstone
 * absent       | holds                                      | write Present(local)
 * Present      | holds                                      | write Present(merge(local, stored))
 * Tombstone    | holds, rejoined in this session            | write Present(local)
 * Tombstone    | holds, no rejoin (a background update)     | adopt the leave, do not write
 * </pre>
 *
 * Unparseable is checked before the pending leave on purpose: bytes we cannot read may be a newer
 * client's slot, and overwriting them would destroy data we cannot see.
 */
public final class Reconcile {
  private Reconcile() {}

  /**
   * @param stored what the last read found
   * @param local the slot this tab wants: Present(its data) or Tombstone (a pending leave)
   * @param rejoined whether the user explicitly (re)joined this room in this tab this session
   */
  public static ReconcileDecision decide(StoredSlot stored, RoomSlot local, boolean rejoined) {
    if (stored.kind() == StoredSlot.Kind.UNPARSEABLE) {
      return ReconcileDecision.skipUnparseable(stored.error());
    }
    if (local.isTombstone()) {
      return ReconcileDecision.write(RoomSlot.TOMBSTONE);
    }
    switch (stored.kind()) {
      case ABSENT:
        return ReconcileDecision.write(local);
      case PRESENT:
        return ReconcileDecision.write(
            RoomSlot.present(RoomDataMerge.merge(local.data(), stored.slot().data())));
      case TOMBSTONE:
        return rejoined ? ReconcileDecision.write(local) : ReconcileDecision.ADOPT_LEAVE;
      default:
        throw new IllegalStateException("unhandled stored kind " + stored.kind());
    }
  }
}
