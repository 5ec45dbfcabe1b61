package river.node.store;

import static river.node.store.StoreFixtures.CURRENT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode) over a tiny model of the delegate store: two keys, small integer values,
 * operations read / compare-and-set / increment / delete, all going through the real store (real
 * SQLite file, writer thread, reader pool, group commit). Lincheck runs random concurrent scenarios
 * and checks every observed history against the sequential {@link Model}.
 *
 * <p>Model checking mode is not used: it needs to control every thread switch, and the store's work
 * happens on its own writer thread inside native SQLite code.
 *
 * <p>One store is shared by every scenario; each scenario instance gets a fresh user id, i.e. an
 * empty key space (opening a database per invocation would dominate the run time).
 */
@Param(name = "key", gen = IntGen.class, conf = "0:1")
@Param(name = "value", gen = IntGen.class, conf = "0:3")
public class StoreLincheckTest {

  private static final AtomicLong USERS = new AtomicLong();
  private static Path dir;
  private static DelegateStore store;

  private final String user = "lincheck-" + USERS.incrementAndGet();

  @BeforeAll
  static void openStore() throws IOException {
    dir = Files.createTempDirectory("river-lincheck");
    store = DelegateStore.open(dir);
  }

  @AfterAll
  static void closeStore() throws IOException {
    if (store != null) {
      store.close();
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static byte[] k(int key) {
    return ("k" + key).getBytes(StandardCharsets.UTF_8);
  }

  private static Integer decode(byte[] v) {
    return v == null ? null : Integer.valueOf(new String(v, StandardCharsets.UTF_8));
  }

  private static byte[] encode(int v) {
    return Integer.toString(v).getBytes(StandardCharsets.UTF_8);
  }

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return decode(store.read(user, CURRENT, k(key)).join());
  }

  /** Compare-and-set: {@code expected == 0} means "absent". Writes {@code next} on a match. */
  @Operation
  public boolean cas(
      @Param(name = "key") int key,
      @Param(name = "value") int expected,
      @Param(name = "value") int next) {
    return store
        .update(
            user,
            CURRENT,
            k(key),
            cur -> {
              Integer c = decode(cur);
              boolean match = expected == 0 ? c == null : c != null && c == expected;
              return match ? Mutation.put(encode(next), true) : Mutation.none(false);
            })
        .join();
  }

  /** Increments (absent counts as 0) and returns the new value. */
  @Operation
  public int increment(@Param(name = "key") int key) {
    return store
        .update(
            user,
            CURRENT,
            k(key),
            cur -> {
              Integer c = decode(cur);
              int n = (c == null ? 0 : c) + 1;
              return Mutation.put(encode(n), n);
            })
        .join();
  }

  /** Deletes and returns what was there. */
  @Operation
  public Integer delete(@Param(name = "key") int key) {
    return store.update(user, CURRENT, k(key), cur -> Mutation.delete(decode(cur))).join();
  }

  /** Number of keys present, through the key index. */
  @Operation
  public int size() {
    return store.listKeys(user, CURRENT).join().size();
  }

  @Test
  void linearizable() {
    new StressOptions()
        .iterations(40)
        .invocationsPerIteration(60)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(2)
        .sequentialSpecification(Model.class)
        .check(StoreLincheckTest.class);
  }

  /** The sequential specification: a map. */
  public static class Model {
    private final Map<Integer, Integer> map = new HashMap<>();

    public Integer get(int key) {
      return map.get(key);
    }

    public boolean cas(int key, int expected, int next) {
      Integer c = map.get(key);
      boolean match = expected == 0 ? c == null : c != null && c == expected;
      if (match) {
        map.put(key, next);
      }
      return match;
    }

    public int increment(int key) {
      return map.merge(key, 1, Integer::sum);
    }

    public Integer delete(int key) {
      return map.remove(key);
    }

    public int size() {
      return map.size();
    }
  }
}
