package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.pg.PostgresCluster;

/**
 * Two node processes on one PostgreSQL database, behind one origin ({@link OneOriginRelay}, as a
 * reverse proxy would be), one browser profile: tab A's connections go to node 1, tab B's to node
 * 2. Rooms and messages made in one tab appear live in the other across the nodes; when node 1
 * stops, tab A reconnects (through the same origin) to node 2 and the chat goes on.
 */
class TwoNodesOnePostgresIT {
  @TempDir Path dir;

  @Test
  void tabsOnTwoNodesSeeEachOtherLiveAndSurviveANodeStopping() throws Exception {
    String db = PostgresCluster.shared().newDatabaseUrl();
    int originPort = SilentRelay.freePort();
    List<String> args = List.of("--db", db, "--allow-host", "127.0.0.1:" + originPort);
    try (OneOriginRelay origin = new OneOriginRelay(originPort);
        NodeProcess one = new NodeProcess(dir.resolve("one"), args).start();
        NodeProcess two = new NodeProcess(dir.resolve("two"), args).start();
        Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright)) {
      origin.addNode(one.port());
      origin.addNode(two.port());
      BrowserContext profile = browser.newContext();

      origin.prefer(one.port());
      Tab a = new Tab(profile.newPage()).open(origin.url());
      ChatSteps.loaded(a);
      assertThat(a.appHook("connection-status"))
          .hasAttribute("data-state", "connected", ChatSteps.SLOW);
      origin.prefer(two.port());
      Tab b = new Tab(profile.newPage()).open(origin.url());
      ChatSteps.loaded(b);
      assertThat(b.appHook("connection-status"))
          .hasAttribute("data-state", "connected", ChatSteps.SLOW);
      assertTrue(origin.connectionsTo(two.port()) > 0, "tab B's connections went to node 2");
      assertEquals(
          a.storedToken(), b.storedToken(), "one profile, minted on node 1, used on node 2");

      // a room created on node 1 appears in tab B on node 2 (DelegateKeyChanged across nodes)
      String room = create(a, "Across", "alice");
      assertThat(ChatSteps.roomItem(b, room)).isVisible();
      ChatSteps.roomItem(b, room).click();
      // messages both ways (ContractUpdated across nodes)
      send(a, "from node one");
      assertThat(message(b, "from node one")).hasCount(1);
      send(b, "from node two");
      assertThat(message(a, "from node two")).hasCount(1);

      // node 1 stops: tab A notices, reconnects through the same origin to node 2, and goes on
      int toTwo = origin.connectionsTo(two.port());
      assertEquals(0, one.stop(), "node 1 stops cleanly");
      long deadline = System.currentTimeMillis() + 20_000;
      while (origin.connectionsTo(two.port()) == toTwo) {
        assertTrue(System.currentTimeMillis() < deadline, "tab A never reconnected to node 2");
        Thread.sleep(50); // polling a condition (the relay's counter), not waiting for time
      }
      assertThat(a.appHook("connection-status"))
          .hasAttribute("data-state", "connected", ChatSteps.SLOW);
      send(a, "after the stop");
      assertThat(message(b, "after the stop")).hasCount(1);
      assertThat(message(a, "after the stop").locator("[data-testid=message-pending]")).hasCount(0);
      send(b, "still here");
      assertThat(message(a, "still here")).hasCount(1);
      assertEquals(List.of(), b.errors());
      assertEquals(List.of(), a.errorsBesidesNodeDown());
    }
  }
}
