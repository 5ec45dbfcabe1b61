package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import org.junit.jupiter.api.Test;

/**
 * Notification modes decide what counts in the tab title: a muted room's messages do not, a
 * "mentions and replies" room's count only when they mention the user; the room's own unread badge
 * always shows every unread message.
 */
class NotificationModesIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  @Test
  void mutedAndMentionsRoomsCountOnlyWhatTheModeAsksForInTheTitle() {
    String lobby = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", lobby);
    b.appHook("notification-mode").selectOption("muted");
    String other = create(b, "Other", "bob"); // bob now looks at another room
    roomItem(b, other).click();

    send(a, "hello");
    assertThat(roomItem(b, lobby).locator("[data-testid=room-unread]")).hasText("1");
    assertThat(b.page).hasTitle("Other — River");

    roomItem(b, lobby).click(); // read it
    assertThat(roomItem(b, lobby).locator("[data-testid=room-unread]")).hasCount(0);
    b.appHook("notification-mode").selectOption("mentions");
    roomItem(b, other).click();
    send(a, "just chatting");
    assertThat(roomItem(b, lobby).locator("[data-testid=room-unread]")).hasText("1");
    assertThat(b.page).hasTitle("Other — River");
    send(a, "@bob are you there?");
    assertThat(roomItem(b, lobby).locator("[data-testid=room-unread]")).hasText("2");
    assertThat(b.page).hasTitle("(1) Other — River");

    roomItem(b, lobby).click();
    b.appHook("notification-mode").selectOption("all");
    roomItem(b, other).click();
    send(a, "anything");
    assertThat(b.page).hasTitle("(1) Other — River");
  }
}
