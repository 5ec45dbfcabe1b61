package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.roomItem;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deputies (upstream #410): alice (owner) invites bob and carol. Bob may not ban carol until alice
 * names him her deputy; then every user sees "deputy of alice", and bob may ban carol. Alice's
 * second tab takes the naming back, and it stays taken back through a reload of her first tab
 * (whose saved request was the older one). Named again, bob bans carol.
 */
class DeputyIT extends TwoTabFixture {
  /** Carol, a third user; and alice's second tab. */
  Tab c;

  Tab a2;

  @Override
  boolean sameProfile() {
    return false;
  }

  @BeforeEach
  void openMoreTabs() {
    c = new Tab(browser.newContext().newPage()).open(node.url());
    loaded(c);
  }

  @AfterEach
  void moreTabsLoggedNoErrors() {
    assertEquals(List.of(), c.errors());
    if (a2 != null) {
      assertEquals(List.of(), a2.errors());
    }
  }

  @Test
  void theOwnersDeputyMayBanAMemberTheOwnerInvited() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    join(c, invite(a), "carol", room);
    a2 = new Tab(a.page.context().newPage()).open(node.url());
    loaded(a2);
    roomItem(a2, room).click();
    for (Tab t : List.of(a, a2, b, c)) {
      assertThat(t.appHook("member-item")).hasCount(3);
    }
    // nobody is a deputy; bob invited nobody, so he may name nobody, and may not ban carol
    assertThat(b.appHook("member-deputy")).hasCount(0);
    assertThat(b.appHook("member-deputize")).hasCount(0);
    assertThat(member(b, "carol").locator("[data-testid=member-ban]")).hasCount(0);
    // the owner may name either, never herself
    assertThat(member(a, "alice").locator("[data-testid=member-deputize]")).hasCount(0);
    assertThat(member(a, "carol").locator("[data-testid=member-deputize]")).hasCount(1);

    member(a, "bob").locator("[data-testid=member-deputize]").click();
    for (Tab t : List.of(a, a2, b, c)) {
      assertThat(member(t, "bob").locator("[data-testid=member-deputy]"))
          .hasText("deputy of alice");
    }
    assertThat(member(a2, "bob").locator("[data-testid=member-undeputize]")).hasCount(1);
    assertThat(member(b, "carol").locator("[data-testid=member-ban]")).hasCount(1);
    assertThat(member(b, "alice").locator("[data-testid=member-ban]")).hasCount(0);
    assertThat(member(c, "bob").locator("[data-testid=member-ban]")).hasCount(0);

    // alice's other tab takes it back; her first tab, reloaded, does not name bob again
    member(a2, "bob").locator("[data-testid=member-undeputize]").click();
    assertThat(member(b, "carol").locator("[data-testid=member-ban]")).hasCount(0);
    assertThat(member(a, "bob").locator("[data-testid=member-deputize]")).hasCount(1);
    // a2 has stored the request (no save pass running or due) before alice's first tab reloads
    assertThat(a2.appHook("load-state")).hasAttribute("data-saving", "false", ChatSteps.SLOW);
    a.page.reload();
    loaded(a);
    roomItem(a, room).click();
    assertThat(member(a, "bob").locator("[data-testid=member-deputize]")).hasCount(1);
    for (Tab t : List.of(a, a2, b, c)) {
      assertThat(t.appHook("member-deputy")).hasCount(0);
    }

    // named again, bob bans carol
    member(a, "bob").locator("[data-testid=member-deputize]").click();
    member(b, "carol").locator("[data-testid=member-ban]").click();
    b.appHook("member-ban-confirm").click();
    for (Tab t : List.of(a, a2, b)) {
      assertThat(t.appHook("member-item")).hasCount(2);
    }
    assertThat(c.appHook("room-notice")).containsText("You were removed from this room");
    assertThat(member(a, "bob").locator("[data-testid=member-deputy]")).hasText("deputy of alice");
    for (Tab t : List.of(a, b)) {
      Jargon.assertNone(t);
    }
  }
}
