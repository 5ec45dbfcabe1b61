package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.Test;

/**
 * The shell's socket is usually up before the app frame's script has run, and the shell says
 * "connected" to the frame at once. The app keeps what the shell posted before it listened (the
 * keeper in {@code app/index.html}) and starts its rooms load from it, instead of waiting a hello
 * round trip for the shell to say it again.
 *
 * <p>Made certain, not hoped for: the shell's script is held until the frame's keeper is in place,
 * the frame's script until the shell's socket is up, and the shell never hears the app's hello (a
 * listener in the shell page stops it). The only "connected" the app can have is the early one.
 */
class EarlyStatusIT extends NodeAndBrowser {

  /** The two held /river.js requests; answered on the test's thread, in the order it chooses. */
  volatile Route shellScript;

  volatile Route appScript;

  @Test
  void theAppLoadsOnWhatTheShellSaidBeforeTheAppListened() {
    BrowserContext context = browser.newContext();
    context.addInitScript(
        "if (window === window.top) window.addEventListener('message', e => {"
            + " if (e.data && e.data.k === 'hello') { window.__helloStopped = (window.__helloStopped"
            + " || 0) + 1; e.stopImmediatePropagation(); } }, true);");
    Page page = context.newPage();
    page.route(
        "**/river.js",
        route -> {
          if (route.request().frame().parentFrame() == null) {
            shellScript = route;
          } else {
            appScript = route;
          }
        });
    Tab tab = new Tab(page);
    page.navigate(node.url(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));

    page.waitForCondition(() -> shellScript != null && Tab.appFrameOf(page) != null);
    Tab.appFrameOf(page).waitForFunction("() => typeof window.riverTakeEarly === 'function'");
    shellScript.resume();
    assertThat(tab.shellHook("shell-status"))
        .hasAttribute("data-state", "connected", ChatSteps.SLOW);
    page.waitForCondition(() -> appScript != null);
    appScript.resume();

    loaded(tab);
    assertThat(tab.appHook("connection-status")).hasAttribute("data-state", "connected");
    Object stopped = page.evaluate("() => window.__helloStopped || 0");
    assertTrue(((Number) stopped).intValue() >= 1, "the shell never heard a hello: " + stopped);
    // The early "connected" was taken once: one load, one Ping, and the tab works as usual.
    create(tab, "Early", "ann");
    assertThat(tab.appHook("connection-status")).hasAttribute("data-pongs", "1");
    assertEquals(java.util.List.of(), tab.errors());
  }
}
