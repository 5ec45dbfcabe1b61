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
 * are out, live, in every user's view; the banned see why and can no longer write. Ban is offered
 * only where the contract allows it.
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

    member(a, "bob").locator("[data-testid=member-ban]").click();
    a.appHook("member-ban-confirm").click();
    for (Tab t : List.of(a, b, c)) {
      assertThat(t.appHook("member-item")).hasCount(1);
      assertThat(member(t, "alice")).hasCount(1);
    }
    for (Tab t : List.of(b, c)) {
      assertThat(t.appHook("room-notice")).containsText("no longer a member");
      assertThat(t.appHook("message-input")).isHidden();
    }
    assertThat(a.appHook("room-notice")).isHidden();
    send(a, "still here");
    assertThat(message(b, "still here")).hasCount(1);
  }
}
