package river.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Where a load's time goes, phase by phase, in a real (site-isolated) tab and without a profiler's
 * overhead, so that a change to one phase can be judged on a busy machine by that phase's median
 * (issue 18): the app frame's DOMContentLoaded; until the List answer reaches the app; the List
 * parse (until the shell sends the first GetMany); the GetMany answers (until the app takes the
 * last one); the rebuild and draw (until listed). Times are epoch ms taken in both pages (wrapped
 * WebSocket in the shell, a capturing message listener in the app), from the shell's navigation
 * start. Frames are told apart by size, so use it at thousands of rooms: the List answer is over
 * 100 KB there and the GetMany answers 20–100 KB. Not part of any suite: {@code
 * -Dit.test=LoadPhasesBench [-Dbench.rooms=5000] [-Dbench.reloads=6]
 * [-Dbench.base.static=OLD/static]} (the last to measure an older client build).
 */
class LoadPhasesBench {
  private static final String INIT =
      "(() => { const T = () => performance.timeOrigin + performance.now(); window.__ph = [];"
          + " const OW = window.WebSocket; if (OW) { window.WebSocket = function(u, p) {"
          + "  const ws = p === undefined ? new OW(u) : new OW(u, p);"
          + "  const s = ws.send.bind(ws);"
          + "  ws.send = d => { if (d.byteLength > 4000) window.__ph.push(['send', T(), d.byteLength]);"
          + "   s(d); };"
          + "  ws.addEventListener('message', e => { const n = e.data.byteLength || 0;"
          + "   if (n > 20000) window.__ph.push(['recv', T(), n]); });"
          + "  return ws; }; window.WebSocket.prototype = OW.prototype;"
          + "  Object.assign(window.WebSocket, OW); }"
          + " window.addEventListener('message', e => { const b = e.data && e.data.b;"
          + "  if (b && b.byteLength > 20000) window.__ph.push(['take', T(), b.byteLength]); }, true);"
          + "})()";

  private static final String[] PHASES = {
    "app frame DOMContentLoaded",
    "then List answer in the app",
    "List parse, until the first GetMany",
    "GetMany answers, until the last is taken",
    "(of which: the last GetMany answer reaches the shell)",
    "rebuild and draw, until listed",
    "listed"
  };

  @Test
  void phases() throws Exception {
    int rooms = Integer.getInteger("bench.rooms", 5000);
    int reloads = Integer.getInteger("bench.reloads", 6);
    String stat = System.getProperty("bench.base.static", "");
    SeededProfile seeded = SeededProfile.withRooms(rooms);
    Path dir = seeded.dir;
    String token = seeded.token;
    List<List<Double>> columns = new ArrayList<>();
    for (int i = 0; i < PHASES.length; i++) {
      columns.add(new ArrayList<>());
    }
    try (NodeProcess node =
            new NodeProcess(dir, stat.isEmpty() ? List.of() : List.of("--static-dir", stat))
                .start();
        Playwright pw = Browsers.playwright();
        Browser browser = Browsers.chromium(pw)) {
      BrowserContext profile = browser.newContext();
      profile.addInitScript(INIT);
      Tab.adoptProfile(profile, node.url(), token);
      Tab tab = new Tab(profile.newPage()).open(node.url());
      BrowserBench.awaitListed(tab, rooms); // the first load migrates the legacy blob
      String marks =
          "() => JSON.stringify({dcl: performance.timeOrigin"
              + " + performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,"
              + " ph: window.__ph})";
      for (int r = 0; r < reloads; r++) {
        tab.page.reload();
        BrowserBench.awaitListed(tab, rooms);
        double origin = ((Number) tab.page.evaluate("() => performance.timeOrigin")).doubleValue();
        double listed =
            Double.parseDouble(tab.appHook("load-state").getAttribute("data-listed-at")) - origin;
        JsonArray shell =
            JsonParser.parseString((String) tab.page.evaluate(marks))
                .getAsJsonObject()
                .getAsJsonArray("ph");
        var app = JsonParser.parseString((String) tab.appFrame().evaluate(marks)).getAsJsonObject();
        double dcl = app.get("dcl").getAsDouble() - origin;
        double listAnswer = first(app.getAsJsonArray("ph"), 100_000, Integer.MAX_VALUE) - origin;
        double firstGetMany = first(sent(shell), 4000, Integer.MAX_VALUE) - origin;
        double lastAnswer = last(app.getAsJsonArray("ph"), 20_000, 100_000) - origin;
        double lastReceived = last(recv(shell), 20_000, 100_000) - origin;
        double[] row = {
          dcl,
          listAnswer - dcl,
          firstGetMany - listAnswer,
          lastAnswer - firstGetMany,
          lastReceived - firstGetMany,
          listed - lastAnswer,
          listed
        };
        for (int i = 0; i < row.length; i++) {
          columns.get(i).add(row[i]);
        }
      }
      profile.close();
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "LOAD PHASES, %d rooms, %d reloads, load average %.2f at the end%n",
            rooms,
            reloads,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
    out.append("| phase | median ms | every reload |\n|---|---:|---|\n");
    for (int i = 0; i < PHASES.length; i++) {
      List<Double> xs = new ArrayList<>(columns.get(i));
      List<Long> shown = new ArrayList<>();
      for (double x : xs) {
        shown.add(Math.round(x));
      }
      Collections.sort(xs);
      out.append(
          String.format(
              Locale.ROOT, "| %s | %.1f | %s |%n", PHASES[i], xs.get(xs.size() / 2), shown));
    }
    System.out.println(out);
    Files.writeString(Path.of("target", "load-phases-" + rooms + ".md"), out.toString());
  }

  private static JsonArray sent(JsonArray marks) {
    return only(marks, "send");
  }

  private static JsonArray recv(JsonArray marks) {
    return only(marks, "recv");
  }

  private static JsonArray only(JsonArray marks, String kind) {
    JsonArray out = new JsonArray();
    for (JsonElement e : marks) {
      if (kind.equals(e.getAsJsonArray().get(0).getAsString())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Epoch ms of the first mark whose frame size is in [min, max). */
  private static double first(JsonArray marks, int min, int max) {
    for (JsonElement e : marks) {
      JsonArray m = e.getAsJsonArray();
      if (m.get(2).getAsInt() >= min && m.get(2).getAsInt() < max) {
        return m.get(1).getAsDouble();
      }
    }
    throw new AssertionError("no frame of " + min + " to " + max + " bytes: too few rooms?");
  }

  /** Epoch ms of the last mark whose frame size is in [min, max). */
  private static double last(JsonArray marks, int min, int max) {
    double at = -1;
    for (JsonElement e : marks) {
      JsonArray m = e.getAsJsonArray();
      if (m.get(2).getAsInt() >= min && m.get(2).getAsInt() < max) {
        at = m.get(1).getAsDouble();
      }
    }
    if (at < 0) {
      throw new AssertionError("no frame of " + min + " to " + max + " bytes: too few rooms?");
    }
    return at;
  }
}
