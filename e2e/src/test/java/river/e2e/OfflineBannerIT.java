package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.loaded;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node stops while a tab is open: the pill says so at once, and after a moment the offline
 * banner explains it in plain words and counts down to the next reconnect attempt. Once the node is
 * "Retry now" tries at once instead of waiting for the countdown; once the node is back the tab
 * reconnects by itself and the banner goes.
 */
class OfflineBannerIT extends NodeAndBrowser {
  /** river.net.OfflineNotice.SHOW_AFTER_MS: down this long before the banner shows. */
  private static final int SHOW_AFTER_MS = 2000;

  @Test
  void theBannerCountsDownToTheNextAttemptAndRetryNowTriesAtOnce() throws Exception {
    BrowserContext context = browser.newContext();
    // The shell's connection attempts (sockets and fetches), on the page's own clock: a busy test
    // machine may tell
    // Playwright late, but not change when the page tried.
    context.addInitScript(
        "if (location.pathname.indexOf('/app/') < 0) {"
            + " const Real = window.WebSocket; window.__attempts = [];"
            + " const Counted = function (url, protocols) { window.__attempts.push(Date.now());"
            + "  return protocols === undefined ? new Real(url) : new Real(url, protocols); };"
            + " Counted.prototype = Real.prototype; Object.setPrototypeOf(Counted, Real);"
            + " window.WebSocket = Counted;"
            // while the node is down an attempt starts with a fetch (the profile check)
            + " const realFetch = window.fetch; window.fetch = function () {"
            + "  window.__attempts.push(Date.now()); return realFetch.apply(this, arguments); }; }");
    Tab t = new Tab(context.newPage()).open(node.url());
    loaded(t);
    Locator pill = t.appHook("connection-status");
    Locator banner = t.appHook("offline-banner");
    assertThat(pill).hasAttribute("data-state", "connected");
    assertThat(banner).isHidden();

    // When the pill and the banner change, on the app frame's own clock: Playwright, polling
    // on a busy machine, can notice the pill late and make the gap look short.
    t.appFrame()
        .evaluate(
            "() => { const pill = document.querySelector('[data-testid=connection-status]');"
                + " const banner = document.querySelector('[data-testid=offline-banner]');"
                + " new MutationObserver(() => { const now = performance.now();"
                + "  if (window.__downAt === undefined"
                + "   && pill.getAttribute('data-state') !== 'connected') window.__downAt = now;"
                + "  if (window.__bannerAt === undefined && window.__downAt !== undefined"
                + "   && !banner.hasAttribute('hidden')) window.__bannerAt = now;"
                + " }).observe(document.body, {attributes: true, subtree: true}); }");
    node.stop();
    // The pill changes first; the banner only once the node has been gone for a while.
    waitUntil(banner::isVisible, 20_000);
    double gap =
        ((Number) t.appFrame().evaluate("() => window.__bannerAt - window.__downAt")).doubleValue();
    assertTrue(
        gap >= SHOW_AFTER_MS - 300, "the banner showed " + gap + " ms after the pill changed");
    assertThat(banner).containsText("Can't reach the River server");
    assertThat(t.appHook("offline-retry")).isVisible();

    // The countdown drops by whole seconds towards the next attempt.
    int[] seen = {-1};
    waitUntil(
        () -> {
          int now = retryIn(banner);
          boolean dropped = seen[0] >= 2 && now == seen[0] - 1;
          seen[0] = now;
          return dropped;
        },
        30_000);

    // "Retry now" while the next attempt is still seconds away: an attempt starts at once (the
    // browser logs each one the stopped node refuses).
    waitUntil(() -> retryIn(banner) >= 4, 60_000);
    int due = retryIn(banner); // the next attempt is more than (due - 1) s away
    t.appFrame()
        .evaluate(
            "() => document.addEventListener('click', e => {"
                + " if (e.target.closest && e.target.closest('[data-testid=offline-retry]'))"
                + "  window.__clickedAt = Date.now(); }, true)");
    int before = ((Number) t.page.evaluate("() => window.__attempts.length")).intValue();
    t.appHook("offline-retry").click();
    t.page.waitForFunction("n => window.__attempts.length > n", before);
    double clicked = ((Number) t.appFrame().evaluate("() => window.__clickedAt")).doubleValue();
    double attempted =
        ((Number) t.page.evaluate("n => window.__attempts[n]", before)).doubleValue();
    assertTrue(
        attempted - clicked < (due - 1) * 1000L - 500,
        "the attempt came " + (attempted - clicked) + " ms after the click, not at once");

    node.start();
    assertThat(pill)
        .hasAttribute(
            "data-state",
            "connected",
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    assertThat(banner).isHidden();

    assertEquals(List.of(), t.errorsBesidesNodeDown());
  }

  private static int retryIn(Locator banner) {
    String v = banner.getAttribute("data-retry-in");
    return v == null ? -1 : Integer.parseInt(v);
  }

  /** Polls {@code condition} every 50 ms; returns System.currentTimeMillis() when it held. */
  private static long waitUntil(java.util.function.BooleanSupplier condition, long timeoutMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + timeoutMs + " ms");
      }
      Thread.sleep(50);
    }
    return System.currentTimeMillis();
  }
}
