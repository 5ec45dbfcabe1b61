package river.node.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole JVM benchmark at tiny sizes (the real run is {@code bench-suite}, not part of the
 * tests): every figure present and finite, the JSON carries the same rows as the table, and no
 * update is lost under contention.
 */
class BenchSuiteSmokeTest {
  @Test
  void tinyBenchRunsAndReportsNoLostUpdates(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code =
        BenchSuite.run(
            new String[] {
              "--rooms",
              "1,5",
              "--mutations",
              "3",
              "--tabs",
              "2",
              "--tab-mutations",
              "5",
              "--shared-rooms",
              "3",
              "--clients",
              "2",
              "--seconds",
              "1",
              "--warmup",
              "1",
              "--slots",
              "300",
              "--getmany-answers",
              "5",
              "--json",
              json.toString()
            },
            new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    assertEquals(0, code, out);
    for (String name :
        new String[] {
          "bytes sent per one-room mutation, 5 rooms",
          "single-blob baseline per save, 5 rooms",
          "baseline / per-room ratio, 1 room",
          "CAS attempts per write, mean",
          "CAS attempts per write, max",
          "exhausted CAS loops",
          "requests per landed write",
          "GetMany of 128 keys, ms per answer (p50)",
          "every slot read by pipelined GetManys, 300 slots",
          "durable CAS throughput, 1 client",
          "durable CAS latency p99, 2 clients",
          "app bundle river.js, gzip -9",
          "store ceiling in-process, 1 writer",
          "store ceiling in-process, 2 writers",
          "node CAS throughput / store ceiling, 2 clients",
          "emoji data app/emoji-data.js (lazy), gzip -9"
        }) {
      BenchReport.Row r = null;
      for (String line : out.split("\n")) {
        if (line.startsWith("| ") && line.contains("| " + name + " |")) {
          r = new BenchReport.Row("", name, 0.0, "", null, null);
        }
      }
      assertNotNull(r, "table row " + name + " in\n" + out);
    }
    assertTrue(
        out.contains("| lost updates, 2 tabs x 5 mutations, 3 rooms | 0 | updates | 0 |"), out);
    assertTrue(out.contains("| tab views differing from the store at the end | 0 |"), out);
    assertTrue(out.contains("| browser (e2e) | load time, 500 rooms | not measured |"), out);
    assertTrue(
        out.contains("median of 3 pairs, each durable CAS over WebSockets and the ceiling"), out);
    String j = Files.readString(json);
    assertTrue(j.startsWith("{\n  \"context\": {") && j.endsWith("]\n}\n"), j);
    assertTrue(
        j.contains("\"name\": \"lost updates, 2 tabs x 5 mutations, 3 rooms\", \"value\": 0,"), j);
    long rows = out.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| section")).count();
    assertEquals(
        rows,
        j.lines().filter(l -> l.contains("\"section\":")).count(),
        "same rows in JSON and table");
  }

  @Test
  void onlyContentionRunsTheContentionRowsAlone(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code =
        BenchSuite.run(
            new String[] {
              "--only", "contention",
              "--tabs", "2",
              "--tab-mutations", "5",
              "--shared-rooms", "3",
              "--seed", "7",
              "--json", json.toString()
            },
            new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(
        out.contains("| lost updates, 2 tabs x 5 mutations, 3 rooms | 0 | updates | 0 |"), out);
    assertTrue(out.contains("| CAS attempts per write, mean |"), out);
    assertTrue(out.contains("| requests per landed write |"), out);
    assertTrue(out.contains("| CasStore requests per landed write, all |"), out);
    assertTrue(!out.contains("bytes sent per one-room mutation"), out);
    assertTrue(!out.contains("durable CAS throughput"), out);
    assertTrue(!out.contains("app bundle"), out);
  }

  @Test
  void anUnknownOnlySectionIsRefused() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> BenchSuite.parse(new String[] {"--only", "bundle"}));
    assertTrue(e.getMessage().contains("contention"), e.getMessage());
  }

  @Test
  void fewerSlotsThanOneGetManyAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchSuite.parse(new String[] {"--slots", "127"}));
    assertTrue(e.getMessage().contains("--slots must be a number >= 128"), e.getMessage());
    assertEquals(128, BenchSuite.parse(new String[] {"--slots", "128"}).slots);
  }

  @Test
  void aBusyMachineIsNamedInTheReportAndAQuietOneIsNot() {
    assertEquals(null, BenchSuite.busyWarning(0.9, 2));
    assertEquals(null, BenchSuite.busyWarning(1.0, 2));
    String busy = BenchSuite.busyWarning(3.5, 2);
    assertTrue(busy != null && busy.contains("3.50") && busy.contains("2 cores"), busy);
    BenchReport r = new BenchReport().context("warning", null).context("when", "now");
    assertTrue(!r.toMarkdown().contains("warning"), r.toMarkdown());
  }

  @Test
  void reportFormatsFiguresTheSameInBothOutputs() {
    BenchReport r =
        new BenchReport().add("a \"quoted\" | name", 1.5, "B", "<= 2 B").add("n", 3, "x", null);
    assertTrue(
        r.toMarkdown().contains("| a \"quoted\" \\| name | 1.5 | B | <= 2 B |"), r.toMarkdown());
    assertTrue(
        r.toJson().contains("\"name\": \"a \\\"quoted\\\" | name\", \"value\": 1.5,"), r.toJson());
    assertTrue(r.toJson().contains("\"value\": 3,"), r.toJson());
  }
}
