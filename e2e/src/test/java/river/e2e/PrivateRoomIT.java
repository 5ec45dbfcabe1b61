package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A private room: name, nicknames and messages are encrypted in the browser (AES-GCM, room secret
 * carried by the invitation), readable by both members; the room's name and messages are never
 * stored in plain text on the node.
 */
class PrivateRoomIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  static boolean nodeStores(Path dir, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] hay = Files.readAllBytes(f);
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (hay[i + j] != needle[j]) {
              continue outer;
            }
          }
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void membersReadEverythingAndTheNodeStoresNoPlainText() throws Exception {
    a.appHook("create-room-open").click();
    a.appHook("create-room-name").fill("Secret Lobby");
    a.appHook("create-room-nickname").fill("alicia-private");
    a.appHook("create-room-private").check();
    a.appHook("create-room-submit").click();
    assertThat(a.appHook("room-item")).hasCount(1);
    String room = currentRoomKey(a);
    assertThat(roomItem(a, room).locator("[data-testid=room-name]")).hasText("Secret Lobby");

    join(b, invite(a), "bobby-private", room);
    for (Tab t : List.of(a, b)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-name]")).hasText("Secret Lobby");
      assertThat(member(t, "alicia-private")).hasCount(1);
      assertThat(member(t, "bobby-private")).hasCount(1);
    }
    send(a, "whisper from alice");
    send(b, "whisper from bob");
    for (Tab t : List.of(a, b)) {
      assertThat(message(t, "whisper from alice").locator("[data-testid=message-author]"))
          .hasText("alicia-private");
      assertThat(message(t, "whisper from bob").locator("[data-testid=message-author]"))
          .hasText("bobby-private");
    }
    ChatSteps.react(b, message(b, "whisper from alice"), "thumbs up", "👍");
    assertThat(message(a, "whisper from alice").locator("[data-testid=message-reaction]"))
        .hasText("👍 1");

    // the owner renames it: sealed with the room secret too
    a.appHook("room-rename").click();
    a.appHook("room-rename-input").fill("Hidden Annex");
    a.appHook("room-rename-save").click();
    for (Tab t : List.of(a, b)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-name]")).hasText("Hidden Annex");
    }

    // a fresh tab reads it all again from the stored secret
    a.page.reload();
    loaded(a);
    assertThat(message(a, "whisper from bob")).hasCount(1);

    // The room contract holds only ciphertext. (Each user's own delegate store on the node keeps
    // their RoomData, which by design includes their nickname and the room secret, as it keeps
    // their signing keys; so nicknames are not checked here.)
    ChatSteps.create(b, "Open Plaza", "bob");
    send(b, "said in public");
    assertThat(message(b, "said in public")).hasCount(1);
    assertThat(b.appHook("message-pending")).hasCount(0); // acknowledged, so durably stored
    assertTrue(
        nodeStores(dataDir, "said in public"), "control: the node stores public rooms readably");
    for (String secret :
        List.of("Secret Lobby", "Hidden Annex", "whisper from alice", "whisper from bob")) {
      assertFalse(nodeStores(dataDir, secret), "the node stores '" + secret + "' in plain text");
    }
  }
}
