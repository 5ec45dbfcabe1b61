package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import river.identity.IdentityBlock;
import river.store.Base58;

/**
 * Room identity export and import between two browser profiles on one node: profile 1 exports its
 * identity from the room details, profile 2 imports it (asked first, since it already is another
 * member there) and becomes that member: same name, the history, its older messages editable, and
 * profile 2's other tab follows live. A tampered block is refused and changes nothing.
 */
class IdentityIT extends NodeAndBrowser {
  Tab a1;
  Tab b1;
  Tab b2;

  @BeforeEach
  void open() throws Exception {
    BrowserContext one = browser.newContext();
    BrowserContext two = browser.newContext();
    a1 = new Tab(one.newPage()).open(node.url());
    loaded(a1);
    b1 = new Tab(two.newPage()).open(node.url());
    loaded(b1);
    b2 = new Tab(two.newPage()).open(node.url());
    loaded(b2);
  }

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : List.of(a1, b1, b2)) {
      assertEquals(List.of(), t.errors());
    }
  }

  static Locator in(Locator item, String testId) {
    return item.locator("[data-testid=" + testId + "]");
  }

  /** Opens the room details of the shown room and exports the identity block. */
  static String export(Tab t) {
    t.appHook("room-settings-open").click();
    t.appHook("identity-export").click();
    assertThat(t.appHook("identity-export-code"))
        .hasValue(
            java.util.regex.Pattern.compile(
                "^-----BEGIN RIVER IDENTITY-----[\\s\\S]+-----END RIVER IDENTITY-----\\s*$"));
    String block = t.appHook("identity-export-code").inputValue();
    // What the browser wrote (its SHA-256, base64 and CBOR) reads on the JVM too.
    IdentityBlock.Decoded decoded = IdentityBlock.decode(block);
    assertTrue(decoded.ok(), String.valueOf(decoded.refusal()));
    assertEquals(currentRoomKey(t), Base58.encode(decoded.block().room().bytes().toArray()));
    t.appHook("identity-copy").click();
    t.appHook("room-settings-close").click();
    return block;
  }

  static void pasteImport(Tab t, String block) {
    t.appHook("identity-import-open").click();
    assertThat(t.appHook("identity-import-code")).isFocused();
    t.appHook("identity-import-code").fill(block);
    t.appHook("identity-import-submit").click();
  }

  @Test
  void anImportedIdentityPostsAsTheSameMemberSeesTheHistoryAndEditsItsOlderMessages() {
    String room = create(a1, "Lobby", "alice");
    send(a1, "first from alice");
    assertThat(message(a1, "first from alice")).hasCount(1);
    // Profile 2 is already a member there, as bob.
    String code = invite(a1);
    join(b1, code, "bob", room);
    assertThat(roomItem(b2, room)).isVisible();
    send(b1, "bob here");
    assertThat(in(message(a1, "bob here"), "message-author")).hasText("bob");

    String block = export(a1);

    pasteImport(b1, block);
    // It would replace bob: asked first, and nothing changed yet.
    assertThat(b1.appHook("identity-import-confirm")).isVisible();
    assertThat(in(message(b1, "first from alice"), "message-edit")).hasCount(0);
    b1.appHook("identity-import-confirm").click();
    assertThat(b1.appHook("identity-import-code")).isHidden();
    assertEquals(room, currentRoomKey(b1));

    // The history, and alice's older message is now this profile's to edit, in both its tabs.
    for (Tab t : List.of(b1, b2)) {
      roomItem(t, room).click();
      assertThat(in(message(t, "first from alice"), "message-author")).hasText("alice");
      assertThat(in(message(t, "first from alice"), "message-edit")).hasCount(1);
    }
    send(b1, "alice from profile two");
    for (Tab t : List.of(a1, b1, b2)) {
      assertThat(in(message(t, "alice from profile two"), "message-author")).hasText("alice");
    }
    in(message(b1, "first from alice"), "message-edit").click();
    assertThat(b1.appHook("message-input")).hasValue("first from alice");
    send(b1, "first from alice, edited");
    for (Tab t : List.of(a1, b1, b2)) {
      assertThat(message(t, "first from alice, edited")).hasCount(1);
      assertThat(in(message(t, "first from alice, edited"), "message-edited")).isVisible();
    }

    // Importing the same block again is nothing to do: no question, no change.
    pasteImport(b2, block);
    assertThat(b2.appHook("identity-import-code")).isHidden();
    assertThat(b2.appHook("identity-import-confirm")).isHidden();
  }

  @Test
  void aTamperedOrCutBlockIsRefusedWithAPlainReasonAndChangesNothing() {
    String room = create(a1, "Lobby", "alice");
    String block = export(a1);
    int at = block.indexOf('\n') + 30;
    char c = block.charAt(at);
    String tampered = block.substring(0, at) + (c == 'A' ? 'B' : 'A') + block.substring(at + 1);

    pasteImport(b1, tampered);
    assertThat(b1.appHook("identity-import-error")).containsText("changed or damaged");
    b1.appHook("identity-import-code").fill(block.substring(0, block.length() / 2));
    b1.appHook("identity-import-submit").click();
    assertThat(b1.appHook("identity-import-error")).containsText("incomplete");
    b1.appHook("identity-import-code").fill("hello");
    b1.appHook("identity-import-submit").click();
    assertThat(b1.appHook("identity-import-error")).containsText("not a River identity block");
    assertTrue(b1.appHook("identity-import-error").textContent().length() < 200);

    // Escape closes the dialog; nothing of profile 2 changed.
    b1.appHook("identity-import-code").press("Escape");
    assertThat(b1.appHook("identity-import-code")).isHidden();
    assertThat(b1.appHook("room-item")).hasCount(0);
    assertThat(roomItem(b2, room)).hasCount(0);
  }
}
