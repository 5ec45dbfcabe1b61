package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import org.junit.jupiter.api.Test;

/**
 * Leaving, for the others, and coming back: bob leaves alice's room, and alice's member list drops
 * him while his message keeps his name; alice invites him again, he returns as the same member
 * (listed once, not as a second "bob") and can still edit the message he wrote before; what he had
 * left unsent in the composer is gone with the room.
 */
class LeaveRejoinIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  @Test
  void aMemberWhoLeavesIsGoneFromTheListAndReturnsAsTheSameMember() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    send(b, "bob before leaving");
    assertThat(a.appHook("member-item")).hasCount(2);
    // a half-written message when he leaves: it goes with the room, not kept for a later visit
    b.appHook("message-input").fill("unsent when bob left");

    b.appHook("leave-room").click();
    b.appHook("leave-confirm").click();
    assertThat(roomItem(b, room)).hasCount(0);
    assertThat(a.appHook("member-item")).hasCount(1);
    assertThat(message(a, "bob before leaving").locator("[data-testid=message-author]"))
        .hasText("bob");

    b.page.reload(); // the drafts come from the profile's storage, not from the tab's memory
    ChatSteps.loaded(b);
    join(b, invite(a), "bob", room);
    assertThat(b.appHook("message-input")).hasValue("");
    assertThat(a.appHook("member-item")).hasCount(2);
    assertThat(member(a, "bob")).hasCount(1);
    assertThat(b.appHook("member-item")).hasCount(2);
    // the same member: his older message is still his to edit
    assertThat(message(b, "bob before leaving").locator("[data-testid=message-edit]")).hasCount(1);
    send(b, "bob is back");
    assertThat(message(a, "bob is back")).hasCount(1);
  }
}
