package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The conversation as a person uses it every day, between two users: times and date separators, the
 * "New messages" divider, grouping, safe links, the multi-line composer and its draft across a
 * reload, mentions that follow renames, the reaction picker and who reacted, and scrolling that
 * stays with the newest message without pulling the reader away from older ones.
 */
class ConversationIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  static Locator in(Locator item, String testId) {
    return item.locator("[data-testid=" + testId + "]");
  }

  /** Waits for a condition of the page (polling; the suite must pass on a busy machine). */
  static void eventually(String what, BooleanSupplier condition) {
    long end = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < end, "timed out waiting: " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  static boolean atBottom(Tab t) {
    return (Boolean)
        t.appHook("message-list")
            .evaluate("el => el.scrollTop + el.clientHeight >= el.scrollHeight - 30");
  }

  @Test
  void messagesShowTheirTimeADateSeparatorAndGroupByAuthor() {
    create(a, "Lobby", "alice");
    send(a, "first");
    send(a, "second");
    Locator first = message(a, "first");
    Locator time = in(first, "message-time");
    assertThat(time)
        .hasAttribute("datetime", Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d"));
    assertThat(time).hasAttribute("title", Pattern.compile("\\d"));
    assertThat(time).hasText(Pattern.compile("\\d"));
    assertEquals("time", time.evaluate("el => el.tagName.toLowerCase()"));
    assertThat(a.appHook("date-separator")).hasCount(1);
    // the second message by the same author a moment later: grouped, the author said once
    assertThat(message(a, "second")).hasAttribute("data-grouped", "true");
    assertThat(first).not().hasAttribute("data-grouped", "true");
  }

  @Test
  void onlyHttpLinksBecomeLinksAndTheyOpenSafely() {
    create(a, "Lobby", "alice");
    String text = "see https://example.org/page?q=1 or javascript:alert(1) or data:text/html,x";
    send(a, text);
    Locator item = message(a, text);
    assertThat(item).hasCount(1);
    Locator links = in(item, "message-link");
    assertThat(links).hasCount(1);
    assertThat(links).hasAttribute("href", "https://example.org/page?q=1");
    assertThat(links).hasAttribute("rel", "noopener noreferrer");
    assertThat(links).hasAttribute("target", "_blank");
    assertThat(links).hasText("https://example.org/page?q=1");
    assertThat(item.locator("a")).hasCount(1);
  }

  @Test
  void formattingShowsAsEmphasisAndCodeAndMarkupStaysText() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    a.appHook("message-input")
        .fill("**bold** _it_ ~~gone~~ `a*b*` <b>x</b> 2 * 3 * 4\n```\nif (x) {\n  y();\n}\n```");
    a.appHook("message-input").press("Enter");
    for (Tab t : new Tab[] {a, b}) {
      Locator text = t.appHook("message-text").last();
      assertThat(text.locator("strong")).hasText("bold");
      assertThat(text.locator("em")).hasText("it");
      assertThat(text.locator("s")).hasText("gone");
      assertThat(in(text, "message-code")).hasText("a*b*");
      assertThat(in(text, "message-code-block")).hasText("if (x) {\n  y();\n}");
      assertEquals("PRE", in(text, "message-code-block").evaluate("el => el.tagName"));
      // markup a user typed is text, never an element; unpaired stars stay as typed
      assertThat(text.locator("b")).hasCount(0);
      assertThat(text).containsText("<b>x</b> 2 * 3 * 4");
    }
    // a reply quotes it without the markup
    Locator item = b.appHook("message-item").last();
    item.hover();
    in(item, "message-reply").click();
    b.appHook("message-input").fill("nice");
    b.appHook("message-input").press("Enter");
    assertThat(in(message(a, "nice"), "message-reply-to")).containsText("bold it gone a*b*");
  }

  /** The message right after the "New messages" divider, as text. */
  static String afterDivider(Tab t) {
    return (String)
        t.appHook("unread-divider")
            .evaluate(
                "el => el.nextElementSibling.querySelector('[data-testid=message-text]')"
                    + ".textContent");
  }

  @Test
  void aRoomOpensWithANewMessagesDividerBeforeWhatArrivedWhileAway() {
    String lobby = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", lobby);
    send(a, "seen before");
    assertThat(message(b, "seen before")).hasCount(1); // bob is looking: it is read
    assertThat(b.appHook("unread-divider")).hasCount(0);
    String elsewhere = create(b, "Elsewhere", "bob");
    send(a, "while away 1");
    send(a, "while away 2");
    assertThat(roomItem(b, lobby).locator("[data-testid=room-unread]")).hasText("2");

    roomItem(b, lobby).click();
    assertThat(b.appHook("unread-divider")).hasText("New messages");
    assertEquals("while away 1", afterDivider(b));
    send(a, "while here"); // arrives while bob reads: the divider stays where it was
    assertThat(message(b, "while here")).hasCount(1);
    assertThat(b.appHook("unread-divider")).hasCount(1);
    assertEquals("while away 1", afterDivider(b));

    // away and back with nothing new: no divider
    roomItem(b, elsewhere).click();
    roomItem(b, lobby).click();
    assertThat(message(b, "while here")).hasCount(1);
    assertThat(b.appHook("unread-divider")).hasCount(0);
  }

  @Test
  void shiftEnterStartsANewLineEnterSendsAndTheDraftSurvivesAReload() {
    create(a, "Lobby", "alice");
    Locator input = a.appHook("message-input");
    assertEquals("textarea", input.evaluate("el => el.tagName.toLowerCase()"));
    input.fill("line one");
    input.press("Shift+Enter");
    input.pressSequentially("line two");
    assertThat(input).hasValue("line one\nline two");
    assertThat(a.appHook("message-item")).hasCount(0);

    a.page.reload();
    ChatSteps.loaded(a);
    assertThat(a.appHook("message-input")).hasValue("line one\nline two");

    a.appHook("message-input").press("Enter");
    assertThat(a.appHook("message-item")).hasCount(1);
    assertEquals("line one\nline two", a.appHook("message-text").evaluate("el => el.textContent"));
    assertThat(a.appHook("message-input")).hasValue("");
    a.page.reload();
    ChatSteps.loaded(a);
    assertThat(a.appHook("message-item")).hasCount(1);
    assertThat(a.appHook("message-input")).hasValue("");
  }

  @Test
  void aChosenMentionNamesTheMemberAndFollowsTheirRename() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    assertThat(member(a, "bob")).hasCount(1);
    String bobKey = member(a, "bob").getAttribute("data-member-key");

    Locator input = a.appHook("message-input");
    input.fill("");
    input.pressSequentially("hi @bo");
    Locator suggestion = a.appHook("mention-suggestion");
    assertThat(a.appHook("mention-suggestions")).isVisible();
    assertThat(suggestion).hasCount(1);
    assertThat(suggestion).hasAttribute("data-member-key", bobKey);
    assertThat(suggestion).hasAttribute("aria-selected", "true");
    input.press("Enter"); // chooses the suggestion, does not send
    assertThat(input).hasValue("hi @bob ");
    assertThat(a.appHook("mention-suggestions")).isHidden();
    input.pressSequentially("look");
    input.press("Enter");

    for (Tab t : new Tab[] {a, b}) {
      Locator mention = t.app().locator("[data-testid=message-mention]");
      assertThat(mention).hasText("@bob");
      assertThat(mention).hasAttribute("data-member-key", bobKey);
    }
    b.appHook("nickname-edit").fill("robert");
    b.appHook("nickname-save").click();
    for (Tab t : new Tab[] {a, b}) {
      assertThat(t.app().locator("[data-testid=message-mention]")).hasText("@robert");
      assertThat(message(t, "hi @robert look")).hasCount(1);
    }
  }

  @Test
  void aMentionByKeyCountsForTheMentionedMemberInMentionsMode() {
    String lobby = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", lobby);
    b.appHook("notification-mode").selectOption("mentions");
    String other = create(b, "Other", "bob"); // bob now looks at another room
    ChatSteps.roomItem(b, other).click();
    assertThat(b.page).hasTitle("Other — River");

    Locator input = a.appHook("message-input");
    input.pressSequentially("@bo");
    assertThat(a.appHook("mention-suggestion")).hasCount(1);
    input.press("Enter");
    input.pressSequentially("ping");
    input.press("Enter");
    assertThat(message(a, "@bob ping")).hasCount(1);
    Locator unread = ChatSteps.roomItem(b, lobby).locator("[data-testid=room-unread]");
    assertThat(unread).hasText("1");
    assertThat(b.page).hasTitle("(1) Other — River");
    send(a, "just chatting");
    assertThat(unread).hasText("2");
    assertThat(b.page).hasTitle("(1) Other — River");
  }

  @Test
  void thePickerSearchesByNameAndAReactionSaysWhoReacted() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    send(a, "we shipped it");
    Locator item = message(b, "we shipped it");
    assertThat(item).hasCount(1);
    in(item, "message-react").click();
    assertThat(b.appHook("reaction-picker")).isVisible();
    // The picker opens with a few emoji while the full set (loaded on first use) is on its way:
    // wait until it is there, a real emoji set and not three (a count read at once raced it).
    assertThat(b.appHook("reaction-option").nth(20)).isAttached();
    b.appHook("reaction-search").fill("party pop");
    assertThat(b.appHook("reaction-option")).hasCount(1);
    assertThat(b.appHook("reaction-option")).hasAttribute("data-emoji", "🎉");
    b.appHook("reaction-search").fill("no such emoji name");
    assertThat(b.appHook("reaction-option")).hasCount(0);
    b.appHook("reaction-search").press("Escape");
    assertThat(b.appHook("reaction-picker")).isHidden();

    ChatSteps.react(b, item, "party popper", "🎉");
    Locator chip = in(message(a, "we shipped it"), "message-reaction");
    assertThat(chip).hasText("🎉 1");
    assertThat(chip).hasAttribute("title", "Reacted by bob");
    chip.click();
    assertThat(chip).hasText("🎉 2");
    assertThat(chip).hasAttribute("title", "Reacted by bob, you");
  }

  @Test
  void theListFollowsTheNewestMessageOffersAJumpWhenScrolledUpAndQuotesJump() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    a.page.setViewportSize(900, 420);
    for (int i = 0; i < 30; i++) {
      send(a, "filler " + i);
    }
    assertThat(message(a, "filler 29")).hasCount(1);
    assertThat(message(b, "filler 29")).hasCount(1);
    eventually("alice's list follows her own messages", () -> atBottom(a));
    assertThat(a.appHook("jump-to-latest")).hasCount(0);

    // scrolled up to read: a newer message does not pull the list, it offers the jump
    a.appHook("message-list").evaluate("el => { el.scrollTop = 0; }");
    send(b, "news from bob");
    assertThat(message(a, "news from bob")).hasCount(1);
    assertThat(a.appHook("jump-to-latest")).isVisible();
    assertEquals(
        0.0, ((Number) a.appHook("message-list").evaluate("el => el.scrollTop")).doubleValue());
    a.appHook("jump-to-latest").click();
    eventually("the jump goes to the newest", () -> atBottom(a));
    assertThat(a.appHook("jump-to-latest")).hasCount(0);

    // the user's own message always goes to the bottom
    a.appHook("message-list").evaluate("el => { el.scrollTop = 0; }");
    in(message(a, "filler 0"), "message-reply").click();
    send(a, "about the first");
    assertThat(message(a, "about the first")).hasCount(1);
    eventually("own message scrolled into view", () -> atBottom(a));
    assertThat(a.appHook("jump-to-latest")).hasCount(0);

    // the quote jumps to the original and marks it
    in(message(a, "about the first"), "message-reply-to").click();
    assertThat(message(a, "filler 0")).hasAttribute("data-jumped", "true");
    assertTrue(
        (Boolean)
            message(a, "filler 0")
                .evaluate(
                    "el => { const l = el.closest('ol').getBoundingClientRect();"
                        + " const r = el.getBoundingClientRect();"
                        + " return r.top >= l.top && r.bottom <= l.bottom; }"),
        "the original is in view");

    // after a reload, on a phone-sized screen too, the list opens at the newest message
    a.page.setViewportSize(360, 640);
    a.page.reload();
    ChatSteps.loaded(a);
    assertThat(message(a, "about the first")).hasCount(1);
    eventually("the reloaded list opens at the bottom", () -> atBottom(a));
    assertTrue(
        (Boolean)
            message(a, "about the first")
                .evaluate(
                    "el => el.getBoundingClientRect().bottom"
                        + " <= el.closest('ol').getBoundingClientRect().bottom + 1"),
        "the newest message is fully in view");
  }

  @Test
  void deletingAsksFirst() {
    create(a, "Lobby", "alice");
    send(a, "regrettable");
    Locator item = message(a, "regrettable");
    in(item, "message-delete").click();
    assertThat(in(item, "message-delete-confirm")).isVisible();
    in(item, "message-delete-cancel").click();
    assertThat(in(item, "message-delete-confirm")).hasCount(0);
    assertThat(item).hasCount(1);
    in(item, "message-delete").click();
    in(item, "message-delete-confirm").click();
    assertThat(message(a, "regrettable")).hasCount(0);
    assertThat(a.appHook("message-item")).hasCount(0);
    assertThat(
            a.app()
                .getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText("regrettable")))
        .hasCount(0);
  }
}
