package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.roomItem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dialogs and the small states around them: Escape closes every dialog, focus goes to its first
 * field when it opens, stays inside it on Tab, and goes back to the composer when it closes (and
 * into the composer after creating a room); the invite dialog shows the whole code and link and
 * copies each; leaving a room opens the next one, and with none left the pane says what to do; the
 * reorder hint only shows when there is something to reorder; a room created in another tab is
 * never called by a key fragment.
 */
class DialogsIT extends TwoTabFixture {
  /** The data-testid of the focused element in the app (null: none, or the body). */
  static String focused(Tab t) {
    return (String)
        t.appFrame()
            .evaluate(
                "() => document.activeElement && document.activeElement.getAttribute('data-testid')");
  }

  static void waitForFocus(Tab t, String testId) {
    t.page.waitForCondition(
        () -> testId.equals(focused(t)), new Page.WaitForConditionOptions().setTimeout(10_000));
  }

  @Test
  void escapeClosesEveryDialogAndFocusGoesToItsFirstFieldThenBackToTheComposer() {
    assertThat(a.appHook("empty-pane")).containsText("not in any room");
    assertThat(a.appHook("reorder-hint")).isHidden();

    a.appHook("create-room-open").click();
    waitForFocus(a, "create-room-name");
    // Tab stays inside the dialog: back from the first field is its last button, and on again
    a.page.keyboard().press("Shift+Tab");
    waitForFocus(a, "create-room-submit");
    a.page.keyboard().press("Tab");
    waitForFocus(a, "create-room-name");
    a.page.keyboard().press("Escape");
    assertThat(a.appHook("create-room-name")).isHidden();
    waitForFocus(a, "create-room-open"); // no room yet, so no composer to return to

    create(a, "Lobby", "alice");
    waitForFocus(a, "message-input"); // ready to write in the new room
    assertThat(a.appHook("reorder-hint")).isHidden(); // one room: nothing to reorder
    create(a, "Kitchen", "alice");
    assertThat(a.appHook("reorder-hint")).isVisible();

    a.appHook("join-open").click();
    waitForFocus(a, "join-code");
    a.page.keyboard().press("Escape");
    assertThat(a.appHook("join-code")).isHidden();
    waitForFocus(a, "message-input");

    a.appHook("invite-create").click();
    assertThat(a.appHook("invite-code")).not().isEmpty();
    waitForFocus(a, "invite-copy-code");
    a.page.keyboard().press("Escape");
    assertThat(a.appHook("invite-code")).isHidden();
    waitForFocus(a, "message-input");

    // the Close button does the same
    a.appHook("invite-create").click();
    assertThat(a.appHook("invite-code")).not().isEmpty();
    a.appHook("invite-close").click();
    assertThat(a.appHook("invite-code")).isHidden();
    waitForFocus(a, "message-input");
  }

  @Test
  void theInviteDialogShowsTheWholeCodeAndLinkAndCopiesEach() {
    a.page
        .context()
        .grantPermissions(
            List.of("clipboard-read", "clipboard-write"),
            new BrowserContext.GrantPermissionsOptions().setOrigin(node.url()));
    create(a, "Lobby", "alice");
    a.page.setViewportSize(360, 740);
    // on a phone the room's actions (invite among them) are with the members
    a.appHook("members-toggle").click();
    a.appHook("invite-create").click();
    assertThat(a.appHook("invite-code")).not().isEmpty();
    String code = a.appHook("invite-code").textContent();
    for (String hook : List.of("invite-code", "invite-link")) {
      // nothing cut off: the element is as tall as its text, and as wide as its box
      Object fits =
          a.appFrame()
              .evaluate(
                  "id => { const e = document.querySelector(`[data-testid=${id}]`);"
                      + " return e.scrollHeight <= e.clientHeight + 1"
                      + " && e.scrollWidth <= e.clientWidth + 1; }",
                  hook);
      assertEquals(true, fits, hook + " is cut off");
    }
    assertThat(a.appHook("invite-copy-code")).hasText("Copy code");
    a.appHook("invite-copy-code").click();
    assertThat(a.appHook("invite-copy-code")).hasText("Copied");
    assertEquals(code, a.page.evaluate("navigator.clipboard.readText()"));
    a.appHook("invite-copy-link").click();
    assertThat(a.appHook("invite-copy-link")).hasText("Copied");
    assertThat(a.appHook("invite-copy-code")).hasText("Copy code");
    assertEquals(
        node.url() + "?invitation=" + code, a.page.evaluate("navigator.clipboard.readText()"));
  }

  @Test
  void leavingARoomOpensTheNextOneAndLeavingTheLastSaysWhatToDo() {
    create(a, "One", "alice");
    create(a, "Two", "alice");
    create(a, "Three", "alice");
    @SuppressWarnings("unchecked")
    List<String> order =
        (List<String>)
            a.appHook("room-item").evaluateAll("items => items.map(i => i.dataset.roomKey)");
    assertEquals(3, order.size());
    roomItem(a, order.get(1)).click();
    assertEquals(order.get(1), currentRoomKey(a));

    a.appHook("leave-room").click();
    a.appHook("leave-confirm").click();
    assertThat(roomItem(a, order.get(1))).hasCount(0);
    assertEquals(order.get(2), currentRoomKey(a), "the next room in the list opens");
    assertThat(a.appHook("message-input")).isVisible();

    a.appHook("leave-room").click();
    a.appHook("leave-confirm").click();
    assertThat(roomItem(a, order.get(2))).hasCount(0);
    assertEquals(order.get(0), currentRoomKey(a), "the last one gone: the one before it");

    a.appHook("leave-room").click();
    a.appHook("leave-confirm").click();
    assertThat(a.appHook("room-item")).hasCount(0);
    assertThat(a.appHook("empty-pane")).containsText("Create one");
    assertThat(a.appHook("empty-pane")).containsText("invitation code");
  }

  @Test
  void aRoomCreatedInAnotherTabIsNeverCalledByAKeyFragment() {
    // Every name tab b ever draws, from the first render of the new room to its real name.
    b.appFrame()
        .evaluate(
            "() => { window.seenNames = [];"
                + " const record = () => document.querySelectorAll('[data-testid=room-item] [data-testid=room-name]')"
                + "   .forEach(e => window.seenNames.push(e.textContent));"
                + " new MutationObserver(record).observe(document.body,"
                + "   {subtree: true, childList: true, characterData: true}); }");
    String room = create(a, "Far away", "alice");
    assertThat(roomItem(b, room).locator("[data-testid=room-name]")).hasText("Far away");
    @SuppressWarnings("unchecked")
    List<String> seen = (List<String>) b.appFrame().evaluate("() => window.seenNames");
    assertTrue(!seen.isEmpty());
    for (String name : seen) {
      assertTrue(
          name.equals("Far away") || name.equals("Loading…"), "tab b showed the room as " + name);
    }
  }
}
