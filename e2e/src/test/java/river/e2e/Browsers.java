package river.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright (it cannot download its own browser here). */
final class Browsers {
  private Browsers() {}

  static Playwright playwright() {
    // Waiting assertions give up after 10 s instead of Playwright's 5: a CI machine slower than
    // this one (node restarts, reconnect backoff) must not turn a late success into a failure.
    // A condition that never holds still fails.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser chromium(Playwright playwright, String... extraArgs) {
    String exe = System.getProperty("river.chromium", "/usr/bin/chromium");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic"));
    args.addAll(List.of(extraArgs));
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(exe))
                .setHeadless(true)
                .setArgs(args));
  }
}
