package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node goes silent while a change is being saved: the user reads that it is not saved yet and
 * will be (never the request that timed out, its storage key or the host's error code), and the
 * warning goes once the path is back and the change is saved.
 */
class UnsavedChangeIT {
  @TempDir Path relayDataDir;

  @Test
  void aSaveCutOffByASilentNodeSaysItWillBeSavedAgainAndThenIs() throws Exception {
    int relayPort = SilentRelay.freePort();
    try (NodeProcess relayed =
            new NodeProcess(relayDataDir, List.of("--allow-host", "127.0.0.1:" + relayPort))
                .start();
        SilentRelay relay = new SilentRelay(relayPort, relayed.port());
        Playwright pw = Browsers.playwright();
        Browser chromium = Browsers.chromium(pw)) {
      Tab t = new Tab(chromium.newContext().newPage()).open(relay.url());
      loaded(t);
      create(t, "Quiet room", "me");
      relay.goSilent();
      t.appHook("notification-mode").selectOption("muted");
      // the request's own deadline (10 s) or the heartbeat's notice, whichever comes first
      LocatorAssertions.ContainsTextOptions slow =
          new LocatorAssertions.ContainsTextOptions().setTimeout(45_000);
      assertThat(t.appHook("error-banner")).containsText("not saved yet", slow);
      Jargon.assertNone(t);

      relay.resume();
      assertThat(t.appHook("error-banner"))
          .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(60_000));
      Jargon.assertNone(t);
      // Chromium logs the abandoned socket and the requests the relay cut; nothing else may show.
      t.dropErrors(e -> e.contains("WebSocket") || e.contains("net::ERR_"));
      assertEquals(List.of(), t.errors());
    }
  }
}
