package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.net.Heartbeat;
import river.wire.OpResult;
import river.wire.Response;
import river.wire.ServerFrame;
import river.wire.WireCodec;

/**
 * A quiet but healthy connection is pinged and kept. Then the path to the node goes silent without
 * closing (a half-open connection): the browser keeps the WebSocket "open" and would show
 * "connected" forever. The shell's heartbeat notices within its deadline (a Ping after the idle
 * period, no answer in time), says so, keeps trying, and is connected again soon after the path
 * comes back; a message then goes through.
 */
class SilentConnectionIT {
  /**
   * Idle period + answer deadline, plus slack for a busy machine (timers, the assertion's polling).
   */
  private static final int NOTICE_WITHIN_MS = Heartbeat.IDLE_MS + Heartbeat.ANSWER_MS + 3_000;

  @TempDir Path dataDir;

  /** An answer to one of the shell's heartbeat Pings (ids from 2^48 up; the app's start at 1). */
  private static boolean isShellPong(byte[] frame) {
    try {
      ServerFrame f = WireCodec.decodeServerFrame(frame);
      return f instanceof Response r
          && r.id() >= 1L << 48
          && r.isOk()
          && r.result() instanceof OpResult.Pong;
    } catch (RuntimeException notOne) {
      return false;
    }
  }

  @Test
  void aSilentConnectionIsNoticedAndReplacedOnceThePathIsBack() throws Exception {
    int relayPort = SilentRelay.freePort();
    try (NodeProcess node =
            new NodeProcess(dataDir, List.of("--allow-host", "127.0.0.1:" + relayPort)).start();
        SilentRelay relay = new SilentRelay(relayPort, node.port());
        Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright)) {
      Tab tab = new Tab(browser.newContext().newPage());
      AtomicBoolean heartbeatAnswered = new AtomicBoolean();
      tab.page.onWebSocket(
          ws ->
              ws.onFrameReceived(
                  frame -> {
                    if (isShellPong(frame.binary())) {
                      heartbeatAnswered.set(true);
                    }
                  }));
      tab.open(relay.url());
      loaded(tab);
      create(tab, "Through the relay", "me");
      assertThat(tab.appHook("connection-status")).hasAttribute("data-state", "connected");
      String pongs = tab.appHook("connection-status").getAttribute("data-pongs");

      // A healthy but quiet connection: the shell pings it after the idle period, the node
      // answers, and nothing else happens (no reconnect, so no new round trip of the app's own).
      tab.page.waitForCondition(
          heartbeatAnswered::get,
          new Page.WaitForConditionOptions().setTimeout(Heartbeat.IDLE_MS + 5_000));
      assertThat(tab.appHook("connection-status")).hasAttribute("data-state", "connected");
      assertEquals(pongs, tab.appHook("connection-status").getAttribute("data-pongs"));

      relay.goSilent();
      long silentAt = System.nanoTime();
      assertThat(tab.appHook("connection-status"))
          .not()
          .hasAttribute(
              "data-state",
              "connected",
              new LocatorAssertions.HasAttributeOptions().setTimeout(NOTICE_WITHIN_MS + 5_000));
      long noticedMs = (System.nanoTime() - silentAt) / 1_000_000;
      assertTrue(noticedMs <= NOTICE_WITHIN_MS, "noticed after " + noticedMs + " ms");
      assertThat(tab.shellHook("shell-status")).not().hasAttribute("data-state", "connected");

      relay.resume();
      assertThat(tab.appHook("connection-status"))
          .hasAttribute(
              "data-state",
              "connected",
              new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
      send(tab, "after the silence");
      assertThat(message(tab, "after the silence")).hasCount(1);
      assertThat(message(tab, "after the silence").locator("[data-testid=message-pending]"))
          .hasCount(0);

      // Chromium logs the abandoned socket and the requests cut by the relay; nothing else may
      // appear.
      tab.dropErrors(e -> e.contains("WebSocket") || e.contains("net::ERR_"));
      assertEquals(List.of(), tab.errors());
    }
  }
}
