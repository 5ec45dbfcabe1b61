package river.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Fixture: a real node on a fresh data directory and two loaded tabs ({@code a}, {@code b}): of one
 * browser profile (one user) by default, of two profiles (two users) when a test class says so;
 * after each test, neither tab may have logged a console or page error (but for the node being
 * down, in a test that stops it).
 */
abstract class TwoTabFixture extends NodeAndBrowser {
  Tab a;
  Tab b;

  /** After the fixture has started the node and the browser. */
  @BeforeEach
  void openTwoTabs() throws Exception {
    BrowserContext first = browser.newContext(contextOptions());
    BrowserContext second = sameProfile() ? first : browser.newContext(contextOptions());
    a = new Tab(first.newPage()).open(node.url());
    ChatSteps.loaded(a);
    b = new Tab(second.newPage()).open(node.url());
    ChatSteps.loaded(b);
  }

  /** The browser profiles' options (Chromium's defaults unless a test class says otherwise). */
  Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions();
  }

  /** True: tabs a and b are one user; false: two users (two browser profiles). */
  boolean sameProfile() {
    return true;
  }

  /** True when a test stops the node: Chromium's log of each refused connection is then allowed. */
  boolean nodeGoesDown() {
    return false;
  }

  /** Before the fixture closes the node and the browser (it does, even when this fails). */
  @AfterEach
  void noErrorsInEitherTab() {
    for (Tab t : List.of(a, b)) {
      assertEquals(List.of(), nodeGoesDown() ? t.errorsBesidesNodeDown() : t.errors());
    }
  }
}
