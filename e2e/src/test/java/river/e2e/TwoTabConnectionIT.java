package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promise end to end: two tabs of one browser profile are the same user, each
 * talks to the node through the shell bridge (a Ping/Pong round trip), another profile is another
 * user, and when the node goes away and comes back every tab notices and reconnects by itself.
 */
class TwoTabConnectionIT extends NodeAndBrowser {
  private static final LocatorAssertions.HasAttributeOptions SLOW =
      new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

  @Test
  void twoTabsShareOneProfileAndSurviveANodeRestart() throws Exception {
    BrowserContext profile = browser.newContext();
    Tab a = new Tab(profile.newPage()).open(node.url());
    Tab b = new Tab(profile.newPage()).open(node.url());
    for (Tab t : List.of(a, b)) {
      assertThat(t.appHook("connection-status")).hasAttribute("data-state", "connected", SLOW);
      assertThat(t.shellHook("shell-status")).hasAttribute("data-state", "connected", SLOW);
    }
    int pongsA = pongs(a);
    assertTrue(pongsA >= 1, "tab A completed a Ping through the bridge");
    assertTrue(pongs(b) >= 1, "tab B completed a Ping through the bridge");

    String tokenA = a.storedToken();
    assertNotNull(tokenA);
    assertEquals(tokenA, b.storedToken(), "both tabs of one browser profile are the same user");

    BrowserContext otherProfile = browser.newContext();
    Tab c = new Tab(otherProfile.newPage()).open(node.url());
    assertThat(c.appHook("connection-status")).hasAttribute("data-state", "connected", SLOW);
    assertNotEquals(tokenA, c.storedToken(), "another browser profile is another user");

    assertEquals(List.of(), a.errors());
    assertEquals(List.of(), b.errors());
    assertEquals(List.of(), c.errors());

    assertEquals(0, node.stop(), "the node stops cleanly on SIGTERM");
    for (Tab t : List.of(a, b)) {
      assertThat(t.appHook("connection-status")).hasAttribute("data-state", "disconnected", SLOW);
      assertThat(t.shellHook("shell-status")).hasAttribute("data-state", "disconnected", SLOW);
    }

    node.start();
    for (Tab t : List.of(a, b)) {
      assertThat(t.appHook("connection-status")).hasAttribute("data-state", "connected", SLOW);
    }
    // A fresh Ping went through after the reconnect, with the same (persisted) profile.
    waitForPongsAbove(a, pongsA);
    assertEquals(tokenA, a.storedToken());

    // While the node was down Chromium logs each refused connection; nothing else may appear.
    for (Tab t : List.of(a, b)) {
      assertEquals(List.of(), t.errorsBesidesNodeDown());
    }
  }

  private static int pongs(Tab t) {
    Locator pill = t.appHook("connection-status");
    String v = pill.getAttribute("data-pongs");
    return v == null ? 0 : Integer.parseInt(v);
  }

  private static void waitForPongsAbove(Tab t, int before) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (pongs(t) <= before) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no Pong after the reconnect");
      }
      Thread.sleep(100);
    }
  }
}
