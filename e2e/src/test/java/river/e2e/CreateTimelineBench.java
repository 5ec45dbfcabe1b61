package river.e2e;

import com.google.gson.JsonArray;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a new room's time goes from the create click in tab A until tab B of the same profile lists
 * it (issue 18: the "create click to listed in another tab" row): every WebSocket frame each shell
 * sent and received (named by its variant) and every bridge message each page took, as the median
 * over rooms of the time since the click, sorted, with A's and B's listing. Not part of any suite:
 * {@code -Dit.test=CreateTimelineBench [-Dbench.rooms=30]}.
 */
class CreateTimelineBench {
  private static final String INIT =
      TimelineMedians.recorder(
          false,
          " document.addEventListener('click', e => {"
              + "  if (e.target.closest && e.target.closest('[data-testid=create-room-submit]'))"
              + "   window.__ph.push(['click', T(), '']); }, true);");

  @Test
  void timeline() throws Exception {
    int rooms = Integer.getInteger("bench.rooms", 30);
    Path dir = Files.createTempDirectory("river-create-timeline");
    Map<String, List<Double>> columns = new LinkedHashMap<>();
    try (NodeProcess node = new NodeProcess(dir).start();
        Playwright pw = Browsers.playwright();
        Browser browser = Browsers.chromium(pw);
        BrowserContext profile = browser.newContext()) {
      profile.addInitScript(INIT);
      Tab a = new Tab(profile.newPage()).open(node.url());
      ChatSteps.loaded(a);
      Tab b = new Tab(profile.newPage()).open(node.url());
      ChatSteps.loaded(b);
      BrowserBench.markCreateClicks(a);
      String[] names = {"A shell", "A app", "B shell", "B app"};
      for (int i = 0; i < rooms; i++) {
        List<Object> ps = List.of(a.page, a.appFrame(), b.page, b.appFrame());
        TimelineMedians.reset(ps);
        double[] t = BrowserBench.createAndSee(a, b, i);
        List<JsonArray> logs = TimelineMedians.logs(ps);
        double click = TimelineMedians.at(logs.get(1), "click");
        Map<String, Double> row = new LinkedHashMap<>();
        for (int p = 0; p < ps.size(); p++) {
          JsonArray log = logs.get(p);
          for (int k = 0; k < Math.min(40, log.size()); k++) {
            JsonArray e = log.get(k).getAsJsonArray();
            row.put(
                names[p] + " #" + k + " " + e.get(0).getAsString() + " " + e.get(2).getAsString(),
                e.get(1).getAsDouble() - click);
          }
        }
        row.put("listed in B", t[0]);
        row.put("listed in A", t[0] - t[1]);
        for (Map.Entry<String, Double> e : row.entrySet()) {
          columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
      }
    }
    System.out.println(
        TimelineMedians.of(
            String.format(
                Locale.ROOT,
                "CREATE TIMELINE, %d rooms, ms since the create click in A's app (median)",
                rooms),
            columns));
  }
}
