package river.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the timeline benches share: the recorder they install in every page (each WebSocket frame
 * sent and received, named by its first variant name, each bridge message taken, on the epoch
 * clock, into {@code window.__ph}), and how they print: for each event, the median of its times
 * over the runs it appeared in (and in how many), sorted by that median.
 */
final class TimelineMedians {
  private TimelineMedians() {}

  /**
   * The init script: {@code socketOpens} also records when a socket is created and opened; {@code
   * more} is script run after the recorder is in place (it may use {@code T()}, the epoch clock).
   */
  static String recorder(boolean socketOpens, String more) {
    return "(() => { const T = () => performance.timeOrigin + performance.now(); window.__ph = [];"
        // a frame's name: the first capitalised word in its first bytes but "Delegate" (the
        // variant names are CBOR text; field names are lower case)
        + " const N = d => { try { const b = new Uint8Array(d.buffer || d, d.byteOffset || 0,"
        + "  Math.min(160, d.byteLength || 0)); const w = String.fromCharCode(...b)"
        + "  .match(/[A-Z][A-Za-z]{2,}/g) || []; const n = w.find(x => x !== 'Delegate');"
        + "  return n ? n + ' ' : ''; } catch (x) { return ''; } };"
        + " const OW = window.WebSocket; if (OW) { window.WebSocket = function(u, p) {"
        + (socketOpens ? "  window.__ph.push(['socket open', T(), '']);" : "")
        + "  const ws = p === undefined ? new OW(u) : new OW(u, p);"
        + (socketOpens
            ? "  ws.addEventListener('open', () => window.__ph.push(['socket opened', T(), '']));"
            : "")
        + "  const s = ws.send.bind(ws);"
        + "  ws.send = d => { window.__ph.push(['sent', T(), N(d) + (d.byteLength || 0) + ' B']); s(d); };"
        + "  ws.addEventListener('message', e =>"
        + "   window.__ph.push(['received', T(), N(e.data) + (e.data.byteLength || 0) + ' B']));"
        + "  return ws; }; window.WebSocket.prototype = OW.prototype;"
        + "  Object.assign(window.WebSocket, OW); }"
        + " window.addEventListener('message', e => { const d = e.data || {};"
        + "  window.__ph.push(['took', T(), (d.k || '?') + (d.b ? ' ' + d.b.byteLength + ' B' : '')]);"
        + " }, true);"
        + more
        + "})()";
  }

  /** Empties the recorder's log in every page or frame. */
  static void reset(List<Object> pages) {
    for (Object p : pages) {
      evaluate(p, "() => { window.__ph = []; }");
    }
  }

  /** The recorder's log of every page or frame, in order. */
  static List<JsonArray> logs(List<Object> pages) {
    List<JsonArray> logs = new ArrayList<>();
    for (Object p : pages) {
      logs.add(
          JsonParser.parseString((String) evaluate(p, "() => JSON.stringify(window.__ph)"))
              .getAsJsonArray());
    }
    return logs;
  }

  /** The time of the last event named {@code name} in a log, or NaN. */
  static double at(JsonArray log, String name) {
    double t = Double.NaN;
    for (var e : log) {
      if (e.getAsJsonArray().get(0).getAsString().equals(name)) {
        t = e.getAsJsonArray().get(1).getAsDouble();
      }
    }
    return t;
  }

  static Object evaluate(Object pageOrFrame, String js) {
    return pageOrFrame instanceof Page
        ? ((Page) pageOrFrame).evaluate(js)
        : ((Frame) pageOrFrame).evaluate(js);
  }

  static String of(String title, Map<String, List<Double>> columns) {
    List<Map.Entry<String, Double>> medians = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : columns.entrySet()) {
      List<Double> xs = new ArrayList<>(e.getValue());
      Collections.sort(xs);
      medians.add(Map.entry(e.getKey() + " (in " + xs.size() + ")", xs.get(xs.size() / 2)));
    }
    medians.sort(Map.Entry.comparingByValue());
    StringBuilder out = new StringBuilder(title).append(System.lineSeparator());
    for (Map.Entry<String, Double> m : medians) {
      out.append(String.format(Locale.ROOT, "%8.1f  %s%n", m.getValue(), m.getKey()));
    }
    return out.toString();
  }
}
