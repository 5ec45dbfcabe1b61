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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What users see is what was sent: a right-to-left override (U+202E) in a room name, a nickname or
 * a message reorders only that piece of text, never its neighbours. Every element holding user text
 * isolates it ({@code <bdi>} or {@code dir="auto"}, computed {@code unicode-bidi: isolate}): room
 * names in the list and the header, member names and inviters, message authors, texts and reply
 * quotes. The text itself is shown as sent (nothing stripped), as text.
 */
class BidiIT extends TwoTabFixture {
  static final String RLO = "\u202E";

  /** Reads "selas 235.png" on screen if the override leaks; the user typed "gnp.532 sales". */
  static final String ROOM = RLO + "gnp.532 sales";

  static final String NICK_A = RLO + "nimda";
  static final String NICK_B = RLO + "bob";
  static final String MESSAGE = "invoice " + RLO + "gnp.exe";

  @Override
  boolean sameProfile() {
    return false;
  }

  /** The element holding the text (the element itself, or its one {@code <bdi>}) isolates it. */
  private static void assertIsolated(Locator holder, String what) {
    Object verdict =
        holder.evaluate(
            "el => {"
                + " const bdis = el.querySelectorAll('bdi');"
                + " const targets = el.tagName === 'BDI' || el.getAttribute('dir') === 'auto' ? [el] : Array.from(bdis);"
                + " if (targets.length === 0) return 'no isolating element in ' + el.outerHTML;"
                + " for (const t of targets) {"
                + "   const ub = getComputedStyle(t).unicodeBidi;"
                + "   if (ub !== 'isolate') return 'unicode-bidi ' + ub + ' on ' + t.outerHTML;"
                + " }"
                + " return 'ok'; }");
    assertEquals("ok", verdict, what);
  }

  private static void assertAllIsolated(Locator all, String what) {
    int n = all.count();
    assertTrue(n > 0, "no " + what);
    for (int i = 0; i < n; i++) {
      assertIsolated(all.nth(i), what + " #" + i);
    }
  }

  @Test
  void overridesInNamesAndMessagesStayInsideTheirOwnText() {
    String room = create(a, ROOM, NICK_A);
    join(b, invite(a), NICK_B, room);
    send(a, MESSAGE);
    assertThat(message(b, MESSAGE)).hasCount(1);
    message(b, MESSAGE).locator("[data-testid=message-reply]").click();
    send(b, "a reply");
    assertThat(message(a, "a reply").locator("[data-testid=message-reply-to]")).hasCount(1);

    for (Tab t : List.of(a, b)) {
      Locator listed = roomItem(t, room).locator("[data-testid=room-name]");
      assertThat(listed).hasText(ROOM); // shown as sent, nothing stripped
      assertIsolated(listed, "room name in the list");
      assertIsolated(
          t.app().locator(".room-header [data-testid=room-name]"), "room name in the header");
      assertAllIsolated(t.app().locator("[data-testid=member-name]"), "member name");
      assertIsolated(member(t, NICK_B).locator("[data-testid=member-relation]"), "inviter's name");
      assertAllIsolated(t.app().locator("[data-testid=message-author]"), "message author");
      assertAllIsolated(t.app().locator("[data-testid=message-text]"), "message text");
      assertThat(message(t, MESSAGE).locator("[data-testid=message-text]")).hasText(MESSAGE);
      assertIsolated(
          message(t, "a reply").locator("[data-testid=message-reply-to]"), "reply quote");
    }

    // Neighbouring text keeps its place: b's own entry reads "<name> (you)", the "(you)" on the
    // right of the name, whatever the name's override does inside it.
    Object order =
        member(b, NICK_B)
            .locator("[data-testid=member-name]")
            .evaluate(
                "el => {"
                    + " const name = el.querySelector('bdi');"
                    + " const rest = Array.from(el.childNodes).find(n => n.nodeType === 3 && n.textContent.includes('(you)'));"
                    + " if (!name || !rest) return 'not a name and a suffix: ' + el.outerHTML;"
                    + " const range = document.createRange(); range.selectNodeContents(rest);"
                    + " const you = range.getBoundingClientRect(), n = name.getBoundingClientRect();"
                    + " return you.left >= n.right - 0.5 ? 'ok' : '(you) at ' + you.left + ', name ends at ' + n.right; }");
    assertEquals("ok", order);
  }
}
