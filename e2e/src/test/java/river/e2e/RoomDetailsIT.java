package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.roomItem;

import com.microsoft.playwright.BrowserContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Room details: the owner edits the description and the member limit in one tab; the owner's other
 * tab and another user's tab show the new description live; the member sees the details read-only
 * with no save button; a nonsense limit is refused in plain words and changes nothing; the room key
 * is copied. Tabs a and b are the owner's (one profile), c is another user's.
 */
class RoomDetailsIT extends TwoTabFixture {
  @Test
  void theOwnerEditsTheDetailsAndEveryTabSeesThemLiveWhileMembersOnlyRead() {
    a.page
        .context()
        .grantPermissions(
            List.of("clipboard-read", "clipboard-write"),
            new BrowserContext.GrantPermissionsOptions().setOrigin(node.url()));
    String room = create(a, "Lobby", "alice");
    roomItem(b, room).click();
    Tab c = new Tab(browser.newContext().newPage()).open(node.url());
    ChatSteps.loaded(c);
    join(c, invite(a), "carol", room);
    List<Tab> everyTab = List.of(a, b, c);
    for (Tab t : everyTab) {
      assertThat(t.appHook("room-description")).hasCount(0); // no description yet
    }

    // the member: everything read-only, no save; Escape closes
    c.appHook("room-settings-open").click();
    assertThat(c.appHook("room-key")).hasText(room);
    assertThat(c.appHook("room-settings-name")).hasValue("Lobby");
    assertThat(c.appHook("room-settings-max-members")).hasValue("200");
    for (String field :
        List.of("room-settings-name", "room-settings-description", "room-settings-max-members")) {
      assertThat(c.appHook(field)).not().isEditable();
    }
    assertThat(c.appHook("room-settings-save")).isHidden();
    assertThat(c.appHook("room-settings-name")).isFocused();
    c.page.keyboard().press("Escape");
    assertThat(c.appHook("room-settings-name")).isHidden();
    assertThat(c.appHook("message-input")).isFocused(); // back to the composer

    // the owner: a nonsense limit is refused in plain words, and nothing changes anywhere
    a.appHook("room-settings-open").click();
    assertThat(a.appHook("room-settings-name")).isFocused();
    assertThat(a.appHook("room-settings-save")).isVisible();
    a.appHook("room-settings-description").fill("Weekly <b>chat</b>");
    a.appHook("room-settings-max-members").fill("0");
    a.appHook("room-settings-save").click();
    assertThat(a.appHook("room-settings-error"))
        .hasText("Most members must be a whole number from 1 to 200.");
    assertThat(a.appHook("room-settings-save")).isVisible(); // still open, as typed
    assertThat(a.appHook("room-settings-description")).hasValue("Weekly <b>chat</b>");

    // the copy button puts the room key on the clipboard, then says so
    a.appHook("room-key-copy").click();
    assertThat(a.appHook("room-key-copy")).hasText("Copied");
    assertEquals(room, a.page.evaluate("navigator.clipboard.readText()"));

    a.appHook("room-settings-max-members").fill("5");
    a.appHook("room-settings-save").click();
    assertThat(a.appHook("room-settings-save")).isHidden(); // saved: the dialog closed
    for (Tab t : everyTab) {
      assertThat(t.appHook("room-description")).hasText("Weekly <b>chat</b>");
      assertThat(t.appHook("room-description")).hasAttribute("dir", "auto");
      assertThat(t.app().locator(".room-description b")).hasCount(0); // text, never markup
    }

    // the member's details follow live, still read-only
    c.appHook("room-settings-open").click();
    assertThat(c.appHook("room-settings-max-members")).hasValue("5");
    assertThat(c.appHook("room-settings-description")).hasValue("Weekly <b>chat</b>");
    c.appHook("room-settings-close").click();
    assertThat(c.appHook("room-settings-name")).isHidden();

    // the owner's other tab shows the saved values too, and a description emptied goes away
    b.appHook("room-settings-open").click();
    assertThat(b.appHook("room-settings-max-members")).hasValue("5");
    b.appHook("room-settings-description").fill("");
    b.appHook("room-settings-save").click();
    for (Tab t : everyTab) {
      assertThat(t.appHook("room-description")).hasCount(0);
    }
    assertEquals(List.of(), c.errors());
  }

  @Test
  void aPrivateRoomsDescriptionIsSealedAndEveryMemberReadsIt() throws Exception {
    a.appHook("create-room-open").click();
    a.appHook("create-room-name").fill("Secret Lobby");
    a.appHook("create-room-nickname").fill("alice");
    a.appHook("create-room-private").check();
    a.appHook("create-room-submit").click();
    assertThat(a.appHook("room-item")).hasCount(1);
    String room = ChatSteps.currentRoomKey(a);
    Tab c = new Tab(browser.newContext().newPage()).open(node.url());
    ChatSteps.loaded(c);
    join(c, invite(a), "carol", room);

    a.appHook("room-settings-open").click();
    assertThat(a.appHook("room-settings-name")).hasValue("Secret Lobby");
    a.appHook("room-settings-description").fill("Plans for the surprise party");
    a.appHook("room-settings-save").click();
    assertThat(a.appHook("room-settings-save")).isHidden();
    for (Tab t : List.of(a, c)) {
      assertThat(t.appHook("room-description")).hasText("Plans for the surprise party");
      assertThat(t.app().locator(".room-header [data-testid=room-name]")).hasText("Secret Lobby");
    }
    assertFalse(PrivateRoomIT.nodeStores(dataDir, "surprise party"));
    assertEquals(List.of(), c.errors());
  }
}
