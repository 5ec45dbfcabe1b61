package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import river.node.tools.bench.BenchReport;

/**
 * The browser benchmark's chat rows, as a user feels them: from pressing Enter in one user's tab
 * until the message is in another user's tab (p50/p95), and the time to open a room holding its
 * full kept history (click to every message drawn, and reload to every message drawn).
 *
 * <p>Times are taken inside the pages, on the epoch clock ({@code performance.timeOrigin +
 * performance.now()}), by a capture listener on the sender's composer and a MutationObserver on the
 * receiver's message list: Playwright's own round trips are not in the figures.
 */
final class ChatBench {
  private static final LocatorAssertions.HasCountOptions LONG =
      new LocatorAssertions.HasCountOptions().setTimeout(120_000);

  private ChatBench() {}

  /** Send in user A's tab → shown in user B's tab, {@code trials} messages one after another. */
  static void acrossUsers(BenchReport report, Browser browser, int trials) throws Exception {
    Path dir = Files.createTempDirectory("river-bench-users");
    try (NodeProcess node = new NodeProcess(dir).start();
        BrowserContext userA = browser.newContext();
        BrowserContext userB = browser.newContext()) {
      Tab[] users = ChatSteps.twoUsersInARoom(userA, userB, node.url(), "bench users");
      Tab a = users[0];
      Tab b = users[1];
      a.appFrame()
          .evaluate(
              "() => { window.__sent = {};"
                  + " document.addEventListener('keydown', e => {"
                  + "  const el = e.target;"
                  + "  if (e.key === 'Enter' && !e.shiftKey && el && el.getAttribute"
                  + "      && el.getAttribute('data-testid') === 'message-input')"
                  + "   window.__sent[el.value] = performance.timeOrigin + performance.now();"
                  + " }, true); }");
      b.appFrame()
          .evaluate(
              "() => { window.__seen = {};"
                  + " const mark = () => { const now = performance.timeOrigin + performance.now();"
                  + "  document.querySelectorAll('[data-testid=message-text]').forEach(e => {"
                  + "   const t = e.textContent; if (!(t in window.__seen)) window.__seen[t] = now; }); };"
                  + " new MutationObserver(mark).observe(document.body,"
                  + "  {subtree: true, childList: true, characterData: true}); mark(); }");
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < trials; i++) {
        String text = "bench message " + i;
        ChatSteps.send(a, text);
        assertThat(ChatSteps.message(b, text)).hasCount(1, LONG);
        double sent = number(a.appFrame(), "window.__sent['" + text + "']");
        double seen = number(b.appFrame(), "window.__seen['" + text + "']");
        ms.add(seen - sent);
      }
      Collections.sort(ms);
      String note = trials + " messages, Enter in user A's tab until in user B's message list";
      report.put(
          BenchReport.BROWSER,
          "send to shown in another user's tab p50",
          BrowserBench.percentile(ms, 50),
          "ms",
          null,
          note);
      report.put(
          BenchReport.BROWSER,
          "send to shown in another user's tab p95",
          BrowserBench.percentile(ms, 95),
          "ms",
          "<= 150 ms",
          "max " + ms.get(ms.size() - 1) + " ms");
    }
  }

  /**
   * A room holding {@code messages} messages (the room's kept maximum in the real run): opened from
   * another room by a click, 5 times, and shown by a reload, 3 times; medians.
   */
  static void fullHistory(BenchReport report, Browser browser, int messages) throws Exception {
    Path dir = Files.createTempDirectory("river-bench-history");
    try (NodeProcess node = new NodeProcess(dir).start();
        BrowserContext profile = browser.newContext()) {
      // In every app frame, from its first script on: the moment the list first holds them all.
      profile.addInitScript(
          "if (location.pathname.indexOf('/app/') >= 0) {"
              + " const want = "
              + messages
              + "; const poll = () => {"
              + "  if (document.querySelectorAll('[data-testid=message-item]').length >= want) {"
              + "   window.__drawnAt = performance.timeOrigin + performance.now(); return; }"
              + "  requestAnimationFrame(poll); }; requestAnimationFrame(poll); }");
      Tab t = new Tab(profile.newPage()).open(node.url());
      ChatSteps.loaded(t);
      String full = ChatSteps.create(t, "full history", "writer");
      for (int i = 0; i < messages; i++) {
        ChatSteps.send(t, "history " + i);
      }
      assertThat(t.appHook("message-item")).hasCount(messages, LONG);
      String other = ChatSteps.create(t, "other room", "writer");
      Frame app = t.appFrame();
      app.evaluate(
          "(key) => document.addEventListener('click', e => {"
              + " const item = e.target.closest && e.target.closest('[data-testid=room-item]');"
              + " if (!item || item.getAttribute('data-room-key') !== key) return;"
              + " const t0 = performance.now(); window.__openMs = null;"
              + " const poll = () => {"
              + "  if (document.querySelectorAll('[data-testid=message-item]').length >= "
              + messages
              + ") { window.__openMs = performance.now() - t0; return; }"
              + "  requestAnimationFrame(poll); }; requestAnimationFrame(poll); }, true)",
          full);
      List<Double> clicks = new ArrayList<>();
      for (int run = 0; run < 5; run++) {
        ChatSteps.roomItem(t, other).click();
        assertThat(ChatSteps.roomItem(t, other)).hasAttribute("aria-current", "true");
        ChatSteps.roomItem(t, full).click();
        app.waitForFunction("() => window.__openMs != null");
        clicks.add(number(app, "window.__openMs"));
      }
      List<Double> reloads = new ArrayList<>();
      for (int run = 0; run < 3; run++) {
        t.page.reload(); // the address names the full room: the reload shows it
        Frame reloaded = t.appFrame();
        reloaded.waitForFunction("() => window.__drawnAt != null");
        double origin = ((Number) t.page.evaluate("() => performance.timeOrigin")).doubleValue();
        reloads.add(number(reloaded, "window.__drawnAt") - origin);
      }
      Collections.sort(clicks);
      Collections.sort(reloads);
      report.put(
          BenchReport.BROWSER,
          "open a room with full history, click to drawn",
          clicks.get(clicks.size() / 2),
          "ms",
          null,
          messages
              + " messages; from the click on its room item until every message is in the"
              + " list at an animation frame, median of 5 "
              + clicks);
      report.put(
          BenchReport.BROWSER,
          "open a room with full history, reload to drawn",
          reloads.get(reloads.size() / 2),
          "ms",
          null,
          messages
              + " messages; shell navigation until every message is drawn, median of 3 "
              + reloads);
    }
  }

  private static double number(Frame frame, String expression) {
    Object v = frame.evaluate("() => " + expression);
    if (!(v instanceof Number n)) {
      throw new AssertionError(expression + " is " + v);
    }
    return n.doubleValue();
  }
}
