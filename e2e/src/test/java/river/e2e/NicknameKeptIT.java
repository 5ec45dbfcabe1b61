package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static river.e2e.ChatSteps.SLOW;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.roomItem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A nickname edit is kept until the room has it: made while the node is down, it is not lost. The
 * user is told it is not saved yet and goes out by itself; once the node is back the tab saves the
 * request and publishes it without being asked again, and the profile's other tab shows it too,
 * also after a reload. (Were the tab closed while the node is down, the request would go with it:
 * the rooms data is kept on the node, and only the outbox of messages is kept in the browser.)
 */
class NicknameKeptIT extends TwoTabFixture {
  @Override
  boolean nodeGoesDown() {
    return true;
  }

  static final LocatorAssertions.HasTextOptions TEXT_SLOW =
      new LocatorAssertions.HasTextOptions().setTimeout(20_000);

  static Locator myName(Tab t) {
    return t.app().locator("[data-testid=member-item].self [data-testid=member-name]");
  }

  @Test
  void aNicknameEditedWhileTheNodeIsDownGoesOutOnceItIsBack() throws Exception {
    String room = create(a, "Lobby", "alice");
    roomItem(b, room).click();
    assertThat(myName(b)).hasText("alice (you)");

    node.stop();
    for (Tab t : List.of(a, b)) {
      assertThat(t.appHook("connection-status")).hasAttribute("data-state", "disconnected", SLOW);
    }
    a.appHook("nickname-edit").fill("Alicia");
    a.appHook("nickname-save").click();
    // told it is not saved yet: the nickname's own notice ("... goes out by itself") once the
    // request is given up for now (the link's deadline, 10 s, while disconnected), or the save
    // warning for the rooms data it is kept in, whichever the banner shows last
    LocatorAssertions.ContainsTextOptions slow =
        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    assertThat(a.appHook("error-banner")).containsText("not saved yet", slow);
    Jargon.assertNone(a);

    node.start();
    for (Tab t : List.of(a, b)) {
      assertThat(t.appHook("connection-status")).hasAttribute("data-state", "connected", SLOW);
    }
    // nobody saves again: the tab that was asked publishes the kept request on the room's state
    assertThat(myName(a)).hasText("Alicia (you)", TEXT_SLOW);
    assertThat(myName(b)).hasText("Alicia (you)", TEXT_SLOW);
    // and the notice no longer holds: it goes (the save warning goes once the data is saved)
    assertThat(a.appHook("error-banner"))
        .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(20_000));
    b.page.reload();
    loaded(b);
    roomItem(b, room).click();
    assertThat(myName(b)).hasText("Alicia (you)");
  }
}
