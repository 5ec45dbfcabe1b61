package river.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import river.node.tools.bench.BenchReport;

/** The browser benchmark at tiny sizes, in the default test run, so that it cannot rot. */
class BenchmarkSmokeIT {
  @Test
  void browserBenchmarkRunsAndFillsItsRows() throws Exception {
    BenchReport report = new BenchReport();
    BrowserBench.measure(report, new int[] {1, 3}, 3, 4);
    for (String name :
        new String[] {
          "load time, 1 room",
          "load time, 3 rooms",
          "JS heap",
          "cross-tab propagation p50",
          "cross-tab propagation p95",
          "create click to listed in another tab p95",
          "send to shown in another user's tab p50",
          "send to shown in another user's tab p95",
          "open a room with full history, click to drawn",
          "open a room with full history, reload to drawn"
        }) {
      BenchReport.Row row = report.row(name);
      assertNotNull(row, name);
      assertNotNull(row.value(), name + " measured");
      assertTrue(row.value() > 0, name + " = " + row.value());
    }
    assertTrue(report.toMarkdown().contains("cross-tab propagation p95"));
  }
}
