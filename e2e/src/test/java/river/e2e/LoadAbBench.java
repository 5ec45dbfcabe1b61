package river.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A/B load times in one sitting, for judging a client change on a busy machine: two nodes of this
 * checkout's jar, one serving the packaged client (B, this checkout) and one serving an older
 * client build in front of it ({@code --static-dir}, A), each with the same seeded rooms; reloads
 * alternate between A and B so both see the same load. Per room count: listed time (shell
 * navigation until every room is listed) and time until every room state was answered, medians, the
 * B / A ratio; the script bytes each load fetched (both frames; counts, not times); the app frame's
 * JS heap after a full GC. Not part of any suite: run it by name, {@code -Dit.test=LoadAbBench
 * -Dbench.base.static=/path/to/old/client/target/classes/static [-Dbench.rooms=1,500,5000]
 * [-Dbench.reloads=5]}.
 */
class LoadAbBench {
  @Test
  void compare() throws Exception {
    String base = System.getProperty("bench.base.static", "");
    int reloads = Integer.getInteger("bench.reloads", 5);
    List<Integer> counts = new ArrayList<>();
    for (String c : System.getProperty("bench.rooms", "1,500,5000").split(",")) {
      counts.add(Integer.parseInt(c.trim()));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "load average at start: %.2f%n",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
    out.append(
        "| rooms | variant | listed median ms | listed all | answered median ms | script bytes per"
            + " load | room items built per load | heap MiB |\n|---|---|---:|---|---:|---:|---:|---:|\n");
    try (Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright, "--enable-precise-memory-info")) {
      for (int rooms : counts) {
        List<Variant> variants = new ArrayList<>();
        if (!base.isEmpty()) {
          variants.add(new Variant("A (base)", List.of("--static-dir", base)));
        }
        variants.add(new Variant("B (this)", List.of()));
        try {
          for (Variant v : variants) {
            v.open(browser, rooms);
          }
          for (int r = 0; r < reloads; r++) {
            for (Variant v : variants) {
              v.reload(rooms);
            }
          }
          for (Variant v : variants) {
            v.heap();
            out.append(v.row(rooms));
          }
          if (variants.size() == 2) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %d | B / A listed | %.3f | | %.3f | | | |%n",
                    rooms,
                    variants.get(1).median(variants.get(1).listed)
                        / variants.get(0).median(variants.get(0).listed),
                    variants.get(1).median(variants.get(1).answered)
                        / variants.get(0).median(variants.get(0).answered)));
          }
        } finally {
          for (Variant v : variants) {
            v.close();
          }
        }
        System.out.println(out);
      }
    }
    System.out.println("LOAD A/B\n" + out);
    Files.writeString(Path.of("target", "load-ab.md"), out.toString());
  }

  /** One client build served by its own node, in its own browser profile. */
  private static final class Variant {
    final String name;
    final List<String> nodeArgs;
    final List<Double> listed = new ArrayList<>();
    final List<Double> answered = new ArrayList<>();
    final List<Long> scriptBytes = new ArrayList<>();
    final List<Long> itemsBuilt = new ArrayList<>();
    final AtomicLong bytes = new AtomicLong();
    double heapMiB = -1;
    NodeProcess node;
    BrowserContext profile;
    Tab tab;

    Variant(String name, List<String> nodeArgs) {
      this.name = name;
      this.nodeArgs = nodeArgs;
    }

    void open(Browser browser, int rooms) throws Exception {
      SeededProfile seeded = SeededProfile.withRooms(rooms);
      Path dir = seeded.dir;
      String token = seeded.token;
      node = new NodeProcess(dir, nodeArgs).start();
      profile = browser.newContext();
      // In every frame: count the room items the app builds (a rebuilt list builds them again).
      // Each item once per batch of mutations: items inserted into the list in the same task as
      // the page's layout (a load handled inside the app's start) show up both in their own
      // records and inside the layout's, and were counted twice.
      profile.addInitScript(
          "window.__itemsBuilt = 0; new MutationObserver(ms => { const seen = new Set();"
              + " for (const m of ms) for (const n of m.addedNodes) if (n.querySelectorAll) {"
              + " if (n.matches('[data-testid=room-item]')) seen.add(n);"
              + " n.querySelectorAll('[data-testid=room-item]').forEach(i => seen.add(i)); }"
              + " window.__itemsBuilt += seen.size; })"
              + ".observe(document, {childList: true, subtree: true});");
      Tab.adoptProfile(profile, node.url(), token);
      tab = new Tab(profile.newPage()).open(node.url());
      tab.page.onResponse(this::count);
      BrowserBench.awaitListed(
          tab, rooms); // the first load migrates the legacy blob: not what is measured
    }

    private void count(Response r) {
      if (r.url().endsWith(".js")) {
        try {
          bytes.addAndGet(Math.max(0, r.request().sizes().responseBodySize));
        } catch (RuntimeException e) {
          // a response gone with its frame: not counted
        }
      }
    }

    void reload(int rooms) {
      bytes.set(0);
      tab.page.reload();
      BrowserBench.awaitListed(tab, rooms);
      BrowserBench.awaitHydrated(tab);
      double origin = ((Number) tab.page.evaluate("() => performance.timeOrigin")).doubleValue();
      listed.add(
          Double.parseDouble(tab.appHook("load-state").getAttribute("data-listed-at")) - origin);
      answered.add(
          Double.parseDouble(tab.appHook("load-state").getAttribute("data-hydrated-at")) - origin);
      scriptBytes.add(bytes.get());
      itemsBuilt.add(((Number) tab.appFrame().evaluate("() => window.__itemsBuilt")).longValue());
    }

    void heap() {
      heapMiB = BrowserBench.appHeapMiB(profile, tab);
    }

    double median(List<Double> xs) {
      List<Double> s = new ArrayList<>(xs);
      Collections.sort(s);
      return s.get(s.size() / 2);
    }

    String row(int rooms) {
      return String.format(
          Locale.ROOT,
          "| %d | %s | %.1f | %s | %.1f | %s | %s | %.2f |%n",
          rooms,
          name,
          median(listed),
          listed,
          median(answered),
          scriptBytes,
          itemsBuilt,
          heapMiB);
    }

    void close() throws InterruptedException {
      try {
        if (profile != null) {
          profile.close();
        }
      } finally {
        if (node != null) {
          node.close();
        }
      }
    }
  }
}
