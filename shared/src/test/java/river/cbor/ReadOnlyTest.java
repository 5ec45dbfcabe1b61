package river.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** On the JVM, where the tests run, a collection handed out read-only refuses every change. */
class ReadOnlyTest {
  @Test
  void everyViewRefusesChangesAndShowsTheCollection() {
    List<String> list = new ArrayList<>(List.of("a"));
    Map<String, String> map = new HashMap<>(Map.of("k", "v"));
    SortedMap<String, String> sorted = new TreeMap<>(map);
    SortedSet<String> set = new TreeSet<>(list);
    assertThrows(UnsupportedOperationException.class, () -> ReadOnly.list(list).add("b"));
    assertThrows(UnsupportedOperationException.class, () -> ReadOnly.map(map).put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> ReadOnly.sortedMap(sorted).remove("k"));
    assertThrows(UnsupportedOperationException.class, () -> ReadOnly.sortedSet(set).clear());
    list.add("b");
    assertEquals(List.of("a", "b"), ReadOnly.list(list), "a view, not a copy");
  }
}
