package river.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A duplicate map key is refused whether the map is small (compared one by one) or big (set). */
class MapKeysTest {

  /** Adds keys 0..n-1 (as text "k0"...) through MapKeys, the way the builder and decoder do. */
  private static MapKeys filled(List<CborEntry> entries, int n) {
    MapKeys keys = new MapKeys(entries);
    for (int i = 0; i < n; i++) {
      CborItem k = CborItem.text("k" + i);
      assertTrue(keys.add(k), "k" + i + " is new");
      entries.add(new CborEntry(k, CborItem.uint(i)));
    }
    return keys;
  }

  @Test
  void duplicateFoundBelowAndPastTheLinearLimit() {
    for (int n : new int[] {1, 5, MapKeys.LINEAR_MAX - 1, MapKeys.LINEAR_MAX, 30}) {
      List<CborEntry> entries = new ArrayList<>();
      MapKeys keys = filled(entries, n);
      for (int i = 0; i < n; i++) {
        assertFalse(keys.add(CborItem.text("k" + i)), "k" + i + " again, map of " + n);
      }
      assertTrue(keys.add(CborItem.text("other")), "a new key in a map of " + n);
    }
  }

  @Test
  void keysOfDifferentKindsAreDifferent() {
    List<CborEntry> entries = new ArrayList<>();
    MapKeys keys = new MapKeys(entries);
    assertTrue(keys.add(CborItem.uint(1)));
    entries.add(new CborEntry(CborItem.uint(1), CborItem.NULL));
    assertTrue(keys.add(CborItem.text("1")));
    assertTrue(keys.add(CborItem.integer(-1)));
    assertFalse(keys.add(CborItem.uint(1)));
  }

  @Test
  void decoderAndBuilderRefuseALateDuplicateInABigMap() {
    CborMap.Builder b = CborMap.builder();
    for (int i = 0; i < 20; i++) {
      b.put("k" + i, CborItem.uint(i));
    }
    assertThrows(IllegalArgumentException.class, () -> b.put("k3", CborItem.NULL));
    List<CborEntry> es = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      es.add(new CborEntry(CborItem.text("k" + i), CborItem.uint(i)));
    }
    byte[] ok = Cbor.encode(CborItem.map(es));
    assertEquals(20, Cbor.decode(ok).entries().size());
    // the same bytes with the last key renamed to k3: a duplicate 17 entries after the first
    byte[] dup = Cbor.encode(CborItem.map(es.subList(0, 19)));
    byte[] tail = Cbor.encode(CborItem.text("k3"));
    byte[] value = Cbor.encode(CborItem.uint(19));
    byte[] bad = new byte[dup.length + tail.length + value.length];
    System.arraycopy(dup, 0, bad, 0, dup.length);
    bad[0] = (byte) (0xa0 | 20); // map of 20 entries (19 written, then the duplicate)
    System.arraycopy(tail, 0, bad, dup.length, tail.length);
    System.arraycopy(value, 0, bad, dup.length + tail.length, value.length);
    CborException e = assertThrows(CborException.class, () -> Cbor.decode(bad));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CborItem.map(List.of(es.get(0), es.get(1), es.get(0))));
  }
}
