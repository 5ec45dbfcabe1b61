package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
 * A/B cross-tab times in one sitting, for judging a change on a busy machine: two nodes of this
 * checkout's jar, one serving an older client build ({@code --static-dir}, A) and one this
 * checkout's (B), each with one profile of two tabs. Rooms are created in tab A of each variant in
 * turn, so both see the same load; per variant, the create click until the other tab lists the room
 * and A's own listing until B's (p50, p95, and the B / A ratio of each). Not part of any suite: run
 * it by name, {@code -Dit.test=CrossTabAbBench
 * -Dbench.base.static=/path/to/old/client/target/classes/static [-Dbench.trials=40]}.
 */
class CrossTabAbBench {
  @Test
  void compare() throws Exception {
    String base = System.getProperty("bench.base.static", "");
    int trials = Integer.getInteger("bench.trials", 40);
    List<Variant> variants = new ArrayList<>();
    if (!base.isEmpty()) {
      variants.add(new Variant("A (base)", List.of("--static-dir", base)));
    }
    variants.add(new Variant("B (this)", List.of()));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "load average at start: %.2f, %d rooms per variant%n",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            trials));
    out.append(
        "| variant | click to listed p50 | p95 | listing to listing p50 | p95 |\n"
            + "|---|---:|---:|---:|---:|\n");
    try (Playwright playwright = Browsers.playwright();
        Browser browser = Browsers.chromium(playwright)) {
      try {
        for (Variant v : variants) {
          v.open(browser);
        }
        for (int i = 0; i < trials; i++) {
          for (Variant v : variants) {
            double[] t = BrowserBench.createAndSee(v.a, v.b, i);
            v.fromClick.add(t[0]);
            v.fromListing.add(t[1]);
          }
        }
        for (Variant v : variants) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                  v.name,
                  pct(v.fromClick, 50),
                  pct(v.fromClick, 95),
                  pct(v.fromListing, 50),
                  pct(v.fromListing, 95)));
        }
        if (variants.size() == 2) {
          Variant a = variants.get(0);
          Variant b = variants.get(1);
          out.append(
              String.format(
                  Locale.ROOT,
                  "| B / A | %.3f | %.3f | %.3f | %.3f |%n",
                  pct(b.fromClick, 50) / pct(a.fromClick, 50),
                  pct(b.fromClick, 95) / pct(a.fromClick, 95),
                  pct(b.fromListing, 50) / pct(a.fromListing, 50),
                  pct(b.fromListing, 95) / pct(a.fromListing, 95)));
        }
      } finally {
        for (Variant v : variants) {
          v.close();
        }
      }
    }
    System.out.println("CROSS-TAB A/B\n" + out);
    Files.writeString(Path.of("target", "cross-tab-ab.md"), out.toString());
  }

  private static double pct(List<Double> xs, int p) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return BrowserBench.percentile(s, p);
  }

  /** One client build served by its own node, one profile with two tabs. */
  private static final class Variant {
    final String name;
    final List<String> nodeArgs;
    final List<Double> fromClick = new ArrayList<>();
    final List<Double> fromListing = new ArrayList<>();
    NodeProcess node;
    BrowserContext profile;
    Tab a;
    Tab b;

    Variant(String name, List<String> nodeArgs) {
      this.name = name;
      this.nodeArgs = nodeArgs;
    }

    void open(Browser browser) throws Exception {
      node = new NodeProcess(Files.createTempDirectory("river-ab-tabs"), nodeArgs).start();
      profile = browser.newContext();
      a = new Tab(profile.newPage()).open(node.url());
      b = new Tab(profile.newPage()).open(node.url());
      for (Tab t : List.of(a, b)) {
        assertThat(t.appHook("load-state")).hasAttribute("data-state", "loaded", BrowserBench.SLOW);
      }
      BrowserBench.markCreateClicks(a);
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
