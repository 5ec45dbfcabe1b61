package river.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static river.node.store.StoreFixtures.CURRENT;
import static river.node.store.StoreFixtures.LEGACY;
import static river.node.store.StoreFixtures.get;
import static river.node.store.StoreFixtures.key;
import static river.node.store.StoreFixtures.keys;
import static river.node.store.StoreFixtures.put;
import static river.node.store.StoreFixtures.str;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * {@link DelegateStore#readMany} (what a GetMany reads), on both stores: the answer in the order
 * asked, null for absent keys, only the caller's own user and delegate, arguments checked before
 * anything is read.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ReadManyTest {

  @Parameter StoreKind kind;

  @TempDir Path dir;

  DelegateStore store;

  @BeforeEach
  void open() throws Exception {
    store = kind.open(dir.resolve("data"));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private List<String> readMany(String user, byte[] delegate, String... ks) throws Exception {
    List<byte[]> asked = new ArrayList<>();
    for (String k : ks) {
      asked.add(key(k));
    }
    List<String> out = new ArrayList<>();
    for (byte[] v : get(store.readMany(user, delegate, asked))) {
      out.add(str(v));
    }
    return out;
  }

  @Test
  void answersInTheOrderAskedWithNullForAbsentKeys() throws Exception {
    put(store, "u1", CURRENT, "room:a", key("A"));
    put(store, "u1", CURRENT, "room:b", key("B"));
    put(store, "u1", CURRENT, "room:c", key("C"));
    assertEquals(
        Arrays.asList("C", null, "A", "B", null),
        readMany("u1", CURRENT, "room:c", "room:x", "room:a", "room:b", "rooms_meta"));
    assertEquals(Arrays.asList(null, null), readMany("u1", CURRENT, "nothing", "here"));
    assertEquals(List.of(), get(store.readMany("u1", CURRENT, List.of())));
  }

  @Test
  void anEmptyValueIsEmptyNotAbsent() throws Exception {
    put(store, "u1", CURRENT, "empty", new byte[0]);
    List<byte[]> got = get(store.readMany("u1", CURRENT, List.of(key("empty"), key("absent"))));
    assertArrayEquals(new byte[0], got.get(0));
    assertNull(got.get(1));
  }

  @Test
  void aKeyAskedTwiceIsAnsweredTwiceInItsOwnArray() throws Exception {
    put(store, "u1", CURRENT, "a", key("A"));
    List<byte[]> got =
        get(store.readMany("u1", CURRENT, List.of(key("a"), key("x"), key("a"), key("x"))));
    assertEquals(4, got.size());
    assertEquals("A", str(got.get(0)));
    assertEquals("A", str(got.get(2)));
    assertNull(got.get(1));
    assertNull(got.get(3));
    assertNotSame(got.get(0), got.get(2), "changing one slot would change the other");
  }

  @Test
  void readsOnlyTheCallersOwnUserAndDelegate() throws Exception {
    put(store, "alice", CURRENT, "room:x", key("alice's"));
    put(store, "alice", LEGACY, "room:y", key("alice legacy"));
    put(store, "bob", CURRENT, "room:y", key("bob's"));
    assertEquals(Arrays.asList(null, "bob's"), readMany("bob", CURRENT, "room:x", "room:y"));
    assertEquals(Arrays.asList(null, null), readMany("bob", LEGACY, "room:x", "room:y"));
    assertEquals(Arrays.asList("alice's", null), readMany("alice", CURRENT, "room:x", "room:y"));
    assertEquals(
        Arrays.asList(null, "alice legacy"), readMany("alice", LEGACY, "room:x", "room:y"));
    // a user id that is a prefix of another is still another user
    assertEquals(Arrays.asList(null, null), readMany("alic", CURRENT, "room:x", "room:y"));
  }

  /** More keys than one query takes (SQLite asks 128 per query): order and absences still hold. */
  @Test
  void manyMoreKeysThanOneGetManyKeepTheirOrder() throws Exception {
    List<byte[]> asked = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (i % 3 != 0) {
        put(store, "u1", CURRENT, "k" + i, key("v" + i));
      }
      asked.add(key("k" + (299 - i)));
    }
    List<byte[]> got = get(store.readMany("u1", CURRENT, asked));
    assertEquals(300, got.size());
    for (int j = 0; j < 300; j++) {
      int i = 299 - j;
      assertEquals(i % 3 == 0 ? null : "v" + i, str(got.get(j)), "slot " + j);
    }
  }

  /** Each read takes a fresh snapshot: none is left open on a reader connection to go stale. */
  @Test
  void aKeyWrittenJustBeforeIsRead() throws Exception {
    for (int i = 0; i < 20; i++) {
      put(store, "u1", CURRENT, "counter", key("v" + i));
      put(store, "u1", CURRENT, "other" + i, key("w" + i));
      assertEquals(
          List.of("v" + i, "w" + i), readMany("u1", CURRENT, "counter", "other" + i), "round " + i);
    }
  }

  @Test
  void badArgumentsAreRefusedBeforeAnythingIsRead() throws Exception {
    put(store, "u1", CURRENT, "a", key("A"));
    List<byte[]> ok = List.of(key("a"));
    byte[] bigKey = new byte[DelegateStore.MAX_KEY_BYTES + 1];
    TooLargeException big =
        assertThrows(
            TooLargeException.class,
            () -> store.readMany("u1", CURRENT, List.of(key("a"), bigKey)));
    assertEquals("key", big.what());
    assertThrows(NullPointerException.class, () -> store.readMany("u1", CURRENT, null));
    assertThrows(
        NullPointerException.class,
        () -> store.readMany("u1", CURRENT, Arrays.asList(key("a"), null)));
    assertThrows(IllegalArgumentException.class, () -> store.readMany("u1", new byte[31], ok));
    assertThrows(IllegalArgumentException.class, () -> store.readMany("u1", null, ok));
    assertThrows(IllegalArgumentException.class, () -> store.readMany("", CURRENT, ok));
    assertThrows(IllegalArgumentException.class, () -> store.readMany(null, CURRENT, ok));
    assertThrows(
        TooLargeException.class,
        () -> store.readMany("u".repeat(DelegateStore.MAX_USER_ID_CHARS + 1), CURRENT, ok));
    // nothing changed, and the store still answers
    assertEquals(List.of("a"), keys(store, "u1", CURRENT));
    assertEquals(List.of("A"), readMany("u1", CURRENT, "a"));
  }

  @Test
  void theKeysAreTakenWhenCalledNotWhenRead() throws Exception {
    put(store, "u1", CURRENT, "a", key("A"));
    byte[] k = key("a");
    List<byte[]> asked = new ArrayList<>(List.of(k));
    var answer = store.readMany("u1", CURRENT, asked);
    k[0] = 'b'; // the caller reuses its array and its list before the read ran
    asked.clear();
    assertEquals(1, get(answer).size());
    assertEquals("A", str(get(answer).get(0)));
  }

  @Test
  void aClosedStoreRefusesTheRead() {
    store.close();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> store.readMany("u1", CURRENT, List.of(key("a"))).get(30, TimeUnit.SECONDS));
    assertInstanceOf(StoreClosedException.class, e.getCause());
  }
}
