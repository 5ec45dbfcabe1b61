package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;

/** One test per row of the DESIGN "Saving" step 4 truth table. */
class ReconcileTest {
  private final RoomData local = room(1, 2).withRead(new LastRead(5, Bytes.ofInts(5)));
  private final RoomSlot holds = RoomSlot.present(local);

  @Test
  void absentAndHoldsWritesPresentLocal() {
    assertEquals(ReconcileDecision.write(holds), Reconcile.decide(StoredSlot.ABSENT, holds, false));
  }

  @Test
  void presentAndHoldsWritesTheMerge() {
    RoomData stored = room(1, 3).withRead(new LastRead(2, Bytes.ofInts(2)));
    ReconcileDecision d = Reconcile.decide(StoredSlot.of(RoomSlot.present(stored)), holds, false);
    assertEquals(ReconcileDecision.Kind.WRITE, d.kind());
    assertEquals(3, d.slot().data().identityGeneration());
    assertEquals(5, d.slot().data().lastRead().position());
  }

  @Test
  void tombstoneAndHoldsWithRejoinOverwritesWithPresentLocal() {
    assertEquals(
        ReconcileDecision.write(holds), Reconcile.decide(StoredSlot.TOMBSTONE, holds, true));
  }

  @Test
  void tombstoneAndHoldsWithoutRejoinAdoptsTheLeave() {
    assertEquals(
        ReconcileDecision.ADOPT_LEAVE, Reconcile.decide(StoredSlot.TOMBSTONE, holds, false));
  }

  @Test
  void pendingLeaveWritesTombstoneWhateverIsStored() {
    ReconcileDecision tomb = ReconcileDecision.write(RoomSlot.TOMBSTONE);
    assertEquals(tomb, Reconcile.decide(StoredSlot.ABSENT, RoomSlot.TOMBSTONE, false));
    assertEquals(tomb, Reconcile.decide(StoredSlot.of(holds), RoomSlot.TOMBSTONE, false));
    assertEquals(tomb, Reconcile.decide(StoredSlot.TOMBSTONE, RoomSlot.TOMBSTONE, false));
    assertEquals(tomb, Reconcile.decide(StoredSlot.of(holds), RoomSlot.TOMBSTONE, true));
  }

  @Test
  void unparseableIsNeverOverwrittenEvenByALeave() {
    StoredSlot bad = StoredSlot.unparseable("boom");
    assertEquals(
        ReconcileDecision.Kind.SKIP_UNPARSEABLE, Reconcile.decide(bad, holds, true).kind());
    assertEquals(
        ReconcileDecision.Kind.SKIP_UNPARSEABLE,
        Reconcile.decide(bad, RoomSlot.TOMBSTONE, false).kind());
    assertEquals("boom", Reconcile.decide(bad, holds, false).error());
  }

  @Test
  void storedSlotDecodeMapsBadBytesToUnparseable() {
    CborRoomsCodec codec = new CborRoomsCodec();
    assertEquals(StoredSlot.Kind.ABSENT, StoredSlot.decode(codec, null).kind());
    assertEquals(
        StoredSlot.Kind.UNPARSEABLE, StoredSlot.decode(codec, new byte[] {(byte) 0xff}).kind());
    assertEquals(
        StoredSlot.Kind.TOMBSTONE,
        StoredSlot.decode(codec, codec.encodeSlot(RoomSlot.TOMBSTONE)).kind());
    assertEquals(StoredSlot.Kind.PRESENT, StoredSlot.decode(codec, codec.encodeSlot(holds)).kind());
  }
}
