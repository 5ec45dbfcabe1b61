package river.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.store.StoreFixtures.CURRENT;
import static river.node.store.StoreFixtures.key;
import static river.node.store.StoreFixtures.longBytes;
import static river.node.store.StoreFixtures.longOf;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.pg.StoreKind;

/**
 * Read-modify-write through {@code update} is atomic under contention, and durable, on both stores.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class AtomicUpdateTest {

  @Parameter StoreKind kind;

  static final int THREADS = 16;
  static final int PER_THREAD = 500;
  static final int TOTAL = THREADS * PER_THREAD;

  @TempDir Path dir;

  @Test
  void sixteenThreadsIncrementOneCounter() throws Exception {
    AtomicIntegerArray seen = new AtomicIntegerArray(TOTAL + 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (DelegateStore store = kind.open(dir)) {
      CountDownLatch start = new CountDownLatch(1);
      Thread[] threads = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        threads[t] =
            new Thread(
                () -> {
                  try {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                      long v =
                          store
                              .update(
                                  "counter-user",
                                  CURRENT,
                                  key("counter"),
                                  cur -> {
                                    long next = longOf(cur) + 1;
                                    return Mutation.put(longBytes(next), next);
                                  })
                              .get(60, TimeUnit.SECONDS);
                      if (v < 1 || v > TOTAL + 1) {
                        throw new AssertionError("out of range: " + v);
                      }
                      seen.incrementAndGet((int) v);
                    }
                  } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                  }
                });
        threads[t].start();
      }
      start.countDown();
      for (Thread t : threads) {
        t.join(120_000);
      }
      if (failure.get() != null) {
        throw new AssertionError("a writer failed", failure.get());
      }
      assertEquals(
          TOTAL,
          longOf(store.read("counter-user", CURRENT, key("counter")).get(10, TimeUnit.SECONDS)));
      assertEquals(0, seen.get(0));
      for (int v = 1; v <= TOTAL; v++) {
        assertEquals(1, seen.get(v), "value " + v + " returned " + seen.get(v) + " times");
      }
      DelegateStore.Stats stats = store.stats();
      assertEquals(TOTAL, stats.committedOps());
      assertTrue(stats.commits() < TOTAL, "no group commit happened: " + stats);
      System.out.printf(
          "16x500 increments: %d commits, %.1f ops/commit%n",
          stats.commits(), stats.opsPerCommit());
    }
    try (DelegateStore reopened = kind.open(dir)) {
      assertEquals(
          TOTAL,
          longOf(reopened.read("counter-user", CURRENT, key("counter")).get(10, TimeUnit.SECONDS)));
    }
  }
}
