package river.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the timeline benches print: for each event, the median of its times over the runs it
 * appeared in (and in how many), sorted by that median.
 */
final class TimelineMedians {
  private TimelineMedians() {}

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
