package river.identity;

import static org.junit.jupiter.api.Assertions.*;
import static river.identity.IdentityFixtures.*;

import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomDataMerge;

/** One test per row of the ImportPlan table. */
class ImportPlanTest {
  @Test
  void aRoomTheProfileDoesNotHoldIsJoinedWithTheBlocksIdentity() {
    ImportPlan p = ImportPlan.decide(null, bobBlock(), 5000);
    assertEquals(ImportPlan.Kind.NEW, p.kind());
    assertEquals(Bytes.of(BOB), p.toJoin().verifyingKey());
    assertEquals(5000, p.toJoin().identityGeneration());
    assertEquals("bob", p.toJoin().nickname());
  }

  @Test
  void theSameIdentityIsNothingToDo() {
    ImportPlan p = ImportPlan.decide(held(BOB, BOB_MEMBERSHIP, 10), bobBlock(), 5000);
    assertEquals(ImportPlan.Kind.SAME_IDENTITY, p.kind());
    assertNull(p.toJoin());
  }

  @Test
  void anotherIdentityIsReplacedAfterAskingAndWinsEveryMergeWithTheOldOne() {
    RoomData alice = held(ALICE, ALICE_MEMBERSHIP, 9000); // generation above the clock
    ImportPlan p = ImportPlan.decide(alice, bobBlock(), 5000);
    assertEquals(ImportPlan.Kind.REPLACES_EXISTING, p.kind());
    assertEquals(9001, p.toJoin().identityGeneration(), "above the held generation");
    assertEquals(Bytes.of(BOB), RoomDataMerge.merge(alice, p.toJoin()).verifyingKey());
    assertEquals(Bytes.of(BOB), RoomDataMerge.merge(p.toJoin(), alice).verifyingKey());
    assertEquals("bob", RoomDataMerge.merge(alice, p.toJoin()).nickname());
    assertEquals(alice.lastRead(), p.toJoin().lastRead(), "the reading position stays");
  }

  @Test
  void theGenerationIsAtLeastTheClock() {
    ImportPlan p = ImportPlan.decide(held(ALICE, ALICE_MEMBERSHIP, 3), bobBlock(), 5000);
    assertEquals(5000, p.toJoin().identityGeneration());
  }

  @Test
  void theOwnersKeyIsNeverReplaced() {
    ImportPlan p = ImportPlan.decide(held(OWNER, null, 1), bobBlock(), 5000);
    assertEquals(ImportPlan.Kind.REFUSED, p.kind());
    assertEquals(IdentityRefusal.OWNER_HELD, p.refusal());
    assertNull(p.toJoin());
  }

  @Test
  void theOwnersOwnBlockOverTheOwnerIsTheSameIdentity() {
    assertEquals(
        ImportPlan.Kind.SAME_IDENTITY,
        ImportPlan.decide(held(OWNER, null, 1), ownerBlock(), 5000).kind());
  }
}
