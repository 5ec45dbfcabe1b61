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
 * Fixture: a real node on a fresh data directory and two loaded tabs ({@code a}, {@code b}): of one
 * browser profile (one user) by default, of two profiles (two users) when a test class says so;
 * after each test, neither tab may have logged a console or page error.
 */
abstract class TwoTabFixture {
  @TempDir Path dataDir;
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
    BrowserContext first = browser.newContext();
    BrowserContext second = sameProfile() ? first : browser.newContext();
    a = new Tab(first.newPage()).open(node.url());
    ChatSteps.loaded(a);
    b = new Tab(second.newPage()).open(node.url());
    ChatSteps.loaded(b);
  }

  /** True: tabs a and b are one user; false: two users (two browser profiles). */
  boolean sameProfile() {
    return true;
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
