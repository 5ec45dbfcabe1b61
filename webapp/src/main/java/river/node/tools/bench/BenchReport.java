package river.node.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark report of issue 9: rows of (section, name, value, unit, goal, note), printed as a
 * markdown table and written as JSON with the same figures. The JVM half ({@link BenchSuite}) fills
 * the {@link #JVM} sections; the browser half adds its rows under {@link #BROWSER} with the same
 * {@link #add} calls (e2e depends on webapp, so it can use this class as is).
 */
public final class BenchReport {
  public static final String JVM = "JVM";

  /**
   * BROWSER ROWS GO HERE: load time for 1/100/500/5000 rooms, cross-tab and cross-user propagation
   * p50/p95, opening a full room, JS heap. They are measured by the browser benchmark (e2e,
   * Playwright), not by {@link BenchSuite}; until it adds them, {@link BenchSuite} lists them as
   * "not measured" rows so the gap stays visible.
   */
  public static final String BROWSER = "browser (e2e)";

  /** One figure. {@code value} null = not measured; {@code goal} and {@code note} may be null. */
  public record Row(
      String section, String name, Double value, String unit, String goal, String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String[]> context = new ArrayList<>();

  /** A figure in the current section. */
  public BenchReport add(
      String section, String name, Double value, String unit, String goal, String note) {
    rows.add(new Row(section, name, value, unit, goal, note));
    return this;
  }

  /** A measured figure in the JVM section. */
  public BenchReport add(String name, double value, String unit, String goal) {
    return add(JVM, name, value, unit, goal, null);
  }

  public BenchReport add(String name, double value, String unit, String goal, String note) {
    return add(JVM, name, value, unit, goal, note);
  }

  /**
   * Sets a figure: replaces the row of the same section and name (e.g. a "not measured" one), else
   * adds it.
   */
  public BenchReport put(
      String section, String name, Double value, String unit, String goal, String note) {
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.section().equals(section) && r.name().equals(name)) {
        rows.set(i, new Row(section, name, value, unit, goal, note));
        return this;
      }
    }
    return add(section, name, value, unit, goal, note);
  }

  /** Where and how it ran (machine, load, parameters): printed above the table. */
  public BenchReport context(String key, String value) {
    if (value == null) {
      return this; // e.g. no warning: nothing to print
    }
    context.add(new String[] {key, value});
    return this;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The row with this name (first match), or null. */
  public Row row(String name) {
    for (Row r : rows) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    for (String[] c : context) {
      sb.append("- ").append(c[0]).append(": ").append(c[1]).append('\n');
    }
    if (!context.isEmpty()) {
      sb.append('\n');
    }
    sb.append("| section | figure | value | unit | goal | note |\n");
    sb.append("|---|---|---:|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ")
          .append(cell(r.section()))
          .append(" | ")
          .append(cell(r.name()))
          .append(" | ")
          .append(r.value() == null ? "not measured" : format(r.value()))
          .append(" | ")
          .append(cell(r.unit()))
          .append(" | ")
          .append(cell(r.goal()))
          .append(" | ")
          .append(cell(r.note()))
          .append(" |\n");
    }
    return sb.toString();
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n  \"context\": {");
    for (int i = 0; i < context.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    ")
          .append(str(context.get(i)[0]))
          .append(": ")
          .append(str(context.get(i)[1]));
    }
    sb.append(context.isEmpty() ? "},\n" : "\n  },\n").append("  \"rows\": [");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\"section\": ")
          .append(str(r.section()))
          .append(", \"name\": ")
          .append(str(r.name()))
          .append(", \"value\": ")
          .append(r.value() == null ? "null" : format(r.value()))
          .append(", \"unit\": ")
          .append(str(r.unit()))
          .append(", \"goal\": ")
          .append(str(r.goal()))
          .append(", \"note\": ")
          .append(str(r.note()))
          .append('}');
    }
    sb.append(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return sb.toString();
  }

  public void writeJson(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /** Integers as integers, others with up to 3 decimals (the same text in both outputs). */
  static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("not a finite figure: " + v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  private static String str(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
