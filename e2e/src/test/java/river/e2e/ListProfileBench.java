package river.e2e;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a load's time goes at N rooms (issue 18): seeds N rooms as {@link LoadAbBench} does,
 * reloads the app with the V8 profiler running and writes, per run, {@code
 * target/prof-N-RUN.cpuprofile} (open it in Chromium's DevTools, Performance panel; with {@code
 * <enableSourcemaps>true</enableSourcemaps>} on the client's J2CL build, {@code river.js.map} names
 * the functions), {@code .ws} (each WebSocket frame: S/R, monotonic seconds on the profile's clock,
 * payload length as base64) and {@code .txt} (listed and answered ms from navigation start). Site
 * isolation is off so that the shell and the sandboxed app frame run in one renderer the page's CDP
 * session profiles: both then share one thread, unlike a real tab, so use it for where the time
 * goes, not for absolute times. Not part of any suite: {@code -Dit.test=ListProfileBench
 * [-Dbench.prof.rooms=5000] [-Dbench.prof.runs=2] [-Dbench.prof.static=OLD/static]}.
 */
class ListProfileBench {
  @Test
  void profile() throws Exception {
    int rooms = Integer.getInteger("bench.prof.rooms", 5000);
    int runs = Integer.getInteger("bench.prof.runs", 2);
    String stat = System.getProperty("bench.prof.static", "");
    SeededProfile seeded = SeededProfile.withRooms(rooms);
    Path dir = seeded.dir;
    String token = seeded.token;
    List<String> nodeArgs = stat.isEmpty() ? List.of() : List.of("--static-dir", stat);
    try (NodeProcess node = new NodeProcess(dir, nodeArgs).start();
        Playwright pw = Browsers.playwright();
        Browser browser =
            Browsers.chromium(
                pw,
                "--enable-precise-memory-info",
                "--disable-features=IsolateSandboxedIframes,site-per-process",
                "--disable-site-isolation-trials")) {
      BrowserContext profile = browser.newContext();
      Tab.adoptProfile(profile, node.url(), token);
      Tab tab = new Tab(profile.newPage()).open(node.url());
      BrowserBench.awaitListed(tab, rooms);
      tab.page.reload();
      BrowserBench.awaitListed(tab, rooms);
      for (int r = 0; r < runs; r++) {
        CDPSession cdp = profile.newCDPSession(tab.page);
        StringBuilder frames = new StringBuilder();
        cdp.on(
            "Network.webSocketFrameSent",
            e ->
                frames.append(
                    "S "
                        + e.get("timestamp").getAsDouble()
                        + " "
                        + e.getAsJsonObject("response").get("payloadData").getAsString().length()
                        + "\n"));
        cdp.on(
            "Network.webSocketFrameReceived",
            e ->
                frames.append(
                    "R "
                        + e.get("timestamp").getAsDouble()
                        + " "
                        + e.getAsJsonObject("response").get("payloadData").getAsString().length()
                        + "\n"));
        cdp.send("Network.enable");
        cdp.send("Profiler.enable");
        JsonObject iv = new JsonObject();
        iv.addProperty("interval", Integer.getInteger("bench.prof.interval", 250));
        cdp.send("Profiler.setSamplingInterval", iv);
        cdp.send("Profiler.start");
        tab.page.reload();
        BrowserBench.awaitListed(tab, rooms);
        BrowserBench.awaitHydrated(tab);
        JsonObject prof = cdp.send("Profiler.stop");
        double origin = ((Number) tab.page.evaluate("() => performance.timeOrigin")).doubleValue();
        double listed =
            Double.parseDouble(tab.appHook("load-state").getAttribute("data-listed-at")) - origin;
        double hydrated =
            Double.parseDouble(tab.appHook("load-state").getAttribute("data-hydrated-at")) - origin;
        double used = BrowserBench.appHeapMiB(profile, tab);
        String line =
            "rooms "
                + rooms
                + " run "
                + r
                + " listed "
                + listed
                + " hydrated "
                + hydrated
                + " heap MiB "
                + used;
        System.out.println("PROF " + line);
        Files.writeString(
            Path.of("target", "prof-" + rooms + "-" + r + ".cpuprofile"),
            prof.get("profile").toString());
        Files.writeString(Path.of("target", "prof-" + rooms + "-" + r + ".ws"), frames.toString());
        Files.writeString(Path.of("target", "prof-" + rooms + "-" + r + ".txt"), line);
        cdp.detach();
      }
      profile.close();
    }
  }
}
