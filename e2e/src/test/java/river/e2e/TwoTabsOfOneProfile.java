package river.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture: a real node on a fresh data directory and two loaded tabs ({@code a}, {@code b}) of one
 * browser profile; after each test, neither tab may have logged a console or page error.
 */
abstract class TwoTabsOfOneProfile {
  @TempDir
  Path dataDir;
  NodeProcess node;
  Playwright playwright;
  Browser browser;
  Tab a;
  Tab b;

  @BeforeEach
  void openTwoTabs() throws Exception {
    node = new NodeProcess(dataDir).start();
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
    BrowserContext profile = browser.newContext();
    a = new Tab(profile.newPage()).open(node.url());
    ChatSteps.loaded(a);
    b = new Tab(profile.newPage()).open(node.url());
    ChatSteps.loaded(b);
  }

  @AfterEach
  void closeTwoTabs() throws Exception {
    try {
      assertEquals(List.of(), a.errors());
      assertEquals(List.of(), b.errors());
    } finally {
      browser.close();
      playwright.close();
      node.close();
    }
  }
}
