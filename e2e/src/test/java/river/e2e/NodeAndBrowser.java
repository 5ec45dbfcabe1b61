package river.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture: a real node on a fresh data directory and one Chromium, for tests that open their own
 * pages the way they need them (held scripts, recorded frames). Closed after each test, after the
 * test class's own {@code @AfterEach}.
 */
abstract class NodeAndBrowser {
  @TempDir Path dataDir;
  NodeProcess node;
  Playwright playwright;
  Browser browser;

  @BeforeEach
  void startNodeAndBrowser() throws Exception {
    node = new NodeProcess(dataDir).start();
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
  }

  @AfterEach
  void closeNodeAndBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (node != null) {
      node.close();
    }
  }
}
