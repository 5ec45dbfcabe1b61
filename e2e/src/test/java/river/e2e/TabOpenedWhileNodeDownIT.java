package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.loaded;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A browser that has used River once opens another tab while the node is down: instead of the
 * browser's error page, the shell (kept by the service worker) loads, says the server cannot be
 * reached and keeps trying; when the node is back the chat loads in that tab by itself.
 */
class TabOpenedWhileNodeDownIT extends NodeAndBrowser {
  @Test
  void theShellSaysTheServerIsUnreachableAndLoadsTheChatOnceItIsBack() throws Exception {
    BrowserContext profile = browser.newContext();
    Tab first = new Tab(profile.newPage()).open(node.url());
    loaded(first);
    // The service worker has kept the shell once it controls the page.
    first.page.waitForCondition(
        () -> (Boolean) first.page.evaluate("() => navigator.serviceWorker.controller !== null"),
        new Page.WaitForConditionOptions().setTimeout(20_000));

    node.stop();
    Tab late = new Tab(profile.newPage()).open(node.url());
    assertThat(late.shellHook("shell-offline"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
    assertThat(late.shellHook("shell-offline")).containsText("cannot reach");
    assertThat(late.shellHook("shell-status")).not().hasAttribute("data-state", "connected");

    node.start();
    assertThat(late.appHook("connection-status"))
        .hasAttribute(
            "data-state",
            "connected",
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    loaded(late);
    // The app's pill is the one indicator again.
    assertThat(late.shellHook("shell-offline")).isHidden();
    assertThat(late.shellHook("shell-status")).isHidden();

    // Chromium logs the refused requests (the app page, the socket, the profile check).
    for (Tab t : List.of(first, late)) {
      assertEquals(List.of(), t.errorsBesidesNodeDown());
    }
  }
}
