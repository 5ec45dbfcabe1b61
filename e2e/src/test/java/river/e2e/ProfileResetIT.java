package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.roomItem;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import river.net.ReconnectBackoff;

/**
 * The node's data directory is reset while two tabs of one profile are open: the node no longer
 * knows their token. Both tabs say so (instead of reconnecting forever) and offer a new profile;
 * the first tab to accept mints it, the second adopts the same one, so the browser stays one user.
 * They say so promptly once the node is back, even after an outage long enough for the reconnect
 * backoff to reach its cap.
 */
class ProfileResetIT extends TwoTabFixture {
  /** The longest reconnect backoff, plus slack for the question itself on a busy machine. */
  private static final long PROMPTLY_MS =
      ReconnectBackoff.MAX_MS + 5_000; // one backoff period, with slack for a busy machine

  private static long refusedAttempts(Tab t) {
    return t.errors().stream()
        .filter(e -> e.contains("ERR_CONNECTION_REFUSED") || e.contains("WebSocket connection to"))
        .count();
  }

  @Test
  void bothTabsExplainAnUnknownProfileAndMoveToOneNewProfile() throws Exception {
    create(a, "Before the reset", "alice");
    String oldToken = a.storedToken();
    node.stop();
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path f : files.toList()) {
        Files.delete(f); // the operator wiped the node's data
      }
    }
    // An outage of a few seconds or more: the tabs' reconnect backoff has reached its cap.
    for (Tab t : new Tab[] {a, b}) {
      t.page.waitForCondition(
          () -> refusedAttempts(t) >= 5, new Page.WaitForConditionOptions().setTimeout(30_000));
    }
    node.start();
    long back = System.nanoTime();

    for (Tab t : new Tab[] {a, b}) {
      // The first attempt that reaches the node learns it: within one backoff period, not a few.
      long left = PROMPTLY_MS - (System.nanoTime() - back) / 1_000_000;
      assertThat(t.shellHook("shell-error"))
          .containsText(
              "does not know this browser's profile",
              new LocatorAssertions.ContainsTextOptions().setTimeout(Math.max(1, left)));
      assertThat(t.shellHook("profile-reset")).isVisible();
      assertThat(t.shellHook("shell-status")).hasAttribute("data-state", "disconnected");
    }
    a.page.waitForNavigation(
        () -> a.shellHook("profile-reset").click()); // the shell reloads itself
    loaded(a);
    assertThat(a.appHook("room-item")).hasCount(0);
    String fresh = a.storedToken();
    assertNotEquals(oldToken, fresh);

    b.page.waitForNavigation(() -> b.shellHook("profile-reset").click());
    loaded(b);
    assertEquals(fresh, b.storedToken(), "the second tab adopts the first tab's new profile");
    String room = create(a, "After the reset", "alice");
    assertThat(roomItem(b, room)).isVisible();

    // The refused upgrades and the 401 answers are logged by Chromium itself; nothing else may be.
    for (Tab t : new Tab[] {a, b}) {
      t.dropErrors(
          e ->
              e.contains("WebSocket") || e.contains("401") || e.contains("ERR_CONNECTION_REFUSED"));
      assertTrue(t.errors().isEmpty(), t.errors().toString());
    }
  }
}
