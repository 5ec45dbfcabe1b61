package river.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.store.StoreFixtures.CURRENT;
import static river.node.store.StoreFixtures.get;
import static river.node.store.StoreFixtures.key;
import static river.node.store.StoreFixtures.keys;
import static river.node.store.StoreFixtures.put;
import static river.node.store.StoreFixtures.str;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.pg.StoreKind;

/**
 * What only the SQLite store has: its files, pragmas, disk-full and corrupt-row handling, its
 * read-only mode and its one-process lock. The store's contract on both stores is {@link
 * DelegateStoreTest}.
 */
class SqliteStoreFilesTest {

  final StoreKind kind = StoreKind.SQLITE;

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
  void fullDiskFailsOnlyTheWriteThatNeededSpace() throws Exception {
    assertEquals(
        "2",
        get(((SqliteDelegateStore) store).executeOnWriterForTest("PRAGMA synchronous")),
        "synchronous=FULL on the writer");
    put(store, "u1", CURRENT, "before", key("0"));
    long pages =
        Long.parseLong(
            get(((SqliteDelegateStore) store).executeOnWriterForTest("PRAGMA page_count")));
    get(
        ((SqliteDelegateStore) store)
            .executeOnWriterForTest("PRAGMA max_page_count = " + (pages + 8)));

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
              return Mutation.none(null);
            });
    assertTrue(inWriter.await(10, TimeUnit.SECONDS));
    CompletableFuture<Object> small1 =
        store.update("u1", CURRENT, key("small1"), cur -> Mutation.put(key("1"), null));
    CompletableFuture<Object> huge =
        store.update(
            "u1",
            CURRENT,
            key("huge"),
            cur -> Mutation.put(new byte[DelegateStore.MAX_VALUE_BYTES], null));
    CompletableFuture<Object> small2 =
        store.update("u1", CURRENT, key("small2"), cur -> Mutation.put(key("2"), null));
    release.countDown();
    get(blocker);
    Throwable c = cause(huge);
    assertInstanceOf(StoreException.class, c);
    assertTrue(c.getMessage().toLowerCase().contains("full"), c.getMessage());
    get(small1);
    get(small2);
    assertNull(get(store.read("u1", CURRENT, key("huge"))));
    assertEquals(List.of("before", "small1", "small2"), keys(store, "u1", CURRENT));
  }

  @Test
  void corruptRowFailsItsOperationOnlyAndTheBatchStillCommits() throws Exception {
    store.close();
    store = null;
    // Simulate a row damaged by an outside tool: the same schema without STRICT, holding text
    // and an integer where blobs belong.
    Path data = dir.resolve("data");
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve(SqliteDelegateStore.DB_FILE));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE kv");
      s.execute(
          "CREATE TABLE kv (user_id TEXT NOT NULL, delegate BLOB NOT NULL, key BLOB NOT NULL,"
              + " value BLOB, PRIMARY KEY (user_id, delegate, key)) WITHOUT ROWID");
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteDelegateStore.DB_FILE))) {
      var ps = c.prepareStatement("INSERT INTO kv VALUES ('u1', ?, ?, ?)");
      ps.setBytes(1, CURRENT);
      ps.setBytes(2, key("text"));
      ps.setString(3, "not a blob");
      ps.executeUpdate();
      ps.setBytes(2, key("int"));
      ps.setLong(3, 7);
      ps.executeUpdate();
    }
    store = DelegateStore.open(data);

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
              return Mutation.none(null);
            });
    assertTrue(inWriter.await(10, TimeUnit.SECONDS));
    CompletableFuture<Object> good1 =
        store.update("u1", CURRENT, key("good1"), cur -> Mutation.put(key("1"), null));
    CompletableFuture<Object> corrupt =
        store.update("u1", CURRENT, key("text"), cur -> Mutation.put(key("x"), null));
    CompletableFuture<Object> good2 =
        store.update("u2", CURRENT, key("good2"), cur -> Mutation.put(key("2"), null));
    release.countDown();
    get(blocker);
    assertInstanceOf(CorruptRowException.class, cause(corrupt));
    get(good1);
    get(good2);
    assertInstanceOf(CorruptRowException.class, cause(store.read("u1", CURRENT, key("int"))));
    // readMany too; and its failure leaves no read transaction open on the reader connections
    // (two of them): a stale snapshot would hide the write that follows
    for (int i = 0; i < 4; i++) {
      assertInstanceOf(
          CorruptRowException.class,
          cause(store.readMany("u1", CURRENT, List.of(key("good1"), key("int")))));
    }
    put(store, "u1", CURRENT, "later", key("3"));
    for (int i = 0; i < 4; i++) {
      assertEquals("3", str(get(store.readMany("u1", CURRENT, List.of(key("later")))).get(0)));
    }
    assertEquals("1", str(get(store.read("u1", CURRENT, key("good1")))));
    assertEquals("2", str(get(store.read("u2", CURRENT, key("good2")))));
    // the damaged row still shows in the key index (so inspect can find it)
    assertTrue(keys(store, "u1", CURRENT).contains("text"));
    store.close();
    store = DelegateStore.open(data);
    assertEquals("1", str(get(store.read("u1", CURRENT, key("good1")))), "committed, durable");
  }

  @Test
  void readOnlyModeSeesCommittedWritesWhileTheNodeRunsAndCannotWrite() throws Exception {
    put(store, "u1", CURRENT, "room:a", key("1"));
    try (DelegateStore ro = DelegateStore.openReadOnly(dir.resolve("data"))) {
      assertTrue(ro.isReadOnly());
      assertEquals("1", str(get(ro.read("u1", CURRENT, key("room:a")))));
      put(store, "u1", CURRENT, "room:b", key("2"));
      assertEquals(
          List.of("room:a", "room:b"),
          keys(ro, "u1", CURRENT),
          "sees writes acked after it opened");
      assertInstanceOf(
          StoreClosedException.class,
          cause(ro.update("u1", CURRENT, key("x"), cur -> Mutation.put(key("v"), null))));
      assertInstanceOf(StoreClosedException.class, cause(ro.createUser(new byte[32])));
    }
    // the read-only store took no lock: the node is unaffected and still writes
    put(store, "u1", CURRENT, "room:c", key("3"));
    assertEquals(3, keys(store, "u1", CURRENT).size());
    // and it also opens with no node running
    store.close();
    store = null;
    try (DelegateStore ro = DelegateStore.openReadOnly(dir.resolve("data"))) {
      assertEquals(3, keys(ro, "u1", CURRENT).size());
    }
    assertThrows(
        NoSuchFileException.class, () -> DelegateStore.openReadOnly(dir.resolve("nothing-here")));
  }

  @Test
  void secondOpenInTheSameProcessIsRefused() throws Exception {
    DataDirLockedException e =
        assertThrows(DataDirLockedException.class, () -> DelegateStore.open(dir.resolve("data")));
    assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
    // the refused open did not break the running store
    put(store, "u1", CURRENT, "k", key("v"));
    store.close();
    store = DelegateStore.open(dir.resolve("data"));
    assertEquals("v", str(get(store.read("u1", CURRENT, key("k")))));
  }

  @Test
  void durableSettingsAreInForce() throws Exception {
    put(store, "u1", CURRENT, "k", key("v"));
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("data").resolve(SqliteDelegateStore.DB_FILE));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      assertTrue(rs.next());
      assertEquals("wal", rs.getString(1));
    }
  }
}
