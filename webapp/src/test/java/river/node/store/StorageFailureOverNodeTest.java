package river.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.TestNode;
import river.node.tools.WsClient;
import river.node.ws.Unavailable;
import river.room.MemberInfo;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.SealedBytes;
import river.store.DelegateKeys;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * The storage failing underneath a running node, over the real WebSocket and HTTP: every write is
 * answered {@code unavailable} with a plain message (not {@code internal}), nothing is written,
 * reads go on, and writes work again once the storage does. No key or secret reaches the log on the
 * way.
 *
 * <p>How the storage fails: {@code PRAGMA max_page_count} on the node's write connection caps the
 * database at its current size, so a write that needs a new page gets SQLITE_FULL, exactly what a
 * full disk gives (a 200 KiB value always needs new pages). {@code PRAGMA query_only} makes every
 * write SQLITE_READONLY, the code a database file that became read-only gives (it cannot be turned
 * off through the writer, whose BEGIN it refuses too, so that test restarts the node).
 */
class StorageFailureOverNodeTest {
  @TempDir Path dir;
  TestNode node;
  String token;
  WsClient c;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  PrintStream realErr;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir);
    token = node.newProfile();
    c = WsClient.connect(node.wsUrl(token));
    realErr = System.err;
    // The node logs to System.err: keep a copy to check that no key or secret is in it.
    System.setErr(
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public synchronized void write(int b) {
                log.write(b);
                realErr.write(b);
              }

              @Override
              public synchronized void write(byte[] b, int off, int len) {
                log.write(b, off, len);
                realErr.write(b, off, len);
              }
            },
            true));
  }

  @AfterEach
  void stop() {
    System.setErr(realErr);
    c.close();
    node.close();
  }

  void onWriter(String sql) throws Exception {
    StoreFixtures.get(((SqliteDelegateStore) node.node.store()).executeOnWriterForTest(sql));
  }

  Response send(Op op) throws Exception {
    return WsClient.await(c.request(op));
  }

  Response delegate(DelegateRequest r) throws Exception {
    return send(new Op.Delegate(DelegateKeys.current(), r));
  }

  static void assertUnavailable(Response r, String message) {
    assertFalse(r.isOk(), "refused");
    assertEquals(ErrorCodes.UNAVAILABLE, r.errorCode(), r.errorMessage());
    assertEquals(message, r.errorMessage());
  }

  HttpResponse<String> postProfile() throws Exception {
    return node.http()
        .send(
            HttpRequest.newBuilder(URI.create(node.base() + "/v1/profiles"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFullDiskIsUnavailableAndTheNodeKeepsServingReads() throws Exception {
    byte[] small = {(byte) 0xA1, 0x61, 0x78, 0x05};
    c.cas(utf8("rooms_meta"), small, 0);
    byte[] big = new byte[200 * 1024];
    new Random(7).nextBytes(big);

    onWriter("PRAGMA max_page_count = 1"); // SQLite keeps it at the current page count: the disk is
    // "full"
    assertUnavailable(delegate(new DelegateRequest.Store(utf8("room:big"), big)), Unavailable.SAVE);
    assertUnavailable(
        delegate(new DelegateRequest.CasStore(utf8("room:big"), big, 0)), Unavailable.SAVE);

    assertTrue(send(Op.PING).isOk());
    assertArrayEquals(small, c.get(utf8("rooms_meta")), "reads go on");
    assertEquals(1, c.getVersioned(utf8("rooms_meta")).generation());
    assertNull(c.get(utf8("room:big")), "nothing of a refused write was written");
    assertEquals(1, c.list().size());

    onWriter("PRAGMA max_page_count = 1073741823"); // space again
    assertTrue(c.cas(utf8("room:big"), big, 0).result() instanceof CasStoreResult.Stored);
    assertArrayEquals(big, c.get(utf8("room:big")));
  }

  @Test
  void aReadOnlyDatabaseIsUnavailableForEveryKindOfWriteAndLeaksNoSecret() throws Exception {
    c.cas(utf8("rooms_meta"), new byte[] {1}, 0);
    byte[] room =
        ((DelegateResponse.SigningKey) c.delegate(new DelegateRequest.CreateSigningKey(null)))
            .room();
    SealedBytes name = SealedBytes.publicBytes(utf8("Lobby"));
    RoomConfig config =
        new RoomConfig(
            room,
            1,
            name,
            SealedBytes.publicBytes(utf8("")),
            false,
            0,
            RoomConfig.defaultLimits(),
            new byte[0]);
    config = config.withSignature(sign(room, "config", config.signedBytes()));
    MemberInfo info =
        new MemberInfo(room, room, 1, SealedBytes.publicBytes(utf8("alice")), new byte[0]);
    info = info.withSignature(sign(room, "member_info", info.signedBytes()));
    byte[] roomState = RoomDelta.builder().config(config).memberInfo(info).build().encode();
    byte[] seed = new byte[32];
    new Random(11).nextBytes(seed);
    byte[] otherRoom = new byte[32];
    otherRoom[0] = 9;

    onWriter("PRAGMA query_only = 1");
    assertUnavailable(
        delegate(new DelegateRequest.CasStore(utf8("rooms_meta"), new byte[] {2}, 1)),
        Unavailable.SAVE);
    assertUnavailable(
        delegate(new DelegateRequest.StoreSigningKey(otherRoom, seed)), Unavailable.SAVE);
    assertUnavailable(send(new Op.Put(room, roomState)), Unavailable.SAVE);
    HttpResponse<String> profile = postProfile();
    assertEquals(503, profile.statusCode());
    assertTrue(
        profile.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(
        "{\"error\":\"unavailable\",\"message\":\"" + Unavailable.SAVE + "\"}", profile.body());

    // Reads go on: the delegate, the signing keys, the rooms, the user directory.
    assertEquals(1, c.getVersioned(utf8("rooms_meta")).generation());
    assertNull(
        ((DelegateResponse.PublicKey) c.delegate(new DelegateRequest.GetPublicKey(otherRoom)))
            .publicKey());
    assertEquals(
        ErrorCodes.INVALID,
        send(new Op.Get(room, false)).errorCode(),
        "no such room: the Put wrote nothing");
    try (WsClient again = WsClient.connect(node.wsUrl(token))) {
      assertTrue(WsClient.await(again.request(Op.PING)).isOk(), "a known profile still connects");
    }

    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("storage unavailable"), "the operator is told: " + logged);
    for (String secret :
        List.of(
            HexFormat.of().formatHex(seed),
            Base64.getEncoder().encodeToString(seed),
            Base64.getUrlEncoder().withoutPadding().encodeToString(seed))) {
      assertFalse(logged.contains(secret), "the signing key is not in the log");
    }

    // query_only belongs to the write connection (even BEGIN is refused now): a restart gives a
    // writable one.
    c.close();
    node.close();
    node = new TestNode(dir);
    c = WsClient.connect(node.wsUrl(token));
    assertEquals(
        1,
        c.getVersioned(utf8("rooms_meta")).generation(),
        "nothing of a refused write was written");
    assertTrue(
        c.cas(utf8("rooms_meta"), new byte[] {2}, 1).result() instanceof CasStoreResult.Stored);
    c.delegate(new DelegateRequest.StoreSigningKey(otherRoom, seed));
    assertTrue(send(new Op.Put(room, roomState)).isOk());
    assertTrue(send(new Op.Get(room, false)).result() instanceof OpResult.GetResult);
    assertEquals(201, postProfile().statusCode());
  }

  byte[] sign(byte[] room, String purpose, byte[] bytes) throws Exception {
    return ((DelegateResponse.Signature) c.delegate(new DelegateRequest.Sign(room, purpose, bytes)))
        .signature();
  }

  @Test
  void anInternalFailureIsA500InJsonWithoutItsCause() throws Exception {
    onWriter("DROP TABLE users"); // a bug, not the storage: registering a user fails with "no such
    // table"
    HttpResponse<String> r = postProfile();
    assertEquals(500, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("{\"error\":\"internal\",\"message\":\"internal error\"}", r.body());
  }
}
