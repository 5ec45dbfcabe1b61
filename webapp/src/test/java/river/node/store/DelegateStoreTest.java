package river.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.store.StoreFixtures.CURRENT;
import static river.node.store.StoreFixtures.LEGACY;
import static river.node.store.StoreFixtures.delete;
import static river.node.store.StoreFixtures.get;
import static river.node.store.StoreFixtures.key;
import static river.node.store.StoreFixtures.keys;
import static river.node.store.StoreFixtures.longBytes;
import static river.node.store.StoreFixtures.longOf;
import static river.node.store.StoreFixtures.put;
import static river.node.store.StoreFixtures.str;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.pg.StoreKind;

/**
 * The store's contract, on both stores (SQLite and PostgreSQL). What only SQLite has (its files,
 * pragmas, read-only mode and lock) is {@link SqliteStoreFilesTest}.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegateStoreTest {

  @Parameter StoreKind kind;

  @TempDir Path dir;

  DelegateStore store;

  @BeforeEach
  void open() throws Exception {
    store = reopen();
  }

  /** The store of this test's data directory (PostgreSQL: the same database every time). */
  private DelegateStore reopen() throws Exception {
    return kind.open(dir.resolve("data"));
  }

  private String writerThread() {
    return kind == StoreKind.SQLITE ? "river-store-writer" : "river-pg-writer-";
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static Throwable cause(CompletableFuture<?> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void createsDataDirAndReadsAbsentAsNull() throws Exception {
    if (kind == StoreKind.SQLITE) {
      assertTrue(Files.isRegularFile(dir.resolve("data").resolve(SqliteDelegateStore.DB_FILE)));
      assertTrue(Files.isRegularFile(dir.resolve("data").resolve(DataDirLock.LOCK_FILE)));
    }
    assertNull(get(store.read("u1", CURRENT, key("room:a"))));
    assertEquals(List.of(), keys(store, "u1", CURRENT));
  }

  @Test
  void updateSeesCurrentBytesAndReturnsResult() throws Exception {
    byte[] seen = get(store.update("u1", CURRENT, key("k"), cur -> Mutation.put(key("v1"), cur)));
    assertNull(seen);
    byte[] seen2 = get(store.update("u1", CURRENT, key("k"), cur -> Mutation.put(key("v2"), cur)));
    assertEquals("v1", str(seen2));
    assertEquals("v2", str(get(store.read("u1", CURRENT, key("k")))));
    String r = get(store.update("u1", CURRENT, key("k"), cur -> Mutation.none("kept " + str(cur))));
    assertEquals("kept v2", r);
    assertEquals("v2", str(get(store.read("u1", CURRENT, key("k")))));
  }

  @Test
  void emptyValueIsStoredAndDistinctFromAbsent() throws Exception {
    put(store, "u1", CURRENT, "empty", new byte[0]);
    byte[] v = get(store.read("u1", CURRENT, key("empty")));
    assertArrayEquals(new byte[0], v);
    assertEquals(List.of("empty"), keys(store, "u1", CURRENT));
    byte[] seen = get(store.update("u1", CURRENT, key("empty"), cur -> Mutation.none(cur)));
    assertArrayEquals(new byte[0], seen);
  }

  @Test
  void listKeysFollowsPutAndDeleteInByteOrder() throws Exception {
    put(store, "u1", CURRENT, "room:b", key("1"));
    put(store, "u1", CURRENT, "room:a", key("2"));
    put(store, "u1", CURRENT, "rooms_meta", key("3"));
    put(store, "u1", CURRENT, "room:a", key("2bis")); // overwrite: still one entry
    assertEquals(List.of("room:a", "room:b", "rooms_meta"), keys(store, "u1", CURRENT));
    delete(store, "u1", CURRENT, "room:b");
    assertEquals(List.of("room:a", "rooms_meta"), keys(store, "u1", CURRENT));
    assertNull(get(store.read("u1", CURRENT, key("room:b"))));
    delete(store, "u1", CURRENT, "never-there"); // deleting an absent key is fine
    assertEquals(List.of("room:a", "rooms_meta"), keys(store, "u1", CURRENT));
    // keys are bytes, not text: non-UTF-8 keys round-trip
    byte[] binary = {(byte) 0xff, 0, (byte) 0x80};
    get(store.update("u1", CURRENT, binary, cur -> Mutation.put(key("b"), null)));
    List<byte[]> raw = get(store.listKeys("u1", CURRENT));
    assertEquals(3, raw.size());
    assertArrayEquals(binary, raw.get(2)); // 0xff sorts last (unsigned order)
  }

  @Test
  void usersAndDelegatesAreIsolated() throws Exception {
    put(store, "alice", CURRENT, "room:x", key("alice's"));
    put(store, "alice", LEGACY, "rooms_data", key("alice legacy"));
    assertNull(get(store.read("bob", CURRENT, key("room:x"))));
    assertNull(get(store.read("bob", LEGACY, key("rooms_data"))));
    assertEquals(List.of(), keys(store, "bob", CURRENT));
    assertEquals(List.of(), keys(store, "bob", LEGACY));
    // Bob's update of the same key sees nothing of Alice's and does not touch it
    byte[] bobSaw =
        get(store.update("bob", CURRENT, key("room:x"), cur -> Mutation.put(key("bob's"), cur)));
    assertNull(bobSaw);
    delete(store, "bob", CURRENT, "room:x");
    assertEquals("alice's", str(get(store.read("alice", CURRENT, key("room:x")))));
    assertEquals(List.of("room:x"), keys(store, "alice", CURRENT));
    // delegate versions are separate stores for the same user
    assertNull(get(store.read("alice", LEGACY, key("room:x"))));
    assertEquals(List.of("rooms_data"), keys(store, "alice", LEGACY));
    // a user id that is a prefix of another is still another user
    assertEquals(List.of(), keys(store, "alic", CURRENT));
  }

  @Test
  void sizeLimitsAreEnforcedBeforeTheDatabase() throws Exception {
    byte[] bigKey = new byte[DelegateStore.MAX_KEY_BYTES + 1];
    TooLargeException k =
        assertThrows(
            TooLargeException.class,
            () -> store.update("u1", CURRENT, bigKey, cur -> Mutation.put(key("v"), null)));
    assertEquals("key", k.what());
    assertTrue(k.getMessage().contains("1025"), k.getMessage());
    assertThrows(TooLargeException.class, () -> store.read("u1", CURRENT, bigKey));

    // a too-large value thrown from inside the update function fails that update only
    byte[] bigValue = new byte[DelegateStore.MAX_VALUE_BYTES + 1];
    TooLargeException v = assertThrows(TooLargeException.class, () -> Mutation.put(bigValue, null));
    assertEquals("value", v.what());
    Throwable c =
        cause(store.update("u1", CURRENT, key("big"), cur -> Mutation.put(bigValue, null)));
    assertInstanceOf(TooLargeException.class, c);
    assertNull(get(store.read("u1", CURRENT, key("big"))));
    assertEquals(List.of(), keys(store, "u1", CURRENT));

    // exactly at the limits is accepted
    byte[] maxKey = new byte[DelegateStore.MAX_KEY_BYTES];
    Arrays.fill(maxKey, (byte) 'k');
    byte[] maxValue = new byte[DelegateStore.MAX_VALUE_BYTES];
    maxValue[maxValue.length - 1] = 42;
    get(store.update("u1", CURRENT, maxKey, cur -> Mutation.put(maxValue, null)));
    assertArrayEquals(maxValue, get(store.read("u1", CURRENT, maxKey)));

    // malformed ids
    assertThrows(IllegalArgumentException.class, () -> store.read("u1", new byte[31], key("k")));
    assertThrows(IllegalArgumentException.class, () -> store.read("", CURRENT, key("k")));
    assertThrows(NullPointerException.class, () -> store.read("u1", CURRENT, null));
  }

  @Test
  void functionFailureFailsOnlyThatUpdateAndTheWriterKeepsGoing() throws Exception {
    Throwable c =
        cause(
            store.update(
                "u1",
                CURRENT,
                key("k"),
                cur -> {
                  throw new IllegalStateException("boom");
                }));
    assertEquals("boom", c.getMessage());
    Throwable n = cause(store.update("u1", CURRENT, key("k"), cur -> null));
    assertInstanceOf(NullPointerException.class, n);
    put(store, "u1", CURRENT, "k", key("fine"));
    assertEquals("fine", str(get(store.read("u1", CURRENT, key("k")))));
    assertEquals(2, store.stats().failedOps());
  }

  /**
   * Blocks the writer inside one update so that everything submitted meanwhile lands in the next
   * batch, then checks in-batch ordering and per-op failure isolation inside that one batch.
   */
  @Test
  void oneBatchAppliesInOrderAndIsolatesFailures() throws Exception {
    CountDownLatch inWriter = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> blocker =
        store.update(
            "u1",
            CURRENT,
            key("blocker"),
            cur -> {
              inWriter.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new RuntimeException(e);
              }
              return Mutation.put(key("b"), null);
            });
    assertTrue(inWriter.await(10, TimeUnit.SECONDS));
    long commitsBefore = store.stats().commits();

    List<CompletableFuture<Long>> incs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      incs.add(
          store.update(
              "u1",
              CURRENT,
              key("n"),
              cur -> {
                long next = longOf(cur) + 1;
                return Mutation.put(longBytes(next), next);
              }));
    }
    CompletableFuture<Object> bad =
        store.update(
            "u1",
            CURRENT,
            key("n"),
            cur -> {
              throw new IllegalArgumentException("bad op in the middle");
            });
    CompletableFuture<Long> deleteThenSee =
        store.update("u1", CURRENT, key("gone"), cur -> Mutation.delete(0L));
    CompletableFuture<Long> after =
        store.update(
            "u1",
            CURRENT,
            key("n"),
            cur -> {
              long next = longOf(cur) + 100;
              return Mutation.put(longBytes(next), next);
            });
    for (CompletableFuture<Long> f : incs) {
      assertFalse(f.isDone(), "acknowledged before its batch committed");
    }
    release.countDown();
    get(blocker);
    for (int i = 0; i < 10; i++) {
      assertEquals(i + 1L, get(incs.get(i)), "ops of one batch see the earlier ones, in order");
    }
    assertEquals("bad op in the middle", cause(bad).getMessage());
    assertEquals(0L, get(deleteThenSee));
    assertEquals(
        110L, get(after), "the failed op neither undid the earlier ops nor stopped the later ones");
    assertEquals(110L, longOf(get(store.read("u1", CURRENT, key("n")))));
    // blocker's batch + exactly one more for everything queued behind it (group commit)
    assertEquals(commitsBefore + 2, store.stats().commits());
  }

  @Test
  void callerCallbacksNeverRunOnTheWriterThread() throws Exception {
    CompletableFuture<String> fnThread = new CompletableFuture<>();
    CompletableFuture<String> okThread =
        store
            .update(
                "u1",
                CURRENT,
                key("k"),
                cur -> {
                  fnThread.complete(Thread.currentThread().getName());
                  return Mutation.put(key("v"), null);
                })
            .thenApply(x -> Thread.currentThread().getName());
    CompletableFuture<String> failThread =
        store
            .update(
                "u1",
                CURRENT,
                key("k"),
                cur -> {
                  throw new IllegalStateException("x");
                })
            .handle((x, e) -> Thread.currentThread().getName());
    assertTrue(get(fnThread).startsWith(writerThread()), get(fnThread));
    assertFalse(get(okThread).startsWith(writerThread()), get(okThread));
    assertFalse(get(failThread).startsWith(writerThread()), get(failThread));

    // a callback that blocks holds back acknowledgements, but not commits
    CountDownLatch release = new CountDownLatch(1);
    // The write must not complete before the callback is attached, or the callback runs (and
    // blocks forever) on this thread: hold the update function until thenAccept is in place.
    CountDownLatch attached = new CountDownLatch(1);
    CompletableFuture<Object> held =
        store.update(
            "u1",
            CURRENT,
            key("a"),
            cur -> {
              try {
                attached.await();
              } catch (InterruptedException e) {
                throw new RuntimeException(e);
              }
              return Mutation.put(key("1"), null);
            });
    CompletableFuture<Void> stuck =
        held.thenAccept(
            x -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new RuntimeException(e);
              }
            });
    attached.countDown();
    CompletableFuture<Object> next =
        store.update("u1", CURRENT, key("b"), cur -> Mutation.put(key("2"), null));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (get(store.read("u1", CURRENT, key("b"))) == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals("2", str(get(store.read("u1", CURRENT, key("b")))), "writer kept committing");
    release.countDown();
    get(stuck);
    get(next);
  }

  /**
   * A full disk (simulated with max_page_count) fails the write that needed space, not its batch.
   */
  @Test
  void usersStoreOnlyTheTokenHash() throws Exception {
    String token = DelegateStore.newToken();
    assertEquals(43, token.length());
    String id = get(store.createUser(DelegateStore.hashToken(token)));
    assertTrue(id.startsWith("u"));
    assertEquals(Optional.of(id), get(store.lookupUser(token)));
    assertEquals(Optional.empty(), get(store.lookupUser(DelegateStore.newToken())));
    assertEquals(Optional.empty(), get(store.lookupUser("")));
    String other = get(store.createUser(DelegateStore.hashToken(DelegateStore.newToken())));
    assertNotEquals(id, other);
    // the same credential cannot be registered twice
    assertInstanceOf(StoreException.class, cause(store.createUser(DelegateStore.hashToken(token))));
    // and that failure did not break user creation or writes for anyone after it
    String third = get(store.createUser(DelegateStore.hashToken(DelegateStore.newToken())));
    assertNotEquals(id, third);
    put(store, id, CURRENT, "k", key("v"));

    store.close();
    store = null;
    if (kind == StoreKind.SQLITE) {
      byte[] file = Files.readAllBytes(dir.resolve("data").resolve(SqliteDelegateStore.DB_FILE));
      assertFalse(
          new String(file, StandardCharsets.ISO_8859_1).contains(token), "token stored in clear");
    }
    store = reopen();
    assertEquals(
        Optional.of(id), get(store.lookupUser(token)), "user ids are stable across restarts");
  }

  @Test
  void closeDrainsTheQueueAndLaterCallsFail() throws Exception {
    List<CompletableFuture<Object>> fs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      fs.add(store.update("u1", CURRENT, key("k" + i), cur -> Mutation.put(key("v"), null)));
    }
    store.close();
    for (CompletableFuture<Object> f : fs) {
      assertTrue(
          f.isDone() && !f.isCompletedExceptionally(), "queued before close: committed by close");
    }
    assertInstanceOf(
        StoreClosedException.class,
        cause(store.update("u1", CURRENT, key("late"), cur -> Mutation.put(key("v"), null))));
    assertInstanceOf(StoreClosedException.class, cause(store.read("u1", CURRENT, key("k1"))));
    store.close(); // idempotent
    store = reopen();
    assertEquals(500, get(store.listKeys("u1", CURRENT)).size());
  }
}
