package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.roomItem;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner renames a room; every member sees the new name live; members cannot rename. */
class RenameRoomIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  @Test
  void theOwnerRenamesAndEveryMemberSeesItLive() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    assertThat(b.appHook("room-rename")).isHidden(); // bob is a member, not the owner

    a.appHook("room-rename").click();
    a.appHook("room-rename-input").fill("x".repeat(101));
    a.appHook("room-rename-save").click();
    assertThat(a.appHook("room-rename-error")).containsText("too long");
    a.appHook("room-rename-input").fill("Main hall <b>");
    a.appHook("room-rename-save").click();
    for (Tab t : List.of(a, b)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-name]")).hasText("Main hall <b>");
      assertThat(t.app().locator(".room-header [data-testid=room-name]")).hasText("Main hall <b>");
    }
    assertThat(a.appHook("room-rename-input")).hasCount(0);
  }
}
