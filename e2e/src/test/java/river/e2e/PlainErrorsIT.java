package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.send;

import org.junit.jupiter.api.Test;

/**
 * Walks the error paths a person meets and checks each says what happened and what to do in plain
 * words, never a request name, key, code or codec text ({@link Jargon}): a code with characters an
 * invitation never has, a cut-off invitation link, a message too long for the room, joining again
 * with the invitation of a room one was banned from ({@link UnsavedChangeIT}: the node going silent
 * while a change is being saved).
 */
class PlainErrorsIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  @Test
  void everyRefusalOnTheWayInAndOutOfARoomIsPlain() {
    assertNull(Jargon.find("The node did not answer in time."), "the checker passes plain text");
    assertNotNull(
        Jargon.find("Some changes could not be saved yet: GetVersioned room:E8E1uh…: ERROR"),
        "the checker catches the old message");
    assertNotNull(Jargon.find("invalid base58 character '-' at index 4"));

    String room = create(a, "Lobby", "alice");
    String code = invite(a);

    // a code with a character an invitation never has
    b.appHook("join-open").click();
    b.appHook("join-code").fill("3vQB-7B6MrGQZ");
    b.appHook("join-nickname").fill("bob");
    b.appHook("join-submit").click();
    assertThat(b.appHook("join-error")).containsText("not an invitation code");
    Jargon.assertNone(b);
    b.page.keyboard().press("Escape");

    // an invitation link cut off in the middle (as a chat app may wrap or truncate it)
    b.open(node.url() + "?invitation=" + code.substring(0, code.length() / 2));
    loaded(b);
    assertThat(b.appHook("join-code")).hasValue(code.substring(0, code.length() / 2));
    b.appHook("join-nickname").fill("bob");
    b.appHook("join-submit").click();
    assertThat(b.appHook("join-error")).containsText("damaged or incomplete");
    Jargon.assertNone(b);
    b.page.keyboard().press("Escape");

    join(b, code, "bob", room);
    // the room's state has reached bob's tab (a send before it is refused as "not loaded yet")
    assertThat(member(b, "alice")).isVisible();

    // a message longer than the room allows: refused with the limit, the text kept
    send(b, "x".repeat(1200));
    assertThat(b.appHook("composer-error")).containsText("too long");
    Jargon.assertNone(b);
    b.appHook("message-input").fill("");

    // banned, left, and back with the old invitation
    member(a, "bob").locator("[data-testid=member-ban]").click();
    a.appHook("member-ban-confirm").click();
    assertThat(b.appHook("room-notice")).containsText("You were removed from this room");
    Jargon.assertNone(b);
    b.appHook("leave-room").click();
    b.appHook("leave-confirm").click();
    assertThat(b.appHook("room-item")).hasCount(0);
    b.appHook("join-open").click();
    b.appHook("join-code").fill(code);
    b.appHook("join-nickname").fill("bob again");
    b.appHook("join-submit").click();
    assertThat(b.appHook("join-error")).containsText("You were removed from this room");
    assertThat(b.appHook("room-item")).hasCount(0);
    Jargon.assertNone(b);
    Jargon.assertNone(a);
  }
}
