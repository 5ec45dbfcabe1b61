package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

/**
 * The page's layout, one user in two tabs: a phone (360 x 740) shows the room list, the
 * conversation and the members one at a time, and the conversation gets the screen; a wide window
 * (1440 x 900) shows the three side by side. Each shows exactly one connection indicator.
 */
class NarrowLayoutIT extends TwoTabFixture {
  private static final String LONG_TEXT =
      "A message long enough to need more than one line on a phone, which must still read as"
          + " sentences rather than a column of one to three words per line.";

  @Test
  void aPhoneShowsOnePartAtATimeAndTheConversationGetsTheScreen() {
    a.page.setViewportSize(360, 740);
    // No room yet: the room list and its buttons, no conversation to go back from.
    assertThat(a.appHook("create-room-open")).isVisible();
    assertThat(a.appHook("back-to-rooms")).isHidden();

    String room = create(a, "Pocket room", "ann");
    // Creating a room opens its conversation, full screen.
    assertThat(a.appHook("message-input")).isVisible();
    assertThat(a.appHook("back-to-rooms")).isVisible();
    assertThat(a.appHook("members-toggle")).isVisible();
    assertThat(roomItem(a, room)).isHidden();
    assertThat(a.appHook("member-list")).isHidden();
    assertThat(a.appHook("nickname-edit")).isHidden();
    BoundingBox list = box(a.appHook("message-list"));
    assertTrue(list.height >= 450, "the message list is " + list.height + " px of 740");

    send(a, LONG_TEXT);
    assertThat(message(a, LONG_TEXT).locator("[data-testid=message-pending]")).hasCount(0);
    BoundingBox text = box(message(a, LONG_TEXT).locator("[data-testid=message-text]"));
    assertTrue(text.width >= 240, "the message text is " + text.width + " px wide of 360");

    // A phone has no hover: a long press (contextmenu from a touch) opens the message's actions;
    // a mouse's right click leaves them (and the browser's menu) alone.
    Locator bar = message(a, LONG_TEXT).locator(".message-actions");
    String press =
        "(item, type) => item.dispatchEvent(new PointerEvent('contextmenu',"
            + " {bubbles: true, cancelable: true, pointerType: type}))";
    message(a, LONG_TEXT).evaluate(press, "mouse");
    assertThat(bar).not().hasAttribute("data-open", "true");
    message(a, LONG_TEXT).evaluate(press, "touch");
    assertThat(bar).hasAttribute("data-open", "true");
    assertThat(bar).hasCSS("opacity", "1");
    assertThat(bar.locator("[data-testid=message-reply]")).isVisible();

    // The members (and the nickname form and room settings) are a view of their own.
    a.appHook("members-toggle").click();
    assertThat(a.appHook("member-list")).isVisible();
    assertThat(a.appHook("nickname-edit")).isVisible();
    assertThat(a.appHook("invite-create")).isVisible();
    assertThat(a.appHook("message-list")).isHidden();
    assertThat(a.appHook("members-toggle")).hasAttribute("aria-pressed", "true");
    a.appHook("members-toggle").click();
    assertThat(a.appHook("message-list")).isVisible();
    assertThat(a.appHook("member-list")).isHidden();

    // Back to the list, and into the room again.
    a.appHook("back-to-rooms").click();
    assertThat(roomItem(a, room)).isVisible();
    assertThat(a.appHook("message-list")).isHidden();
    roomItem(a, room).click();
    assertThat(a.appHook("message-input")).isVisible();
    assertThat(roomItem(a, room)).isHidden();

    oneConnectionIndicator(a);
  }

  @Test
  void aWideWindowShowsRoomsConversationAndMembersSideBySide() {
    b.page.setViewportSize(1440, 900);
    String room = create(b, "Wide room", "bea");
    send(b, LONG_TEXT);
    assertThat(roomItem(b, room)).isVisible();
    assertThat(b.appHook("message-list")).isVisible();
    assertThat(b.appHook("member-list")).isVisible();
    assertThat(b.appHook("message-input")).isVisible();
    assertThat(b.appHook("back-to-rooms")).isHidden();
    assertThat(b.appHook("members-toggle")).isHidden();
    BoundingBox rooms = box(roomItem(b, room));
    BoundingBox messages = box(b.appHook("message-list"));
    BoundingBox members = box(b.appHook("member-list"));
    assertTrue(rooms.x + rooms.width <= messages.x, "rooms left of the conversation");
    assertTrue(messages.x + messages.width <= members.x, "members right of the conversation");
    oneConnectionIndicator(b);
  }

  /**
   * The element's box once it is drawn: a list re-rendered between a check and the measurement
   * leaves the locator without a box for a moment.
   */
  private static BoundingBox box(Locator l) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      assertThat(l).isVisible();
      BoundingBox b = l.boundingBox();
      if (b != null) {
        return b;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no box for " + l);
      }
    }
  }

  /** The shell's pill and the app's are one: only the app's shows while the app runs. */
  private static void oneConnectionIndicator(Tab t) {
    assertThat(t.appHook("connection-status")).hasAttribute("data-state", "connected");
    assertThat(t.appHook("connection-status")).isVisible();
    assertThat(t.shellHook("shell-status")).isHidden();
    // The shell still carries its socket's state for whoever needs it.
    assertThat(t.shellHook("shell-status")).hasAttribute("data-state", "connected");
    int shown = 0;
    for (Locator pill :
        new Locator[] {t.appHook("connection-status"), t.shellHook("shell-status")}) {
      shown += pill.isVisible() ? 1 : 0;
    }
    assertEquals(1, shown, "connection indicators shown");
  }
}
