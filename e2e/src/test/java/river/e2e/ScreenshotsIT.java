package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's screenshots, taken again on every run so they never go stale: two users in a room,
 * seen by the first at 1440 and 360 px, light and dark, written to {@code docs/screenshot-*.png}
 * (the directory is passed as {@code river.docs.dir}; created when missing). The scene is fixed,
 * its clock too (both tabs' {@code Date}, set before each step), so that a run draws the same
 * pictures as the last one and leaves {@code docs/} unchanged unless the app's looks changed.
 */
class ScreenshotsIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  /** The same times and date format on every machine, whatever its own zone and language. */
  @Override
  Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions().setTimezoneId("UTC").setLocale("en-US");
  }

  @Test
  void theReadmeScreenshotsShowTwoUsersInARoom() throws Exception {
    Looks.ALL.get(0).apply(a);
    at("09:30");
    create(a, "Book club", "Ada");
    String room = create(a, "Weekend hike", "Ada");
    at("09:41");
    send(a, "Saturday looks dry. Shall we take the ridge trail this time?");
    String code = invite(a);
    assertThat(a.appHook("invite-close")).isHidden();
    join(b, code, "Ben", room);
    assertThat(a.appHook("invite-close")).isHidden();
    at("09:43");
    send(b, "Yes! I can bring the map and something to eat.");
    at("09:44");
    send(a, "Great. Meet at the station at half past eight?");
    at("09:46");
    send(b, "See you there.");
    assertThat(message(a, "See you there.")).isVisible();
    assertThat(member(a, "Ben")).hasCount(1);
    assertThat(a.app().locator("[data-testid=message-pending]")).hasCount(0);

    assertThat(a.appHook("invite-close")).isHidden();
    Path docs = Path.of(System.getProperty("river.docs.dir", "target/docs"));
    Files.createDirectories(docs);
    for (Looks look : Looks.ALL) {
      look.apply(a);
      assertThat(a.appHook("message-input")).isVisible();
      assertThat(message(a, "See you there.")).isVisible();
      a.page.mouse().move(0, 0); // no hover effects in the picture
      a.page.evaluate("() => document.activeElement && document.activeElement.blur()");
      Path file = docs.resolve("screenshot-" + look.name() + ".png");
      a.page.screenshot(new Page.ScreenshotOptions().setPath(file));
      assertTrue(Files.size(file) > 5_000, file + " holds a picture");
    }
  }

  /**
   * Both users' clocks read {@code hhmm} on 6 June 2026 (UTC, their zone) until the next call;
   * timers keep running. Each message gets its own minute: messages of one instant are ordered by
   * their ids.
   */
  private void at(String hhmm) {
    String time = "2026-06-06T" + hhmm + ":00Z";
    a.page.context().clock().setFixedTime(time);
    b.page.context().clock().setFixedTime(time);
  }
}
