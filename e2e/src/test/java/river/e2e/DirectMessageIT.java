package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Direct messages in the browser: alice (tab a) writes to bob from the member list; bob's two tabs
 * (b, b2: one profile) both list the thread with one unread, live; bob opens it and the count
 * clears in both; bob replies and alice reads it; a reload keeps the thread and its read mark; bob
 * deletes alice's message and it leaves alice's tab; what was typed shows as text. carol, a third
 * member, gets the same room states and sees no thread and no plaintext.
 */
class DirectMessageIT extends TwoTabFixture {
  static final Page.WaitForConditionOptions LONG =
      new Page.WaitForConditionOptions().setTimeout(30_000);
  static final String HELLO = "<b>x</b> hello bob";

  /** bob's second tab, and carol (a third user). */
  Tab b2;

  Tab c;

  @Override
  boolean sameProfile() {
    return false;
  }

  @BeforeEach
  void openMoreTabs() {
    b2 = new Tab(b.page.context().newPage()).open(node.url());
    loaded(b2);
    c = new Tab(browser.newContext().newPage()).open(node.url());
    loaded(c);
  }

  @AfterEach
  void moreTabsLoggedNoErrors() {
    assertEquals(List.of(), b2.errors());
    assertEquals(List.of(), c.errors());
  }

  static Locator thread(Tab t, String peerKey) {
    return t.app().locator("[data-testid=dm-item][data-peer-key='" + peerKey + "']");
  }

  /**
   * Sends in the open conversation until it is taken: the peer's tab publishes its key for direct
   * messages a moment after joining, and until then the composer says so and keeps the text.
   */
  static void sendWhenTheyCanReceive(Tab t, String text) {
    t.page.waitForCondition(
        () -> {
          send(t, text);
          return t.appHook("message-input").inputValue().isEmpty();
        },
        LONG);
  }

  @Test
  void twoMembersWriteEachOtherPrivatelyLiveInEveryTabAcrossReloads() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    assertThat(roomItem(b2, room)).isVisible();
    join(c, invite(a), "carol", room);
    String aliceKey = member(b, "alice").getAttribute("data-member-key");
    String bobKey = member(a, "bob").getAttribute("data-member-key");
    assertThat(member(a, "alice").locator("[data-testid=dm-open]")).hasCount(0); // not yourself

    member(a, "bob").locator("[data-testid=dm-open]").click();
    sendWhenTheyCanReceive(a, HELLO);
    assertThat(message(a, HELLO)).hasCount(1);
    assertThat(thread(a, bobKey)).hasAttribute("aria-current", "true");

    // both of bob's tabs list the thread, one unread, without anyone reloading
    for (Tab t : List.of(b, b2)) {
      assertThat(thread(t, aliceKey).locator("[data-testid=dm-unread]")).hasText("1");
      assertThat(thread(t, aliceKey)).hasAttribute("data-room-key", room);
      assertThat(thread(t, aliceKey)).containsText("alice");
      assertThat(thread(t, aliceKey)).containsText("Lobby");
    }
    assertThat(b.page).hasTitle("(1) Lobby — River"); // a direct message counts in the title

    // a thread redrawn (a new unread count) is the same button: the keyboard focus stays on it
    thread(b2, aliceKey).focus();
    thread(b2, aliceKey).evaluate("e => e.dataset.marked = 'yes'");
    send(a, "are you there?");
    assertThat(thread(b2, aliceKey).locator("[data-testid=dm-unread]")).hasText("2");
    assertThat(thread(b2, aliceKey)).hasAttribute("data-marked", "yes");
    assertThat(thread(b2, aliceKey)).isFocused();

    // bob opens it: the text as typed (no markup made of it); the count clears in both tabs
    thread(b, aliceKey).click();
    assertThat(message(b, HELLO)).hasCount(1);
    assertThat(b.app().locator("[data-testid=message-text] b")).hasCount(0);
    for (Tab t : List.of(b, b2)) {
      assertThat(thread(t, aliceKey).locator("[data-testid=dm-unread]")).hasCount(0);
    }
    assertThat(b.page).hasTitle("Lobby — River");
    send(b, "hi alice");
    assertThat(message(a, "hi alice")).hasCount(1);
    assertThat(thread(a, bobKey).locator("[data-testid=dm-unread]")).hasCount(0); // shown: read

    // carol's tab has the same room state: no thread, no words of it
    assertThat(c.appHook("dm-item")).hasCount(0);
    assertThat(c.app().getByText("hello bob")).hasCount(0);
    assertThat(c.app().getByText("hi alice")).hasCount(0);

    // reloads keep the thread, its messages and bob's read mark
    a.page.reload();
    loaded(a);
    b.page.reload();
    loaded(b);
    assertThat(thread(b, aliceKey)).isVisible();
    assertThat(thread(b, aliceKey).locator("[data-testid=dm-unread]")).hasCount(0);
    thread(a, bobKey).click();
    assertThat(message(a, HELLO)).hasCount(1);
    assertThat(message(a, "hi alice")).hasCount(1);
    thread(b, aliceKey).click();
    assertThat(message(b, HELLO)).hasCount(1);

