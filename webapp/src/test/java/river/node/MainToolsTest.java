package river.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.tools.WsClient;
import river.node.tools.inspect.CborDiagCommand;
import river.node.tools.seed.SeedLegacy;
import river.rooms.CborRoomsCodec;
import river.rooms.RoomData;
import river.rooms.Rooms;
import river.store.DelegateKeys;

/** The node jar's tool subcommands: cbor-diag, inspect, seed-legacy, bench. */
class MainToolsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run main(String... args) {
    return main(Map.of(), "", args);
  }

  /** With an environment and stdin, where the tools read a profile token from. */
  static Run main(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(utf8(stdin)),
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Map<String, String> tokenEnv(String token) {
    return Map.of("RIVER_TOKEN", token);
  }

  @Test
  void cborDiagPrintsDiagnosticNotation() throws Exception {
    Run r = main("cbor-diag", "a2 6161 01 6162 43010203");
    assertEquals(0, r.code(), r.err());
    assertEquals("{\"a\": 1, \"b\": h'010203'}", r.out().trim());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        CborDiagCommand.run(
            new String[0],
            new ByteArrayInputStream(utf8("0x83 01 02\n03\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, code);
    assertEquals("[1, 2, 3]", out.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void cborDiagRefusesMalformedInputWithExitCodeOne() {
    Run r = main("cbor-diag", "ff");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("error: malformed CBOR"), r.err());
    r = main("cbor-diag", "a1616101ff");
    assertEquals(1, r.code(), "trailing bytes");
    r = main("cbor-diag", "xyz");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("error: not hex"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void inspectListsKeysPerUserAndDelegateWhileTheNodeRuns() throws Exception {
    try (TestNode node = new TestNode(dir)) {
      String a = node.newProfile();
      String b = node.newProfile();
      try (WsClient ca = WsClient.connect(node.wsUrl(a));
          WsClient cb = WsClient.connect(node.wsUrl(b))) {
        ca.cas(utf8("rooms_meta"), new byte[] {(byte) 0xA1, 0x61, 0x78, 0x05}, 0); // {"x": 5}
        ca.store(utf8("rooms_meta"), new byte[] {(byte) 0xA1, 0x61, 0x78, 0x06});
        ca.cas(
            new byte[] {0, (byte) 0xFF, 7},
            new byte[] {(byte) 0xFF, 1, 2},
            0); // a lone break: not CBOR
        ca.on(DelegateKeys.legacy()).store(utf8("rooms_data"), new byte[] {(byte) 0x82, 1, 2});
        cb.cas(utf8("b-key"), new byte[] {0x18, 0x2A}, 0);
      }
      Run all = main("inspect", "--data-dir", dir.toString());
      assertEquals(0, all.code(), all.err());
      String out = all.out();
      assertTrue(out.startsWith("2 users in "), out);
      assertTrue(out.contains("rooms_meta  generation 2  size 4\n      {\"x\": 6}"), out);
      assertTrue(out.contains("h'00ff07'  generation 1  size 3\n      h'ff0102'  (not CBOR"), out);
      assertTrue(out.contains("delegate legacy"), out);
      assertTrue(out.contains("rooms_data  generation -  size 3\n      [1, 2]"), out);
      assertTrue(out.contains("b-key  generation 1  size 2\n      42"), out);

      Run one = main(Map.of(), b + "\n", "inspect", "--data-dir", dir.toString(), "--token-stdin");
      assertEquals(0, one.code(), one.err());
      assertTrue(one.out().startsWith("1 user in "));
      assertTrue(one.out().contains("b-key"));
      assertFalse(one.out().contains("rooms_meta"), "only that user's keys");
      assertFalse(one.out().contains(b), "tokens are never printed");

      Run fromEnv = main(tokenEnv(a), "", "inspect", "--data-dir", dir.toString());
      assertEquals(0, fromEnv.code(), fromEnv.err());
      assertTrue(fromEnv.out().startsWith("1 user in "), fromEnv.out());
      assertTrue(fromEnv.out().contains("rooms_meta"), fromEnv.out());
      assertFalse(fromEnv.out().contains("b-key"), "only that user's keys");

      Run unknown = main(tokenEnv("nope"), "", "inspect", "--data-dir", dir.toString());
      assertEquals(1, unknown.code());
      try (WsClient ca = WsClient.connect(node.wsUrl(a))) {
        assertEquals(
            2, ca.getVersioned(utf8("rooms_meta")).generation(), "inspect changed nothing");
      }
    }
    assertEquals(1, main("inspect", "--data-dir", dir.resolve("missing").toString()).code());
    assertEquals(2, main("inspect").code(), "usage error");
  }

  @Test
  void seedLegacyWritesARoomsDataBlobTheRoomsModelReads() throws Exception {
    String token = "seed-token-for-the-upgrade-test-0123456789";
    Run r =
        main(
            Map.of(),
            token + "\n",
            "seed-legacy",
            "--data-dir",
            dir.toString(),
            "--token-stdin",
            "--rooms",
            "12");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("12 rooms"), r.out());
    try (TestNode node = new TestNode(dir);
        WsClient c = WsClient.connect(node.wsUrl(token))) {
      WsClient legacy = c.on(DelegateKeys.legacy());
      List<byte[]> keys = legacy.list();
      assertEquals(1, keys.size());
      assertArrayEquals(utf8("rooms_data"), keys.get(0));
      Rooms rooms = new CborRoomsCodec().decodeLegacyBlob(legacy.get(utf8("rooms_data")));
      assertEquals(12, rooms.map().size());
      assertEquals(SeedLegacy.rooms(12), rooms);
      assertTrue(c.list().isEmpty(), "the current delegate is untouched");
    }
    // Seeding again (same user) replaces the blob.
    assertEquals(
        0,
        main(tokenEnv(token), "", "seed-legacy", "--data-dir", dir.toString(), "--rooms", "3")
            .code());
    Run inspect = main(tokenEnv(token), "", "inspect", "--data-dir", dir.toString());
    assertTrue(inspect.out().contains("1 user in"), inspect.out());
    assertTrue(inspect.out().contains("seed user 2"), inspect.out());
    assertFalse(inspect.out().contains("seed user 3"), inspect.out());
    assertEquals(
        2,
        main(tokenEnv(token), "", "seed-legacy", "--data-dir", dir.toString()).code(),
        "--rooms is required");
    Run noToken = main("seed-legacy", "--data-dir", dir.toString(), "--rooms", "3");
    assertEquals(2, noToken.code(), "a token is required");
    assertTrue(
        noToken.err().contains("--token-stdin") && noToken.err().contains("RIVER_TOKEN"),
        noToken.err());
    assertEquals(
        2,
        main(
                Map.of(),
                "\n",
                "seed-legacy",
                "--data-dir",
                dir.toString(),
                "--token-stdin",
                "--rooms",
                "3")
            .code(),
        "an empty line on stdin is no token");
  }

  @Test
  void seedLegacyPerRoomWritesSlotsAndMetaACurrentTabLoadsWithoutAMigration() throws Exception {
    String token = "seed-token-for-the-per-room-test-0123456789";
    Run r =
        main(
            tokenEnv(token),
            "",
            "seed-legacy",
            "--data-dir",
            dir.toString(),
            "--rooms",
            "3",
            "--per-room");
    assertEquals(0, r.code(), r.err());
    Rooms seeded = SeedLegacy.rooms(3);
    CborRoomsCodec codec = new CborRoomsCodec();
    try (TestNode node = new TestNode(dir);
        WsClient c = WsClient.connect(node.wsUrl(token))) {
      assertEquals(4, c.list().size(), "3 slots and rooms_meta");
      assertTrue(c.on(DelegateKeys.legacy()).list().isEmpty(), "no legacy blob");
      for (RoomData d : seeded.map().values()) {
        byte[] v = c.get(utf8(river.rooms.RoomStorageKeys.roomKey(d.owner())));
        assertEquals(d, codec.decodeSlot(v).data());
      }
      assertEquals(seeded.meta(), codec.decodeMeta(c.get(utf8("rooms_meta"))));
    }
  }

  /**
   * A token in the arguments shows in the process list to every local user: refused, with the way
   * to pass it now.
   */
  @Test
  void aTokenOnTheCommandLineIsAUsageError() throws Exception {
    String token = "seed-token-for-the-upgrade-test-0123456789";
    assertEquals(
        0,
        main(tokenEnv(token), "", "seed-legacy", "--data-dir", dir.toString(), "--rooms", "1")
            .code());
    for (String[] args :
        List.of(
            new String[] {"inspect", "--data-dir", dir.toString(), "--token", token},
            new String[] {"inspect", "--data-dir", dir.toString(), "--token=" + token},
            new String[] {
              "seed-legacy", "--data-dir", dir.toString(), "--token", token, "--rooms", "1"
            })) {
      Run r = main(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertTrue(r.err().contains("no longer takes --token"), r.err());
      assertTrue(r.err().contains("--token-stdin") && r.err().contains("RIVER_TOKEN"), r.err());
      assertEquals("", r.out(), "nothing was inspected or written");
    }
  }

  @Test
  void benchRunsAgainstAnInProcessNode() {
    Run r = main("bench", "--clients", "2", "--seconds", "1", "--warmup", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("ops/s"), r.out());
    String[] lines = r.out().trim().split("\n");
    assertTrue(lines[lines.length - 2].trim().startsWith("2 "), r.out());
    assertTrue(lines[lines.length - 1].trim().startsWith("1 "), r.out());
  }
}
