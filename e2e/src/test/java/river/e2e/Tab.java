package river.e2e;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser tab with the shell loaded: access to the app iframe through the UI-CONTRACT hooks,
 * and every console error and uncaught page error it produced, for the "no errors" checks.
 */
final class Tab {
  final Page page;
  private final List<String> errors = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger warnings =
      new java.util.concurrent.atomic.AtomicInteger();

  Tab(Page page) {
    this.page = page;
    inFront = this; // a page just opened is the front one
    page.onConsoleMessage(
        m -> {
          if ("warning".equals(m.type()) && warnings.incrementAndGet() <= 20) {
            System.out.println(
                "[tab warning] " + m.text()); // diagnostics for the CI log (the first few)
          }
          if ("error".equals(m.type())) {
            synchronized (errors) {
              errors.add(m.text());
            }
          }
        });
    page.onPageError(
        e -> {
          synchronized (errors) {
            errors.add("page error: " + e);
          }
        });
  }

  Tab open(String url) {
    page.navigate(url);
    return this;
  }

  FrameLocator app() {
    front();
    return page.frameLocator("#app-frame");
  }

  /** The app iframe's frame of a page that may not have one yet (null then). */
  static Frame appFrameOf(Page page) {
    for (Frame f : page.frames()) {
      if (f.parentFrame() != null && f.url().endsWith("/app/index.html")) {
        return f;
      }
    }
    return null;
  }

  /** The app iframe's frame, for evaluating in it (the hooks above are for acting on it). */
  Frame appFrame() {
    for (Frame f : page.frames()) {
      if (f.parentFrame() != null && f.url().contains("/app/")) {
        return f;
      }
    }
    throw new AssertionError("no app frame");
  }

  Locator appHook(String testId) {
    return app().locator("[data-testid=" + testId + "]");
  }

  Locator shellHook(String testId) {
    front();
    return page.locator("[data-testid=" + testId + "]");
  }

  /** The tab last brought to the front, of any test in this JVM. */
  private static Tab inFront;

  /**
   * Brings this tab to the front before a test acts on it. Before each click Playwright waits for
   * the element to stay put over two animation frames, and in a page that is not the front one
   * (another tab opened after it, or axe's own page) that wait took 1 to 2 s per click instead of
   * milliseconds (AccessibilityIT took 124 s instead of 25). What a test checks is unchanged: both
   * tabs stay visible, and no test here depends on which tab has the window's focus.
   */
  /** Another page (axe's, for one) was in front since: the next action brings its tab back. */
  static void frontLost() {
    inFront = null;
  }

  private void front() {
    if (inFront != this) {
      page.bringToFront();
      inFront = this;
    }
  }

  /** The profile token as the shell stored it in its origin's IndexedDB. */
  String storedToken() {
    return (String)
        page.evaluate(
            "() => new Promise((resolve, reject) => {"
                + " const open = indexedDB.open('river-shell');"
                + " open.onerror = () => reject(open.error);"
                + " open.onsuccess = () => {"
                + "   const get = open.result.transaction('profile').objectStore('profile').get('token');"
                + "   get.onsuccess = () => { resolve(get.result); open.result.close(); };"
                + "   get.onerror = () => reject(get.error); }; })");
  }

  /** Makes this browser profile the user with {@code token} before the shell first runs. */
  static void adoptProfile(
      com.microsoft.playwright.BrowserContext context, String baseUrl, String token) {
    Page p = context.newPage();
    p.navigate(baseUrl + "shell.css");
    p.evaluate(
        "token => new Promise((resolve, reject) => {"
            + " const open = indexedDB.open('river-shell', 1);"
            + " open.onupgradeneeded = () => open.result.createObjectStore('profile');"
            + " open.onerror = () => reject(open.error);"
            + " open.onsuccess = () => {"
            + "   const tx = open.result.transaction('profile', 'readwrite');"
            + "   tx.objectStore('profile').put(token, 'token');"
            + "   tx.oncomplete = () => { open.result.close(); resolve(); };"
            + "   tx.onerror = () => reject(tx.error); }; })",
        token);
    p.close();
  }

  List<String> errors() {
    synchronized (errors) {
      return new ArrayList<>(errors);
    }
  }

  /**
   * The errors besides those a stopped node causes: Chromium itself logs each refused WebSocket and
   * each refused request (the shell's profile check) while the node is down.
   */
  List<String> errorsBesidesNodeDown() {
    return errors().stream()
        .filter(
            e ->
                !e.contains("WebSocket connection to")
                    && !e.contains("net::ERR_CONNECTION_REFUSED"))
        .toList();
  }

  /** Forgets the errors a test provoked on purpose (e.g. the browser's own network errors). */
  void dropErrors(java.util.function.Predicate<String> expected) {
    synchronized (errors) {
      errors.removeIf(expected);
    }
  }

  void clearErrors() {
    synchronized (errors) {
      errors.clear();
    }
  }
}
