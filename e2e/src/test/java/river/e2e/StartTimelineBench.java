package river.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a small load's time goes before any room is drawn (issue 18: one room is most of the
 * 500-room time): every navigation and resource timing of both pages, the shell's socket opening,
 * each message a page took from the other and each frame the shell sent or received, as the median
 * over reloads of the time since the shell's navigation start, sorted. Marks are epoch ms taken in
 * both pages (a wrapped WebSocket in the shell, a capturing message listener in each page), so the
 * two pages' clocks line up. Messages are named by their bridge kind ({@code k}) and byte length,
 * and numbered in arrival order per page. Not part of any suite: {@code
 * -Dit.test=StartTimelineBench [-Dbench.rooms=1] [-Dbench.reloads=8]}.
 */
class StartTimelineBench {
  private static final String INIT = TimelineMedians.recorder(true, "");

  private static final String MARKS =
      "() => { const n = performance.getEntriesByType('navigation')[0];"
          + " const o = performance.timeOrigin; const r = {};"
          + " for (const k of ['fetchStart', 'responseStart', 'responseEnd', 'domInteractive',"
          + "  'domContentLoadedEventStart', 'loadEventStart']) r[k] = o + n[k];"
          + " for (const e of performance.getEntriesByType('resource')) {"
          + "  const name = e.name.replace(/^.*\\//, '');"
          + "  r[name + ' requested'] = o + e.startTime; r[name + ' received'] = o + e.responseEnd; }"
          + " return JSON.stringify({marks: r, ph: window.__ph}); }";

  @Test
  void timeline() throws Exception {
    int rooms = Integer.getInteger("bench.rooms", 1);
    int reloads = Integer.getInteger("bench.reloads", 8);
    SeededProfile seeded = SeededProfile.withRooms(rooms);
    Map<String, List<Double>> columns = new LinkedHashMap<>();
    try (NodeProcess node = new NodeProcess(seeded.dir, List.of()).start();
        Playwright pw = Browsers.playwright();
        Browser browser = Browsers.chromium(pw)) {
      BrowserContext profile = browser.newContext();
      profile.addInitScript(INIT);
      Tab.adoptProfile(profile, node.url(), seeded.token);
      Tab tab = new Tab(profile.newPage()).open(node.url());
      BrowserBench.awaitListed(tab, rooms); // the first load migrates the legacy blob
      for (int r = 0; r < reloads; r++) {
        tab.page.reload();
        BrowserBench.awaitListed(tab, rooms);
        double origin = ((Number) tab.page.evaluate("() => performance.timeOrigin")).doubleValue();
        Map<String, Double> row = new LinkedHashMap<>();
        collect(row, "shell", (String) tab.page.evaluate(MARKS), origin);
        collect(row, "app", (String) tab.appFrame().evaluate(MARKS), origin);
        row.put(
            "listed",
            Double.parseDouble(tab.appHook("load-state").getAttribute("data-listed-at")) - origin);
        for (Map.Entry<String, Double> e : row.entrySet()) {
          columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
      }
      profile.close();
    }
    System.out.println(
        TimelineMedians.of(
            String.format(
                Locale.ROOT,
                "START TIMELINE, %d rooms, %d reloads, ms since the shell's navigation start",
                rooms,
                reloads),
            columns));
  }

  /** Adds one page's marks, and its first 16 events numbered in order, to {@code row}. */
  private static void collect(Map<String, Double> row, String page, String json, double origin) {
    JsonObject all = JsonParser.parseString(json).getAsJsonObject();
    JsonObject marks = all.getAsJsonObject("marks");
    for (String k : marks.keySet()) {
      row.put(page + " " + k, marks.get(k).getAsDouble() - origin);
    }
    JsonArray events = all.getAsJsonArray("ph");
    for (int i = 0; i < Math.min(16, events.size()); i++) {
      JsonArray e = events.get(i).getAsJsonArray();
      JsonElement what = e.get(2);
      row.put(
          page + " #" + i + " " + e.get(0).getAsString() + " " + what.getAsString(),
          e.get(1).getAsDouble() - origin);
    }
  }
}
