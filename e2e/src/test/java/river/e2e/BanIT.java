package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.send;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bans cascade: alice (owner) invites bob, bob invites carol; alice bans bob and both bob and carol
 * are out, live, in every user's view; the banned see why and are offered nothing the room would
 * refuse (no composer, invite, reply, reactions or nickname). Ban is offered only where the
 * contract allows it, and its confirmation can be cancelled.
 */
class BanIT extends TwoTabFixture {
  /** A third user, carol, whom bob invites. */
  Tab c;

  @Override
  boolean sameProfile() {
    return false;
  }

  @BeforeEach
  void openThirdUser() {
    c = new Tab(browser.newContext().newPage()).open(node.url());
    loaded(c);
  }

  @AfterEach
  void thirdUserLoggedNoErrors() {
    assertEquals(List.of(), c.errors());
  }

  @Test
  void banningBobAlsoRemovesCarolWhomHeInvited() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    join(c, invite(b), "carol", room);
    for (Tab t : List.of(a, b, c)) {
      assertThat(t.appHook("member-item")).hasCount(3);
    }
    assertThat(member(c, "bob").locator("[data-testid=member-relation]"))
        .hasText("invited by alice");
    assertThat(member(a, "carol").locator("[data-testid=member-relation]"))
        .hasText("invited by bob");
    // offered only where the contract accepts it
    assertThat(member(b, "alice").locator("[data-testid=member-ban]")).hasCount(0);
    assertThat(member(b, "carol").locator("[data-testid=member-ban]")).hasCount(1);
    assertThat(member(c, "bob").locator("[data-testid=member-ban]")).hasCount(0);
    send(c, "carol was here");
    assertThat(message(a, "carol was here")).hasCount(1);

    // the confirmation can be cancelled: nothing happens
    member(a, "bob").locator("[data-testid=member-ban]").click();
    assertThat(a.appHook("member-ban-confirm")).isVisible();
    // the room changes while alice decides (a message, a renamed member): the question stays
    // open and keeps the keyboard (every change to the room redraws the member list)
    send(c, "while alice decides");
    assertThat(message(a, "while alice decides")).hasCount(1);
    c.appHook("nickname-edit").fill("carol b");
    c.appHook("nickname-save").click();
    assertThat(member(a, "carol b")).hasCount(1);
    assertThat(a.appHook("member-ban-confirm")).isVisible();
    assertThat(a.appHook("member-ban-cancel")).isFocused();
    a.appHook("member-ban-cancel").click();
    assertThat(a.appHook("member-ban-confirm")).hasCount(0);
    assertThat(a.appHook("member-item")).hasCount(3);
    for (Tab t : List.of(b, c)) {
      assertThat(t.appHook("invite-create")).isVisible();
      assertThat(t.appHook("nickname-edit")).isVisible();
      assertThat(t.appHook("message-reply")).not().hasCount(0);
    }

    member(a, "bob").locator("[data-testid=member-ban]").click();
    a.appHook("member-ban-confirm").click();
    for (Tab t : List.of(a, b, c)) {
      assertThat(t.appHook("member-item")).hasCount(1);
      assertThat(member(t, "alice")).hasCount(1);
    }
    for (Tab t : List.of(b, c)) {
      assertThat(t.appHook("room-notice")).containsText("You were removed from this room");
      assertThat(t.appHook("message-input")).isHidden();
      // nothing offered that the room would refuse: no invite, reply, reaction or nickname
      assertThat(t.appHook("invite-create")).isHidden();
      assertThat(t.appHook("nickname-edit")).isHidden();
      assertThat(t.app().locator("[data-testid=message-reply]:visible")).hasCount(0);
      assertThat(t.app().locator("[data-testid=message-react]:visible")).hasCount(0);
      Jargon.assertNone(t);
    }
    assertThat(a.appHook("invite-create")).isVisible();
    assertThat(a.appHook("nickname-edit")).isVisible();
    assertThat(a.appHook("room-notice")).isHidden();
    send(a, "still here");
    assertThat(message(b, "still here")).hasCount(1);
  }
}
