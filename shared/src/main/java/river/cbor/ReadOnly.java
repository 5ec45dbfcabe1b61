package river.cbor;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Read-only views of the collections a value hands out, on the JVM only. There, where every test
 * and the node run, a caller that changes a list or map it was handed fails at once. The browser
 * build leaves the views out (J2CL's unmodifiable wrappers cost the bundle about 1 KB gzip, issue
 * 18) and hands out the collection itself, so nothing the app decides may depend on a view. Hazard:
 * code that changes a collection it was handed passes in the browser and fails only in a JVM test;
 * the tests of shared code, which all run on the JVM, are what stand guard.
 */
public class ReadOnly {
  private static ReadOnly views = new ReadOnly();

  /** Runs after {@link #views} is set (textual order): the JVM's views replace the plain ones. */
  @GwtIncompatible private static final boolean ON_THE_JVM = installJvmViews();

  ReadOnly() {}

  public static <T> List<T> list(List<T> list) {
    return views.ofList(list);
  }

  public static <K, V> Map<K, V> map(Map<K, V> map) {
    return views.ofMap(map);
  }

  public static <K, V> SortedMap<K, V> sortedMap(SortedMap<K, V> map) {
    return views.ofSortedMap(map);
  }

  public static <T> SortedSet<T> sortedSet(SortedSet<T> set) {
    return views.ofSortedSet(set);
  }

  <T> List<T> ofList(List<T> list) {
    return list;
  }

  <K, V> Map<K, V> ofMap(Map<K, V> map) {
    return map;
  }

  <K, V> SortedMap<K, V> ofSortedMap(SortedMap<K, V> map) {
    return map;
  }

  <T> SortedSet<T> ofSortedSet(SortedSet<T> set) {
    return set;
  }

  @GwtIncompatible
  private static boolean installJvmViews() {
    views = new JvmViews();
    return true;
  }

  @GwtIncompatible
  private static final class JvmViews extends ReadOnly {
    @Override
    <T> List<T> ofList(List<T> list) {
      return Collections.unmodifiableList(list);
    }

    @Override
    <K, V> Map<K, V> ofMap(Map<K, V> map) {
      return Collections.unmodifiableMap(map);
    }

    @Override
    <K, V> SortedMap<K, V> ofSortedMap(SortedMap<K, V> map) {
      return Collections.unmodifiableSortedMap(map);
    }

    @Override
    <T> SortedSet<T> ofSortedSet(SortedSet<T> set) {
      return Collections.unmodifiableSortedSet(set);
    }
  }
}
