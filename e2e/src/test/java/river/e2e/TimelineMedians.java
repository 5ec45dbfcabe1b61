package river.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the two timeline benches share: the recorder they install in every page (each WebSocket
 * frame sent and received, each bridge message taken, on the epoch clock, into {@code
 * window.__ph}), and how they print: for each event, the median of its times over the runs it
 * appeared in (and in how many), sorted by that median.
 */
final class TimelineMedians {
  private TimelineMedians() {}

  /**
   * The init script: {@code socketOpens} also records when a socket is created and opened; {@code
   * more} is script run after the recorder is in place (it may use {@code T()}, the epoch clock).
   */
  static String recorder(boolean socketOpens, String more) {
    return "(() => { const T = () => performance.timeOrigin + performance.now(); window.__ph = [];"
        + " const OW = window.WebSocket; if (OW) { window.WebSocket = function(u, p) {"
        + (socketOpens ? "  window.__ph.push(['socket open', T(), '']);" : "")
        + "  const ws = p === undefined ? new OW(u) : new OW(u, p);"
        + (socketOpens
            ? "  ws.addEventListener('open', () => window.__ph.push(['socket opened', T(), '']));"
            : "")
        + "  const s = ws.send.bind(ws);"
        + "  ws.send = d => { window.__ph.push(['sent', T(), (d.byteLength || 0) + ' B']); s(d); };"
        + "  ws.addEventListener('message', e =>"
        + "   window.__ph.push(['received', T(), (e.data.byteLength || 0) + ' B']));"
        + "  return ws; }; window.WebSocket.prototype = OW.prototype;"
        + "  Object.assign(window.WebSocket, OW); }"
        + " window.addEventListener('message', e => { const d = e.data || {};"
        + "  window.__ph.push(['took', T(), (d.k || '?') + (d.b ? ' ' + d.b.byteLength + ' B' : '')]);"
        + " }, true);"
        + more
        + "})()";
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
