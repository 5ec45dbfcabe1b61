package river.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import river.wire.CasStoreResult;
import river.wire.UnitResult;

/** One test per CAS rule. */
class CasRuleTest {
  static final byte[] NEW = {9, 9};

  @Test
  void absentKeyWithExpectedZeroStoresAtOne() {
    CasDecision d = CasRule.casStore(null, 0, NEW);
    assertEquals(CasDecision.Kind.STORED, d.kind());
    assertEquals(1, d.generation());
    assertArrayEquals(Envelope.wrap(1, NEW), d.bytesToStore());
  }

  @Test
  void absentKeyWithExpectedNonZeroConflictsAtZeroWithNoValue() {
    CasDecision d = CasRule.casStore(null, 3, NEW);
    assertEquals(CasDecision.Kind.CONFLICT, d.kind());
    assertEquals(0, d.generation());
    assertNull(d.currentValue());
    assertEquals(new CasStoreResult.Conflict(0, null), d.toCasStoreResult());
  }

  @Test
  void matchingGenerationStoresAtNext() {
    CasDecision d = CasRule.casStore(Envelope.wrap(4, new byte[] {1}), 4, NEW);
    assertEquals(CasDecision.Kind.STORED, d.kind());
    assertEquals(5, d.generation());
    assertEquals(new CasStoreResult.Stored(5), d.toCasStoreResult());
  }

  @Test
  void staleGenerationConflictsWithCurrentGenerationAndData() {
    CasDecision d = CasRule.casStore(Envelope.wrap(4, new byte[] {1}), 3, NEW);
    assertEquals(CasDecision.Kind.CONFLICT, d.kind());
    assertEquals(4, d.generation());
    assertArrayEquals(new byte[] {1}, d.currentValue());
    assertThrows(IllegalStateException.class, d::bytesToStore);
  }

  @Test
  void legacyRawValueCountsAsGenerationZero() {
    byte[] raw = {(byte) 0xa0};
    assertEquals(CasDecision.Kind.STORED, CasRule.casStore(raw, 0, NEW).kind());
    CasDecision c = CasRule.casStore(raw, 1, NEW);
    assertEquals(0, c.generation());
    assertArrayEquals(raw, c.currentValue());
  }

  @Test
  void generationsAboveSignedRangeCompareAsEqualBits() {
    long g = 0x8000000000000000L; // 2^63
    CasDecision d = CasRule.casStore(Envelope.wrap(g, NEW), g, NEW);
    assertEquals(g + 1, d.generation());
  }

  @Test
  void lastGenerationBeforeMaxStillStores() {
    CasDecision d = CasRule.casStore(Envelope.wrap(-2L, NEW), -2L, NEW);
    assertEquals(CasDecision.Kind.STORED, d.kind());
    assertEquals(-1L, d.generation());
  }

  @Test
  void maxGenerationRefusesInsteadOfWrappingToZero() {
    CasDecision d = CasRule.casStore(Envelope.wrap(-1L, NEW), -1L, NEW);
    assertEquals(CasDecision.Kind.FAILED, d.kind());
    assertTrue(d.message().contains("exhausted"));
    assertTrue(d.toCasStoreResult() instanceof CasStoreResult.Failed);
  }

  @Test
  void blindStoreWritesOnePastCurrent() {
    CasDecision d = CasRule.blindStore(Envelope.wrap(8, new byte[] {1}), NEW);
    assertEquals(9, d.generation());
    assertArrayEquals(Envelope.wrap(9, NEW), d.bytesToStore());
    assertEquals(UnitResult.OK, d.toStoreResult());
  }

  @Test
  void blindStoreOnAbsentKeyWritesGenerationOne() {
    assertEquals(1, CasRule.blindStore(null, NEW).generation());
  }

  @Test
  void blindStoreAtMaxGenerationFails() {
    CasDecision d = CasRule.blindStore(Envelope.wrap(-1L, NEW), NEW);
    assertEquals(CasDecision.Kind.FAILED, d.kind());
    assertTrue(!d.toStoreResult().isOk());
  }

  @Test
  void emptyDataIsStoredAsHeaderOnly() {
    assertEquals(
        Envelope.HEADER_SIZE, CasRule.casStore(null, 0, new byte[0]).bytesToStore().length);
  }
}
