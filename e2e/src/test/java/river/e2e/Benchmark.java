package river.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import river.node.tools.bench.BenchReport;
import river.node.tools.bench.BenchSuite;
import river.room.RoomConfig;

/**
 * The whole benchmark, JVM and browser figures in one table: run by {@code -Pbench} only (see
 * README); prints the markdown table and writes {@code e2e/target/bench-report.json}.
 */
class Benchmark {
  @Test
  void benchmark() throws Exception {
    BenchSuite.Options options = new BenchSuite.Options();
    BenchReport report = BenchSuite.measure(options, System.out);
    BrowserBench.measure(
        report, new int[] {1, 100, 500, 5000}, 50, RoomConfig.DEFAULT_MAX_RECENT_MESSAGES);
    System.out.println(report.toMarkdown());
    report.writeJson(Path.of("target", "bench-report.json"));
  }
}
