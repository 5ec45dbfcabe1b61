package river.node.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.NodeLimits;
import river.node.TestNode;
import river.node.tools.WsClient;
import river.room.MemberInfo;
import river.room.MessageKind;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.store.DelegateKeys;
import river.store.Envelope;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * Two nodes on one PostgreSQL database, in-process, each with its own data directory: what users
 * see is the same on both (tokens, delegate values and generations, rooms), pushes cross nodes,
 * room updates racing on both nodes all land, and a lost announcement channel is made up by a
 * resync.
 */
class TwoNodesOnePostgresTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  String db;
  TestNode one;
  TestNode two;

  @BeforeEach
  void start() throws Exception {
    db = PostgresCluster.shared().newDatabaseUrl();
    one = new TestNode(dir.resolve("one"), NodeLimits.DEFAULT, db);
    two = new TestNode(dir.resolve("two"), NodeLimits.DEFAULT, db);
  }

  @AfterEach
  void stop() {
    one.close();
    two.close();
  }

  @Test
  void aTokenMintedOnOneNodeWorksOnTheOtherAndSeesTheSameValues() throws Exception {
    String token = one.newProfile();
    try (WsClient onOne = WsClient.connect(one.wsUrl(token));
        WsClient onTwo = WsClient.connect(two.wsUrl(token))) {
      assertInstanceOf(
          CasStoreResult.Stored.class, onOne.cas(utf8("room:x"), utf8("v1"), 0).result());
      DelegateResponse.GetVersioned seen = onTwo.getVersioned(utf8("room:x"));
      assertEquals(1, seen.generation());
      assertArrayEquals(utf8("v1"), seen.value());
      // a CAS with a stale generation on the other node conflicts and carries the current value
      CasStoreResult.Conflict c =
          assertInstanceOf(
              CasStoreResult.Conflict.class, onTwo.cas(utf8("room:x"), utf8("stale"), 0).result());
      assertEquals(1, c.currentGeneration());
      assertArrayEquals(utf8("v1"), c.currentValue());
    }
  }

  @Test
  void aWriteOnOneNodeIsPushedToTheUsersConnectionsOnTheOther() throws Exception {
    String token = two.newProfile();
    try (WsClient onOne = WsClient.connect(one.wsUrl(token));
        WsClient onTwo = WsClient.connect(two.wsUrl(token))) {
      onOne.cas(utf8("rooms_meta"), utf8("m"), 0);
      Event.DelegateKeyChanged e =
          assertInstanceOf(Event.DelegateKeyChanged.class, onTwo.nextPush(WAIT));
      assertArrayEquals(utf8("rooms_meta"), e.key());
      assertEquals(1, e.generation());
      assertArrayEquals(utf8("m"), e.value(), "the other node read it and carries it");
      onTwo.store(utf8("rooms_meta"), utf8("m2"));
      e = assertInstanceOf(Event.DelegateKeyChanged.class, onOne.nextPush(WAIT));
      assertEquals(2, e.generation());
      assertArrayEquals(utf8("m2"), e.value());
    }
  }

  @Test
  void roomUpdatesRacingOnBothNodesAllLandAndEverySubscriberSeesThem() throws Exception {
    String token = one.newProfile();
    try (WsClient a1 = WsClient.connect(one.wsUrl(token));
        WsClient a2 = WsClient.connect(two.wsUrl(token))) {
      byte[] room =
          ((DelegateResponse.SigningKey) a1.delegate(new DelegateRequest.CreateSigningKey(null)))
              .room();
      RoomConfig config =
          new RoomConfig(
              room, 1, text("Lobby"), text(""), false, 0, RoomConfig.defaultLimits(), new byte[0]);
      config = config.withSignature(sign(a1, room, "config", config.signedBytes()));
      MemberInfo info = new MemberInfo(room, room, 1, text("alice"), new byte[0]);
      info = info.withSignature(sign(a1, room, "member_info", info.signedBytes()));
      ok(
          a1,
          new Op.Put(room, RoomDelta.builder().config(config).memberInfo(info).build().encode()));
      ok(a2, new Op.Get(room, true)); // node two follows the room (and reads it from the database)

      // 20 messages from each node, all in flight at once: every update answered ok must be kept
      int each = 20;
      List<CompletableFuture<Response>> sent = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        sent.add(
            a1.request(
                new Op.Update(
                    room,
                    RoomDelta.builder()
                        .message(message(a1, room, 10_000 + i, "one " + i))
                        .build()
                        .encode())));
        sent.add(
            a2.request(
                new Op.Update(
                    room,
                    RoomDelta.builder()
                        .message(message(a2, room, 20_000 + i, "two " + i))
                        .build()
                        .encode())));
      }
      for (CompletableFuture<Response> f : sent) {
        Response r = WsClient.await(f);
        assertTrue(r.isOk(), () -> "refused: " + r.errorMessage());
      }
      for (WsClient c : List.of(a1, a2)) {
        // A node learns the other's last writes by notification, a moment after they were acked:
        // read until every update is there (a lost one never comes).
        Set<String> texts = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (texts.size() < 2 * each && System.nanoTime() < deadline) {
          if (!texts.isEmpty()) {
            Thread.sleep(50);
          }
          RoomState s =
              RoomState.decodeTrusted(
                  room, ((OpResult.GetResult) ok(c, new Op.Get(room, false))).state());
          texts.clear();
          for (RoomMessage m : s.messages()) {
            texts.add(new String(m.content().data(), StandardCharsets.UTF_8));
          }
        }
        assertEquals(2 * each, texts.size(), "both nodes' updates survived: " + texts);
      }
      // node two's subscriber was pushed the last state, whichever node wrote it
      RoomState last = null;
      for (Event e : drainUntilQuiet(a2)) {
        if (e instanceof Event.ContractUpdated u) {
          last = RoomState.decodeTrusted(room, u.state());
        }
      }
      assertNotNull(last, "node two pushed the room");
      assertEquals(2 * each, last.messages().size());
    }
  }

  @Test
  void afterTheListenerLostItsConnectionTheNodeResyncsWhatItMissed() throws Exception {
    String token = one.newProfile();
    try (WsClient onTwo = WsClient.connect(two.wsUrl(token))) {
      onTwo.cas(utf8("room:r"), utf8("v1"), 0);
      String user = two.node.store().lookupUser(token).get().orElseThrow();
      try (Connection c = DriverManager.getConnection(db)) {
        // a change no node announced (as if its NOTIFY was lost while the listeners were away) ...
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE kv SET value = ? WHERE user_id = ? AND delegate = ? AND key = ?")) {
          ps.setBytes(1, Envelope.wrap(7, utf8("v7")));
          ps.setString(2, user);
          ps.setBytes(3, DelegateKeys.current());
          ps.setBytes(4, utf8("room:r"));
          assertEquals(1, ps.executeUpdate());
        }
        // ... then every listener loses its connection: on reconnect they resync
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE query LIKE 'LISTEN%' AND datname = current_database()")) {
          rs.next();
          assertEquals(2, rs.getInt(1), "one listener per node");
        }
      }
      Event.DelegateKeyChanged e = null;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        Event got = onTwo.nextPush(WAIT);
        if (got instanceof Event.DelegateKeyChanged k && k.generation() == 7) {
          e = k;
          break;
        }
      }
      assertNotNull(e, "the resync pushed the key at its current generation");
      assertArrayEquals(utf8("room:r"), e.key());
      assertArrayEquals(utf8("v7"), e.value());
      assertArrayEquals(utf8("v7"), onTwo.getVersioned(utf8("room:r")).value());
    }
  }

  /** Pushes until none arrives for a second. */
  static List<Event> drainUntilQuiet(WsClient c) throws Exception {
    List<Event> out = new ArrayList<>();
    for (Event e; (e = c.nextPush(Duration.ofSeconds(1))) != null; ) {
      out.add(e);
    }
    return out;
  }

  static SealedBytes text(String s) {
    return SealedBytes.publicBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sign(WsClient c, byte[] room, String purpose, byte[] bytes) throws Exception {
    return ((DelegateResponse.Signature) c.delegate(new DelegateRequest.Sign(room, purpose, bytes)))
        .signature();
  }

  static RoomMessage message(WsClient c, byte[] room, long time, String body) throws Exception {
    RoomMessage m =
        new RoomMessage(room, room, time, MessageKind.TEXT, null, text(body), new byte[0]);
    return m.withSignature(sign(c, room, "message", m.signedBytes()));
  }

  static OpResult ok(WsClient c, Op op) throws Exception {
    Response r = WsClient.await(c.request(op));
    if (!r.isOk()) {
      throw new WsClient.NodeError(r.errorCode(), r.errorMessage());
    }
    return r.result();
  }
}
