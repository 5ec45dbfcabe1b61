package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.TestNode;
import river.node.pg.StoreKind;
import river.node.store.Mutation;
import river.node.tools.WsClient;
import river.store.DelegateKeys;
import river.store.Envelope;
import river.wire.CasStoreResult;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;

/** The chat delegate's storage semantics over a real WebSocket, one test per rule. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegateCasTest {
  @Parameter StoreKind kind;

  @TempDir Path dir;
  TestNode node;
  String token;
  WsClient c;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir, kind);
    token = node.newProfile();
    c = WsClient.connect(node.wsUrl(token));
  }

  @AfterEach
  void stop() {
    c.close();
    node.close();
  }

  String user() throws Exception {
    return node.node.store().lookupUser(token).get().orElseThrow();
  }

  byte[] rawRow(byte[] delegate, byte[] key) throws Exception {
    return node.node.store().read(user(), delegate, key).get();
  }

  @Test
  void absentKeyIsGenerationZero() throws Exception {
    DelegateResponse.GetVersioned v = c.getVersioned(utf8("rooms"));
    assertNull(v.value());
    assertEquals(0, v.generation());
    assertNull(c.get(utf8("rooms")));
    CasStoreResult r = c.cas(utf8("rooms"), utf8("first"), 0).result();
    assertEquals(1, ((CasStoreResult.Stored) r).generation());
  }

  @Test
  void casAtTheCurrentGenerationWritesTheNextOne() throws Exception {
    for (long g = 0; g < 5; g++) {
      CasStoreResult r = c.cas(utf8("k"), utf8("v" + g), g).result();
      assertEquals(g + 1, ((CasStoreResult.Stored) r).generation());
    }
    DelegateResponse.GetVersioned v = c.getVersioned(utf8("k"));
    assertEquals(5, v.generation());
    assertArrayEquals(utf8("v4"), v.value());
  }

  @Test
  void conflictCarriesTheCurrentGenerationAndValueAndWritesNothing() throws Exception {
    c.cas(utf8("k"), utf8("one"), 0);
    c.cas(utf8("k"), utf8("two"), 1);
    for (long stale : new long[] {0, 1, 3, -1L}) {
      CasStoreResult r = c.cas(utf8("k"), utf8("stale"), stale).result();
      CasStoreResult.Conflict conflict = (CasStoreResult.Conflict) r;
      assertEquals(2, conflict.currentGeneration());
      assertArrayEquals(utf8("two"), conflict.currentValue());
    }
    DelegateResponse.GetVersioned v = c.getVersioned(utf8("k"));
    assertEquals(2, v.generation());
    assertArrayEquals(utf8("two"), v.value());
  }

  @Test
  void conflictOnAnAbsentKeyHasNoValue() throws Exception {
    CasStoreResult.Conflict conflict =
        (CasStoreResult.Conflict) c.cas(utf8("k"), utf8("x"), 4).result();
    assertEquals(0, conflict.currentGeneration());
    assertNull(conflict.currentValue());
    assertTrue(c.list().isEmpty(), "a conflict writes nothing");
  }

  @Test
  void plainStoreBumpsTheGeneration() throws Exception {
    c.cas(utf8("k"), utf8("cas"), 0);
    DelegateResponse.Store s = c.store(utf8("k"), utf8("blind"));
    assertTrue(s.result().isOk());
    assertEquals(5, s.valueSize());
    assertEquals(2, c.getVersioned(utf8("k")).generation());
    c.store(utf8("k"), utf8("again"));
    DelegateResponse.GetVersioned v = c.getVersioned(utf8("k"));
    assertEquals(3, v.generation());
    assertArrayEquals(utf8("again"), v.value());
    assertEquals(
        1,
        c.store(utf8("fresh"), utf8("x")).result().isOk()
            ? c.getVersioned(utf8("fresh")).generation()
            : -1);
  }

  @Test
  void valuesAreStoredInTheEnvelopeAndGetStripsIt() throws Exception {
    c.cas(utf8("k"), utf8("data"), 0);
    c.store(utf8("k"), utf8("data2"));
    byte[] row = rawRow(DelegateKeys.current(), utf8("k"));
    assertArrayEquals(Envelope.wrap(2, utf8("data2")), row);
    assertArrayEquals(utf8("data2"), c.get(utf8("k")));
  }

  @Test
  void deleteResetsTheGeneration() throws Exception {
    c.cas(utf8("k"), utf8("a"), 0);
    c.cas(utf8("k"), utf8("b"), 1);
    assertTrue(c.delete(utf8("k")).result().isOk());
    DelegateResponse.GetVersioned v = c.getVersioned(utf8("k"));
    assertEquals(0, v.generation());
    assertNull(v.value());
    assertTrue(c.list().isEmpty(), "Delete removes the key from the index");
    assertEquals(1, ((CasStoreResult.Stored) c.cas(utf8("k"), utf8("c"), 0).result()).generation());
    assertTrue(c.delete(utf8("absent")).result().isOk(), "deleting an absent key is fine");
  }

  @Test
  void listReturnsEveryStoredKey() throws Exception {
    c.cas(utf8("b"), utf8("1"), 0);
    c.store(utf8("a"), utf8("2"));
    c.cas(utf8("c"), utf8("3"), 0);
    c.cas(utf8("c"), utf8("3"), 0); // conflict: no new key
    List<String> keys = c.list().stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    assertEquals(List.of("a", "b", "c"), keys);
  }

  @Test
  void rawLegacyValuesReadAtGenerationZero() throws Exception {
    byte[] cborMap = {(byte) 0xA1, 0x61, 0x61, 0x01}; // {"a": 1}: no envelope
    byte[] shortWithMarker = {0x01, 0x02, 0x03}; // starts with 0x01 but shorter than 9 bytes
    byte[] current = DelegateKeys.current();
    node.node
        .store()
        .update(user(), current, utf8("raw"), old -> Mutation.put(cborMap, null))
        .get();
    node.node
        .store()
        .update(user(), current, utf8("short"), old -> Mutation.put(shortWithMarker, null))
        .get();

    DelegateResponse.GetVersioned v = c.getVersioned(utf8("raw"));
    assertEquals(0, v.generation());
    assertArrayEquals(cborMap, v.value());
    assertArrayEquals(cborMap, c.get(utf8("raw")));
    assertArrayEquals(shortWithMarker, c.getVersioned(utf8("short")).value());
    assertEquals(0, c.getVersioned(utf8("short")).generation());

    CasStoreResult.Conflict conflict =
        (CasStoreResult.Conflict) c.cas(utf8("raw"), utf8("x"), 1).result();
    assertEquals(0, conflict.currentGeneration());
    assertArrayEquals(cborMap, conflict.currentValue());
    assertEquals(
        1, ((CasStoreResult.Stored) c.cas(utf8("raw"), utf8("new"), 0).result()).generation());
    assertArrayEquals(Envelope.wrap(1, utf8("new")), rawRow(current, utf8("raw")));
    c.store(utf8("short"), utf8("s"));
    assertEquals(
        1,
        c.getVersioned(utf8("short")).generation(),
        "a blind Store over raw data writes generation 1");
  }

  @Test
  void anExhaustedGenerationIsRefusedRatherThanWrappedToZero() throws Exception {
    byte[] last = Envelope.wrap(-1L, utf8("at 2^64-1")); // generation 18446744073709551615
    node.node
        .store()
        .update(user(), DelegateKeys.current(), utf8("k"), old -> Mutation.put(last, null))
        .get();
    assertEquals(-1L, c.getVersioned(utf8("k")).generation());
    CasStoreResult r = c.cas(utf8("k"), utf8("wrap"), -1L).result();
    assertTrue(r instanceof CasStoreResult.Failed, r.toString());
    DelegateResponse.Store s = c.store(utf8("k"), utf8("wrap"));
    assertTrue(!s.result().isOk(), "a blind Store is refused too");
    assertArrayEquals(last, rawRow(DelegateKeys.current(), utf8("k")), "nothing was written");
  }

  @Test
  void theLegacyDelegateIsAPlainStoreWithoutEnvelopeOrCas() throws Exception {
    WsClient legacy = c.on(DelegateKeys.legacy());
    byte[] blob = {0x01, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9}; // stored verbatim, never interpreted
    assertTrue(legacy.store(utf8("rooms_data"), blob).result().isOk());
    assertArrayEquals(blob, legacy.get(utf8("rooms_data")));
    assertArrayEquals(blob, rawRow(DelegateKeys.legacy(), utf8("rooms_data")));
    assertEquals(1, legacy.list().size());
    assertTrue(c.list().isEmpty(), "each delegate version has its own store");
    assertNull(c.get(utf8("rooms_data")));

    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> legacy.cas(utf8("rooms_data"), utf8("x"), 0));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
    e = assertThrows(WsClient.NodeError.class, () -> legacy.getVersioned(utf8("rooms_data")));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
    e = assertThrows(WsClient.NodeError.class, () -> legacy.cas(utf8("other"), utf8("x"), 0));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
    assertEquals(1, legacy.list().size(), "a refused CAS writes nothing");
    assertArrayEquals(blob, legacy.get(utf8("rooms_data")));

    legacy.delete(utf8("rooms_data"));
    assertTrue(legacy.list().isEmpty());
  }

  @Test
  void anUnknownDelegateIsRefusedAndNothingIsWritten() throws Exception {
    byte[] other = new byte[32];
    other[0] = 7;
    for (byte[] d : new byte[][] {other, new byte[0], new byte[5], new byte[33]}) {
      WsClient.NodeError e =
          assertThrows(WsClient.NodeError.class, () -> c.on(d).store(utf8("k"), utf8("v")));
      assertEquals(ErrorCodes.UNKNOWN_DELEGATE, e.code());
    }
    assertTrue(node.node.store().listKeys(user(), other).get().isEmpty());
    assertTrue(c.list().isEmpty());
    assertEquals(
        1,
        ((CasStoreResult.Stored) c.cas(utf8("k"), utf8("v"), 0).result()).generation(),
        "the connection stays usable");
  }
}
