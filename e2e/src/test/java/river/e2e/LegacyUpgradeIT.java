package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.cbor.Cbor;
import river.node.tools.WsClient;
import river.room.Invitation;
import river.room.RoomDelta;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.store.Base58;
import river.store.DelegateKeys;
import river.wire.CasStoreResult;
import river.wire.Op;
import river.wire.Response;

/**
 * A user of the legacy release (one {@code rooms_data} blob in the legacy delegate) opens the new
 * app: it shows {@code migrating}, then {@code loaded} with every room; the current delegate then
 * holds one {@code room:} key per room, the legacy blob is untouched, and later loads go the
 * per-room way without migrating again. Rooms the old release joined carry their signing keys in
 * the blob: after the migration the node signs with them.
 */
class LegacyUpgradeIT {
  private static final int ROOMS = 20;
  private static final LocatorAssertions.HasAttributeOptions SLOW =
      new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

  @TempDir Path dataDir;

  @Test
  void legacyBlobMigratesToPerRoomKeys() throws Exception {
    String token = SeededProfile.newToken();
    NodeProcess.toolAs(
        token, "seed-legacy", "--data-dir", dataDir.toString(), "--rooms", Integer.toString(ROOMS));
    String legacyBefore =
        legacyBlobLine(NodeProcess.toolAs(token, "inspect", "--data-dir", dataDir.toString()));

    try (NodeProcess node = new NodeProcess(dataDir).start();
        Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright)) {
      BrowserContext profile = browser.newContext();
      Tab.adoptProfile(profile, node.url(), token);
      Tab tab = new Tab(profile.newPage()).open(node.url());
      assertThat(tab.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
      String states = tab.appHook("load-state").getAttribute("data-states");
      assertTrue(
          states.matches(".*\\bmigrating\\b.*\\bloaded$"), "went through migrating: " + states);
      assertThat(tab.appHook("room-item")).hasCount(ROOMS);

      String inspected = NodeProcess.toolAs(token, "inspect", "--data-dir", dataDir.toString());
      assertEquals(ROOMS, countRoomKeys(inspected), inspected);
      assertEquals(legacyBefore, legacyBlobLine(inspected), "the legacy blob is never rewritten");

      tab.page.reload();
      assertThat(tab.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
      String again = tab.appHook("load-state").getAttribute("data-states");
      assertEquals("loading loaded", again, "a finished migration is not run again");
      assertThat(tab.appHook("room-item")).hasCount(ROOMS);
      assertEquals(List.of(), tab.errors());
    }
  }

  /**
   * What a tab leaves behind when it is reloaded (or closed) in the middle of a migration: the
   * "started" marker and the first few room slots in the current delegate, no "done" marker. It is
   * written here through the real node exactly as the engine writes it, so the test does not depend
   * on catching a 20-room migration mid-flight. The next load must finish the job.
   */
  @Test
  void aMigrationInterruptedByAReloadIsResumedByTheNextLoad() throws Exception {
    String token = SeededProfile.newToken();
    NodeProcess.toolAs(
        token, "seed-legacy", "--data-dir", dataDir.toString(), "--rooms", Integer.toString(ROOMS));
    try (NodeProcess node = new NodeProcess(dataDir).start();
        Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright)) {
      CborRoomsCodec codec = new CborRoomsCodec();
      try (WsClient ws =
          WsClient.connect(
              "ws://127.0.0.1:"
                  + node.url().replaceAll(".*:(\\d+)/$", "$1")
                  + "/v1/ws?token="
                  + token)) {
        byte[] blob = ws.on(DelegateKeys.legacy()).get(bytes("rooms_data"));
        Rooms legacy = codec.decodeLegacyBlob(blob);
        ws.store(
            bytes(RoomStorageKeys.MIGRATION_STARTED),
            codec.encodeMarker(RoomStorageKeys.MIGRATION_STARTED));
        int written = 0;
        for (RoomData room : legacy.map().values()) {
          if (written++ == 5) {
            break;
          }
          String key = "room:" + Base58.encode(room.owner().bytes().toArray());
          assertTrue(
              ws.cas(bytes(key), codec.encodeSlot(RoomSlot.present(room)), 0).result()
                  instanceof CasStoreResult.Stored);
        }
      }
      assertEquals(
          5, countRoomKeys(NodeProcess.toolAs(token, "inspect", "--data-dir", dataDir.toString())));

      BrowserContext profile = browser.newContext();
      Tab.adoptProfile(profile, node.url(), token);
      Tab tab = new Tab(profile.newPage()).open(node.url());
      assertThat(tab.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
      assertTrue(
          tab.appHook("load-state").getAttribute("data-states").contains("migrating"),
          "the interrupted migration is resumed, not mistaken for a finished one");
      assertThat(tab.appHook("room-item")).hasCount(ROOMS);
      assertEquals(
          ROOMS,
          countRoomKeys(NodeProcess.toolAs(token, "inspect", "--data-dir", dataDir.toString())));
      tab.page.reload();
      assertThat(tab.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
      assertEquals("loading loaded", tab.appHook("load-state").getAttribute("data-states"));
      assertThat(tab.appHook("room-item")).hasCount(ROOMS);
      assertEquals(List.of(), tab.errors());
    }
  }

  /**
   * A room the user joined with the old release: the legacy blob holds their signing key for it
   * (the old release kept keys there), and the node has never seen that key. After the migration
   * the user posts in it, and the message is delivered: the migration put the key on the node. The
   * blob is written the way the old release wrote it, through the legacy delegate, for a real room
   * on this node that the user was invited to.
   */
  @Test
  void aRoomMigratedFromTheLegacyBlobCanBePostedIn() throws Exception {
    try (NodeProcess node = new NodeProcess(dataDir).start();
        Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright)) {
      Tab owner = new Tab(browser.newContext().newPage()).open(node.url());
      ChatSteps.loaded(owner);
      String room = ChatSteps.create(owner, "Since the old days", "owner");
      Invitation invitation = Invitation.decode(ChatSteps.invite(owner));

      String token = mintProfile(node.url());
      try (WsClient ws =
          WsClient.connect(
              "ws://127.0.0.1:"
                  + node.url().replaceAll(".*:(\\d+)/$", "$1")
                  + "/v1/ws?token="
                  + token)) {
        // Joining with the old release: the membership went into the room...
        Response admitted =
            WsClient.await(
                ws.request(
                    new Op.Update(
                        invitation.room(),
                        RoomDelta.builder().member(invitation.membership()).build().encode())));
        assertTrue(admitted.isOk(), "membership accepted: " + admitted.errorMessage());
        // ...and the invitee's key into the user's one legacy blob, nowhere else.
        RoomKey key = RoomKey.of(Bytes.of(invitation.room()));
        RoomData data =
            RoomData.builder(key)
                .signingKey(Bytes.of(invitation.inviteeSeed()))
                .verifyingKey(Bytes.of(invitation.membership().member()))
                .membership(Bytes.of(Cbor.encode(invitation.membership().toCbor())))
                .identityGeneration(1)
                .nickname("old timer")
                .nicknameVersion(1)
                .contractKey(Bytes.of(invitation.room()))
                .build();
        TreeMap<RoomKey, RoomData> map = new TreeMap<>();
        map.put(key, data);
        Rooms legacy = new Rooms(map, new TreeSet<>(), key, new TreeMap<>(), List.of(key));
        ws.on(DelegateKeys.legacy())
            .store(bytes("rooms_data"), new CborRoomsCodec().encodeLegacyBlob(legacy));
      }

      BrowserContext profile = browser.newContext();
      Tab.adoptProfile(profile, node.url(), token);
      Tab tab = new Tab(profile.newPage()).open(node.url());
      assertThat(tab.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
      assertTrue(tab.appHook("load-state").getAttribute("data-states").contains("migrating"));
      ChatSteps.roomItem(tab, room).click();
      assertThat(tab.app().locator(".room-header [data-testid=room-name]"))
          .hasText("Since the old days");
      ChatSteps.send(tab, "still here after the upgrade");
      assertThat(ChatSteps.message(owner, "still here after the upgrade")).hasCount(1);
      assertThat(
              ChatSteps.message(tab, "still here after the upgrade")
                  .locator("[data-testid=message-pending]"))
          .hasCount(0);
      assertThat(tab.appHook("error-banner")).not().containsText("could not be delivered");
      assertEquals(List.of(), tab.errors());
      assertEquals(List.of(), owner.errors());
    }
  }

  /** A new user on the node, as the shell makes one: {@code POST /v1/profiles}. */
  private static String mintProfile(String baseUrl) throws Exception {
    java.net.http.HttpResponse<String> created =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "v1/profiles"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
    assertTrue(m.find(), created.body());
    return m.group(1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int countRoomKeys(String inspect) {
    String current =
        inspect.substring(inspect.indexOf("delegate current"), inspect.indexOf("delegate legacy"));
    Matcher m = Pattern.compile("(?m)^\\s+room:").matcher(current);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String legacyBlobLine(String inspect) {
    String legacy = inspect.substring(inspect.indexOf("delegate legacy"));
    Matcher m = Pattern.compile("(?m)^\\s+rooms_data.*$").matcher(legacy);
    if (!m.find()) {
      throw new AssertionError("no legacy rooms_data in: " + inspect);
    }
    int end = legacy.indexOf('\n', m.end() + 1);
    return legacy.substring(m.start(), end < 0 ? legacy.length() : end);
  }
}
