package river.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * The variant tables of the wire enums: every variant class has exactly one row and every row one
 * class, every variant round-trips to its own class and bytes, and a name without a row is
 * unknown_op whatever fields it carries (never decoded as another variant).
 */
class VariantTableTest {
  static final byte[] KEY = "room:abc".getBytes();
  static final byte[] VALUE = {0, 1, 2, (byte) 0xff};
  static final byte[] ROOM = new byte[32];

  /** One enum: its table, its decoder, and one sample of each of its variant classes. */
  record Enum(
      String name,
      Class<? extends WireValue> base,
      VariantTable<?> table,
      Function<CborItem, ? extends WireValue> decode,
      Function<WireValue, String> variantName,
      List<? extends WireValue> samples) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Enum> enums() {
    return List.of(
        new Enum(
            "DelegateRequest",
            DelegateRequest.class,
            DelegateRequest.VARIANTS,
            DelegateRequest::fromCbor,
            v -> ((DelegateRequest) v).variantName(),
            List.of(
                new DelegateRequest.Get(KEY),
                new DelegateRequest.Store(KEY, VALUE),
                new DelegateRequest.Delete(KEY),
                DelegateRequest.LIST,
                new DelegateRequest.GetVersioned(KEY),
                new DelegateRequest.CasStore(KEY, VALUE, -1L),
                new DelegateRequest.GetMany(Arrays.asList(KEY, VALUE)),
                new DelegateRequest.ListValues(512 * 1024),
                new DelegateRequest.ListValues(-1L),
                new DelegateRequest.CreateSigningKey(null),
                new DelegateRequest.CreateSigningKey(ROOM),
                new DelegateRequest.NewInviteeKey(ROOM),
                new DelegateRequest.StoreSigningKey(ROOM, ROOM),
                new DelegateRequest.StoreSigningKey(ROOM, ROOM, KEY),
                new DelegateRequest.StoreSigningKey(ROOM, ROOM, KEY, new byte[0]),
                new DelegateRequest.StoreSigningKey(ROOM, ROOM, null, KEY),
                new DelegateRequest.GetPublicKey(ROOM),
                new DelegateRequest.Sign(ROOM, "message", VALUE),
                new DelegateRequest.ExportSigningKey(ROOM))),
        new Enum(
            "DelegateResponse",
            DelegateResponse.class,
            DelegateResponse.VARIANTS,
            DelegateResponse::fromCbor,
            v -> ((DelegateResponse) v).variantName(),
            List.of(
                new DelegateResponse.Get(KEY, VALUE),
                new DelegateResponse.Get(KEY, null),
                new DelegateResponse.Store(KEY, 4, UnitResult.OK),
                new DelegateResponse.Delete(KEY, UnitResult.err("no")),
                new DelegateResponse.ListKeys(Arrays.asList(KEY, VALUE)),
                new DelegateResponse.GetVersioned(KEY, VALUE, 3),
                new DelegateResponse.CasStore(KEY, new CasStoreResult.Stored(1)),
                new DelegateResponse.GetMany(
                    Arrays.asList(KEY), Arrays.asList((byte[]) null), new long[] {0}),
                new ListValuesResponse(
                    Arrays.asList(KEY, VALUE), Arrays.asList((byte[]) null), new long[] {0}),
                new ListValuesResponse(Arrays.asList(KEY), List.of(), new long[0]),
                new DelegateResponse.SigningKey(ROOM, ROOM),
                new DelegateResponse.InviteeKey(ROOM, ROOM, ROOM),
                new DelegateResponse.PublicKey(ROOM, null),
                new DelegateResponse.PublicKey(ROOM, ROOM),
                new DelegateResponse.Signature(ROOM, "ban", new byte[64]),
                new DelegateResponse.ExportedKey(ROOM, ROOM, ROOM))),
        new Enum(
            "Op",
            Op.class,
            Op.VARIANTS,
            Op::fromCbor,
            v -> ((Op) v).variantName(),
            List.of(
                new Op.Delegate(ROOM, DelegateRequest.LIST),
                Op.PING,
                new Op.Get(KEY, true),
                new Op.Put(KEY, VALUE),
                new Op.Update(KEY, VALUE),
                new Op.Subscribe(KEY))),
        new Enum(
            "OpResult",
            OpResult.class,
            OpResult.VARIANTS,
            OpResult::fromCbor,
            v -> ((OpResult) v).variantName(),
            List.of(
                OpResult.PONG,
                new OpResult.Delegate(new DelegateResponse.Get(KEY, null)),
                new OpResult.GetResult(KEY, VALUE),
                new OpResult.PutResult(KEY),
                new OpResult.UpdateResult(KEY),
                new OpResult.Subscribed(KEY))),
        new Enum(
            "Event",
            Event.class,
            Event.VARIANTS,
            Event::fromCbor,
            v -> ((Event) v).variantName(),
            List.of(
                new Event.DelegateKeyChanged(ROOM, KEY, 9), new Event.ContractUpdated(KEY, VALUE))),
        new Enum(
            "CasStoreResult",
            CasStoreResult.class,
            CasStoreResult.VARIANTS,
            CasStoreResult::fromCbor,
            v -> ((CasStoreResult) v).variantName(),
            List.of(
                new CasStoreResult.Stored(-1L),
                new CasStoreResult.Conflict(2, VALUE),
                new CasStoreResult.Conflict(0, null),
                new CasStoreResult.Failed("exhausted"))));
  }