    // bob deletes alice's message: it leaves alice's tab too
    message(b, HELLO).locator("[data-testid=message-delete]").click();
    message(b, HELLO).locator("[data-testid=message-delete-confirm]").click();
    assertThat(message(b, HELLO)).hasCount(0);
    assertThat(message(a, HELLO)).hasCount(0);
    assertThat(message(a, "hi alice")).hasCount(1);
    Jargon.assertNone(a);
    Jargon.assertNone(b);
  }

  /**
   * alice invites bob to another of her rooms from their conversation: the invitation arrives as a
   * direct message with "Accept invitation", which opens bob's join dialog filled in; he joins. The
   * room they talk in is not offered.
   */
  @Test
  void anInvitationSentInADirectMessageIsAcceptedFromIt() {
    String lobby = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", lobby);
    String secret = create(a, "Secret", "alice");
    roomItem(a, lobby).click();
    String aliceKey = member(b, "alice").getAttribute("data-member-key");
    member(a, "bob").locator("[data-testid=dm-open]").click();
    sendWhenTheyCanReceive(a, "hi bob");

    a.appHook("dm-invite-open").click();
    assertThat(a.appHook("dm-invite-room")).hasCount(1);
    assertThat(a.appHook("dm-invite-room")).hasText("Secret");
    a.appHook("dm-invite-room").click();
    assertThat(a.appHook("dm-invite-room")).hasCount(0);

    thread(b, aliceKey).click();
    Locator card =
        b.app()
            .locator("[data-testid=message-item]")
            .filter(new Locator.FilterOptions().setHasText("Join me in"));
    assertThat(card).containsText("\u201cSecret\u201d");
    assertThat(card.locator("[data-testid=message-invitation-join]")).hasCount(1);
    assertThat(message(b, "hi bob").locator("[data-testid=message-invitation-join]")).hasCount(0);
    card.locator("[data-testid=message-invitation-join]").click();
    assertThat(b.appHook("join-code")).not().hasValue("");
    b.appHook("join-nickname").fill("bob");
    b.appHook("join-submit").click();
    assertThat(roomItem(b, secret)).isVisible();
    assertThat(roomItem(b2, secret)).isVisible();
  }

  /**
   * bob hides alice's thread in one tab: it leaves both of his tabs (and stays gone across a
   * reload), its unread count leaves the title, and alice's next message brings it back in both.
   * Hiding the open conversation closes it.
   */
  @Test
  void aHiddenThreadLeavesEveryTabUntilANewMessageArrives() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    assertThat(roomItem(b2, room)).isVisible();
    String aliceKey = member(b, "alice").getAttribute("data-member-key");
    member(a, "bob").locator("[data-testid=dm-open]").click();
    sendWhenTheyCanReceive(a, "first");
    for (Tab t : List.of(b, b2)) {
      assertThat(thread(t, aliceKey).locator("[data-testid=dm-unread]")).hasText("1");
    }
    assertThat(b.page).hasTitle("(1) Lobby — River");

    Locator hide = thread(b, aliceKey).locator("xpath=..").locator("[data-testid=dm-hide]");
    assertThat(hide).hasAttribute("aria-label", "Hide the conversation with alice");
    hide.click();
    for (Tab t : List.of(b, b2)) {
      assertThat(thread(t, aliceKey)).hasCount(0);
    }
    assertThat(b.page).hasTitle("Lobby — River"); // hidden is read
    b2.page.reload();
    loaded(b2);
    assertThat(b2.appHook("room-item").first()).isVisible();
    assertThat(thread(b2, aliceKey)).hasCount(0);

    send(a, "second");
    for (Tab t : List.of(b, b2)) {
      assertThat(thread(t, aliceKey).locator("[data-testid=dm-unread]")).hasText("1");
    }

    // hiding the conversation on screen closes it
    thread(b, aliceKey).click();
    assertThat(message(b, "second")).hasCount(1);
    thread(b, aliceKey).locator("xpath=..").locator("[data-testid=dm-hide]").click();
    assertThat(b.appHook("dm-conversation")).hasCount(0);
    assertThat(thread(b, aliceKey)).hasCount(0);
    assertThat(b.appHook("message-input")).isVisible(); // the room's own composer is back
  }

  /**
   * A member who renames themselves still receives direct messages: the rename is their next signed
   * info and keeps the key they published (it used to drop it, and their tab, having published
   * once, never published again). bob has one tab here, so no other tab hides that.
   */
  @Test
  void aMemberWhoRenamesStillReceivesDirectMessages() {
    b2.page.close();
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    String aliceKey = member(b, "alice").getAttribute("data-member-key");
    member(a, "bob").locator("[data-testid=dm-open]").click();
    sendWhenTheyCanReceive(a, "before the rename");
    b.appHook("nickname-edit").fill("bobby");
    b.appHook("nickname-save").click();
    assertThat(member(a, "bobby")).isVisible();
    sendWhenTheyCanReceive(a, "after the rename");
    assertThat(thread(b, aliceKey).locator("[data-testid=dm-unread]")).hasText("2");
    thread(b, aliceKey).click();
    assertThat(message(b, "after the rename")).hasCount(1);
  }

  /** The thread list and the open conversation, light at 1440 px and dark at 360 px (axe). */
  @Test
  void theThreadsAndTheConversationHaveNoSeriousAccessibilityViolations() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    String aliceKey = member(b, "alice").getAttribute("data-member-key");
    member(a, "bob").locator("[data-testid=dm-open]").click();
    sendWhenTheyCanReceive(a, "hello bob");
    assertThat(thread(b, aliceKey).locator("[data-testid=dm-unread]")).hasText("1");
    List<String> found = new java.util.ArrayList<>();
    for (Looks look : Looks.ALL) {
      if (!look.name().equals("1440-light") && !look.name().equals("360-dark")) {
        continue;
      }
      look.apply(b);
      if (b.appHook("back-to-rooms").isVisible()) {
        b.appHook("back-to-rooms").click();
      }
      assertThat(thread(b, aliceKey)).isVisible();
      found.addAll(AccessibilityIT.violations(b, look.name() + ", direct-message threads"));
      thread(b, aliceKey).click();
      assertThat(message(b, "hello bob")).hasCount(1);
      found.addAll(AccessibilityIT.violations(b, look.name() + ", direct conversation"));
    }
    assertEquals(List.of(), found);
  }
}
