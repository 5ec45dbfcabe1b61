package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonArray;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a message's time goes from Enter in user A's tab until it is shown in user B's (issue 18:
 * the "send to shown in another user's tab" row): every WebSocket frame each shell sent and
 * received and every bridge message each page took, as the median over messages of the time since
 * Enter, sorted; and each timer that fired (when it was set, fired and done: the render batching
 * shows there). Marks are epoch ms taken in all four pages (a wrapped WebSocket and setTimeout in
 * each page, a capturing message listener), so their clocks line up. Events are named by page,
 * order after Enter, kind and byte length; frames of 1,000 bytes or more (the room's state, which
 * grows with each message) are named "(state)". Not part of any suite: {@code
 * -Dit.test=SendTimelineBench [-Dbench.messages=30]}.
 */
class SendTimelineBench {
  private static final String INIT =
      TimelineMedians.recorder(
          false,
          " const ST = window.setTimeout; window.setTimeout = (f, d, ...r) => {"
              + "  const set = T(); return ST(() => { window.__ph.push(['timer ' + (d || 0) + ' set', set, '']);"
              + "   window.__ph.push(['timer ' + (d || 0) + ' fired', T(), '']); f(...r);"
              + "   window.__ph.push(['timer ' + (d || 0) + ' done', T(), '']); }, d); };"
              + " document.addEventListener('keydown', e => { if (e.key === 'Enter')"
              + "  window.__ph.push(['enter', T(), '']); }, true);");

  private static final String SEEN =
      "() => { window.__seen = {};"
          + " const mark = () => { const now = performance.timeOrigin + performance.now();"
          + "  document.querySelectorAll('[data-testid=message-text]').forEach(e => {"
          + "   const t = e.textContent; if (!(t in window.__seen)) window.__seen[t] = now; }); };"
          + " new MutationObserver(mark).observe(document.body,"
          + "  {subtree: true, childList: true, characterData: true}); mark(); }";

  private static final LocatorAssertions.HasCountOptions LONG =
      new LocatorAssertions.HasCountOptions().setTimeout(30_000);

  @Test
  void timeline() throws Exception {
    int messages = Integer.getInteger("bench.messages", 30);
    Path dir = Files.createTempDirectory("river-send-timeline");
    Map<String, List<Double>> columns = new LinkedHashMap<>();
    try (NodeProcess node = new NodeProcess(dir).start();
        Playwright pw = Browsers.playwright();
        Browser browser = Browsers.chromium(pw);
        BrowserContext userA = browser.newContext();
        BrowserContext userB = browser.newContext()) {
      userA.addInitScript(INIT);
      userB.addInitScript(INIT);
      Tab[] users = ChatSteps.twoUsersInARoom(userA, userB, node.url(), "send timeline");
      Tab a = users[0];
      Tab b = users[1];
      b.appFrame().evaluate(SEEN);
      for (int i = 0; i < messages; i++) {
        String text = "timeline message " + i;
        TimelineMedians.reset(pages(a, b));
        ChatSteps.send(a, text);
        assertThat(ChatSteps.message(b, text)).hasCount(1, LONG);
        Map<String, Double> row = new LinkedHashMap<>();
        String[] names = {"A shell", "A app", "B shell", "B app"};
        List<Object> ps = pages(a, b);
        List<JsonArray> logs = TimelineMedians.logs(ps);
        double enter = TimelineMedians.at(logs.get(1), "enter");
        for (int p = 0; p < ps.size(); p++) {
          JsonArray log = logs.get(p);
          for (int k = 0; k < Math.min(40, log.size()); k++) {
            JsonArray e = log.get(k).getAsJsonArray();
            String what = e.get(2).getAsString();
            if (what.matches(".*\\d{4,} B")) {
              what = what.replaceAll("\\d{4,} B", "(state) B");
            }
            row.put(
                names[p] + " #" + k + " " + e.get(0).getAsString() + " " + what,
                e.get(1).getAsDouble() - enter);
          }
        }
        double seen =
            ((Number) b.appFrame().evaluate("() => window.__seen['" + text + "']")).doubleValue();
        row.put("shown in B", seen - enter);
        for (Map.Entry<String, Double> e : row.entrySet()) {
          columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
      }
    }
    System.out.println(
        TimelineMedians.of(
            String.format(
                Locale.ROOT,
                "SEND TIMELINE, %d messages, ms since Enter in A's app (median)",
                messages),
            columns));
  }

  private static List<Object> pages(Tab a, Tab b) {
    return List.of(a.page, a.appFrame(), b.page, b.appFrame());
  }
}