  static Stream<Arguments> samples() {
    return enums().stream().flatMap(e -> e.samples().stream().map(s -> Arguments.of(e, s)));
  }

  /** The concrete variant classes nested in an enum's base class. */
  /** The variants kept in files of their own (their base's constructor is package-private). */
  private static final List<Class<?>> TOP_LEVEL_VARIANTS = List.of(ListValuesResponse.class);

  private static Set<Class<?>> variantClasses(Class<?> base) {
    Set<Class<?>> out =
        Arrays.stream(base.getDeclaredClasses())
            .filter(c -> base.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()))
            .collect(Collectors.toSet());
    for (Class<?> c : TOP_LEVEL_VARIANTS) {
      if (base.isAssignableFrom(c)) {
        out.add(c);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("samples")
  void everyVariantRoundTripsToItsOwnClassNameAndBytes(Enum e, WireValue sample) {
    byte[] bytes = Cbor.encode(sample.toCbor());
    WireValue back = e.decode().apply(Cbor.decode(bytes));
    assertEquals(sample.getClass(), back.getClass());
    assertEquals(sample, back);
    assertEquals(e.variantName().apply(sample), e.variantName().apply(back));
    assertArrayEquals(bytes, Cbor.encode(back.toCbor()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("samples")
  void theNameOnTheWireIsTheVariantName(Enum e, WireValue sample) {
    CborItem wire = sample.toCbor();
    String tag =
        wire.kind() == CborKind.TEXT ? wire.asText() : wire.entries().get(0).key().asText();
    assertEquals(e.variantName().apply(sample), tag);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void theTableAndTheClassesAgree(Enum e) {
    // Every concrete variant class has a sample here (so a new class cannot dodge this test)...
    Set<Class<?>> sampled = e.samples().stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(variantClasses(e.base()), sampled, "a variant class without a sample");
    // ...each class answers exactly one name, each name belongs to exactly one class...
    Map<String, Class<?>> classOfName = new LinkedHashMap<>();
    for (WireValue s : e.samples()) {
      Class<?> before = classOfName.putIfAbsent(e.variantName().apply(s), s.getClass());
      assertTrue(
          before == null || before == s.getClass(),
          e.variantName().apply(s) + " is both " + before + " and " + s.getClass());
    }
    // ...and the names the classes answer are exactly the table's rows.
    assertEquals(new TreeSet<>(e.table().names()), new TreeSet<>(classOfName.keySet()));
    assertEquals(e.table().names().size(), new HashSet<>(e.table().names()).size());
  }

  /** Names that are not rows of a given table: near misses, other enums' names, odd text. */
  private static List<String> unknownNames(Enum e) {
    List<String> names =
        new ArrayList<>(
            List.of(
                "FutureVariant",
                "",
                "casstorerequest",
                "CasStoreRequest ",
                "GetRequest\u0000",
                "Subscribe2",
                "\u202eGetRequest"));
    for (Enum other : enums()) {
      names.addAll(other.table().names());
    }
    names.removeAll(e.table().names());
    return names;
  }

  /** The same unknown name in every shape a variant can have, fields of known variants included. */
  private static List<CborItem> shapes(String name) {
    CborItem casFields =
        CborMap.builder()
            .put("key", CborItem.bytes(KEY))
            .put("value", CborItem.bytes(VALUE))
            .put("expected_generation", CborItem.uint(0))
            .build();
    return List.of(
        CborItem.text(name),
        CborMap.builder().put(name, CborMap.builder().build()).build(),
        CborMap.builder().put(name, casFields).build(),
        CborMap.builder()
            .put(name, CborMap.builder().put("key", CborItem.bytes(KEY)).build())
            .build(),
        CborMap.builder().put(name, CborItem.NULL).build(),
        CborMap.builder().put(name, CborItem.uint(7)).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void anUnknownNameIsUnknownOpNeverAnotherVariant(Enum e) {
    for (String name : unknownNames(e)) {
      for (CborItem item : shapes(name)) {
        WireException x =
            assertThrows(WireException.class, () -> e.decode().apply(item), e + " decoded " + item);
        assertEquals(ErrorCodes.UNKNOWN_OP, x.code(), item.toString());
        assertTrue(
            x.getMessage().startsWith("unknown " + e.table().enumName() + " variant"),
            x.getMessage());
      }
    }
  }

  @Test
  void aNewDelegateRequestWithCasStoreFieldsIsUnknownNotACasStore() {
    CborItem op =
        CborMap.builder()
            .put(
                "Delegate",
                CborMap.builder()
                    .put("delegate", CborItem.bytes(ROOM))
                    .put(
                        "msg",
                        CborMap.builder()
                            .put(
                                "CasStoreRequestV2",
                                CborMap.builder()
                                    .put("key", CborItem.bytes(KEY))
                                    .put("value", CborItem.bytes(VALUE))
                                    .put("expected_generation", CborItem.uint(0))
                                    .build())
                            .build())
                    .build())
            .build();
    byte[] frame = Cbor.encode(CborMap.builder().put("id", CborItem.uint(3)).put("op", op).build());
    WireException e = assertThrows(WireException.class, () -> WireCodec.decodeRequest(frame));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
    assertEquals(3, e.requestId());
  }

  @Test
  void aNewContractOpWithAKeyIsUnknownNotASubscribe() {
    CborItem op =
        CborMap.builder()
            .put("Unsubscribe", CborMap.builder().put("key", CborItem.bytes(KEY)).build())
            .build();
    WireException e = assertThrows(WireException.class, () -> Op.fromCbor(op));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
  }

  @Test
  void aKnownNameWithTheWrongShapeIsMalformedNotUnknown() {
    for (Enum e : enums()) {
      for (String name : e.table().names()) {
        // A struct or newtype variant needs a value; a unit variant must come without one.
        boolean unit =
            e.samples().stream()
                .anyMatch(
                    s ->
                        e.variantName().apply(s).equals(name)
                            && s.toCbor().kind() == CborKind.TEXT);
        CborItem wrong =
            unit ? CborMap.builder().put(name, CborItem.uint(1)).build() : CborItem.text(name);
        WireException x =
            assertThrows(WireException.class, () -> e.decode().apply(wrong), e + " " + name);
        assertEquals(ErrorCodes.MALFORMED, x.code(), e + " " + name + ": " + x.getMessage());
      }
    }
  }

  @Test
  void aTableRefusesADuplicateRowOrARowWithoutADecoder() {
    VariantTable<String> t = new VariantTable<>("Test");
    assertNotNull(t.struct("A", f -> "a"));
    assertThrows(IllegalStateException.class, () -> t.unit("A", () -> "again"));
    assertThrows(NullPointerException.class, () -> t.struct("B", null));
    assertThrows(NullPointerException.class, () -> t.newtype("C", null));
    assertThrows(NullPointerException.class, () -> t.unit("D", null));
    assertThrows(NullPointerException.class, () -> t.row(null, v -> "x"));
    assertEquals(List.of("A"), t.names(), "refused rows leave no name behind");
  }

  @Test
  void aVariantBuiltBeforeItsRowFailsLoudly() {
    VariantTable<String> t = new VariantTable<>("Test");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VariantTable.Name.check(null, t));
    assertTrue(e.getMessage().contains("Test"), e.getMessage());
  }

  /** Names are the protocol: renaming or dropping a row breaks every older peer. */
  @Test
  void theDelegateVocabularyIsPinned() {
    assertEquals(
        Set.of(
            "GetRequest",
            "StoreRequest",
            "DeleteRequest",
            "ListRequest",
            "GetVersionedRequest",
            "CasStoreRequest",
            "GetManyRequest",
            "CreateSigningKey",
            "NewInviteeKey",
            "StoreSigningKey",
            "GetPublicKey",
            "Sign",
            "ExportSigningKey",
            "ListValuesRequest"),
        new HashSet<>(DelegateRequest.VARIANTS.names()));
    assertEquals(
        Set.of(
            "GetResponse",
            "StoreResponse",
            "DeleteResponse",
            "ListResponse",
            "GetVersionedResponse",
            "CasStoreResponse",
            "GetManyResponse",
            "SigningKeyResponse",
            "InviteeKeyResponse",
            "PublicKeyResponse",
            "SignResponse",
            "ExportedKeyResponse",
            "ListValuesResponse"),
        new HashSet<>(DelegateResponse.VARIANTS.names()));
    assertEquals(
        Set.of("Delegate", "Ping", "Get", "Put", "Update", "Subscribe"),
        new HashSet<>(Op.VARIANTS.names()));
    assertEquals(
        Set.of("Pong", "Delegate", "GetResult", "PutResult", "UpdateResult", "Subscribed"),
        new HashSet<>(OpResult.VARIANTS.names()));
    assertEquals(
        Set.of("DelegateKeyChanged", "ContractUpdated"), new HashSet<>(Event.VARIANTS.names()));
    assertEquals(
        Set.of("Stored", "Conflict", "Failed"), new HashSet<>(CasStoreResult.VARIANTS.names()));
  }
}
