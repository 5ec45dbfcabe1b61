package river.wire;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of how many values a ListValues answer carries, and the shapes it refuses. */
class ListValuesResponseTest {
  private static final List<byte[]> KEYS = List.of(new byte[4], new byte[6], new byte[10]); // 20
  private static final List<byte[]> VALUES = Arrays.asList(new byte[100], null, new byte[50]);
  private static final long[] GENERATIONS = {7, 0, 9};

  private static int valued(long maxBytes) {
    return ListValuesResponse.fitting(KEYS, VALUES, GENERATIONS, maxBytes).valued();
  }

  @Test
  void aBudgetThatHoldsEverythingCarriesEveryValue() {
    assertEquals(3, valued(20 + 109 + 9 + 59));
    assertEquals(3, valued(-1L), "u64 max");
  }

  @Test
  void aValueIsCarriedOnlyWhenItFitsWholeAndTheRestStop() {
    assertEquals(2, valued(20 + 109 + 9 + 58), "one byte short of the last value");
    assertEquals(2, valued(20 + 109 + 9), "an absent value still takes its 9");
    assertEquals(1, valued(20 + 109 + 8));
    assertEquals(1, valued(20 + 109));
    assertEquals(0, valued(20 + 108));
  }

  @Test
  void keysOverTheBudgetAloneCarryNoValueButAreAllListed() {
    ListValuesResponse r = ListValuesResponse.fitting(KEYS, VALUES, GENERATIONS, 10);
    assertEquals(0, r.valued());
    assertEquals(3, r.listed().keys().size());
    assertEquals(0, valued(0));
  }

  @Test
  void onlyTheValuesReadCanBeCarried() {
    ListValuesResponse r =
        ListValuesResponse.fitting(KEYS, VALUES.subList(0, 1), new long[] {7}, -1L);
    assertEquals(1, r.valued());
    assertEquals(7, r.valuedPart().generation(0));
    assertArrayEquals(new byte[4], r.valuedPart().key(0));
  }

  @Test
  void moreValuesThanKeysOrUnpairedGenerationsAreMalformed() {
    assertThrows(
        WireException.class,
        () -> new ListValuesResponse(KEYS.subList(0, 1), VALUES.subList(0, 2), new long[2]));
    assertThrows(
        WireException.class, () -> new ListValuesResponse(KEYS, VALUES, new long[] {1, 2}));
  }

  @Test
  void aNodeServesTheAskedBudgetUpToItsCap() {
    assertEquals(1000, ListValuesResponse.capped(1000, 768 * 1024));
    assertEquals(768 * 1024, ListValuesResponse.capped(768 * 1024, 768 * 1024));
    assertEquals(768 * 1024, ListValuesResponse.capped(768 * 1024 + 1, 768 * 1024));
    assertEquals(768 * 1024, ListValuesResponse.capped(-1L, 768 * 1024), "u64 max");
    assertEquals(0, ListValuesResponse.capped(0, 768 * 1024));
  }

  @Test
  void aTotalPassesABudgetOnlyWhenLarger() {
    assertFalse(ListValuesResponse.over(100, 100));
    assertTrue(ListValuesResponse.over(101, 100));
    assertFalse(ListValuesResponse.over(Long.MAX_VALUE, -1L), "a budget of 2^63 or more");
    assertEquals(20, ListValuesResponse.keysCost(KEYS));
    assertEquals(9, ListValuesResponse.valueCost(null));
    assertEquals(109, ListValuesResponse.valueCost(new byte[100]));
  }
}
