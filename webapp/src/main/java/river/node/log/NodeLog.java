package river.node.log;

import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The node's one logging setup: every class logs through {@link #logger} (a {@link System.Logger}),
 * and the {@code river.node} loggers write one line per record to standard error, {@code LEVEL
 * message} (levels as {@link System.Logger.Level} names them: ERROR, WARNING, INFO, DEBUG, TRACE).
 * The level is INFO unless the system property {@value #LEVEL_PROPERTY} names another ({@code java
 * -Driver.log.level=DEBUG -jar river-node.jar}).
 *
 * <p>Hazards: a record never carries a token, a signing key, a room secret or a request URL (it may
 * carry a token); log what failed and the storage's message, never values. Standard output is not
 * for logging: it carries the ready line, which tests and people parse, and the tools' output.
 * Jetty logs through its own SLF4J binding ({@code jetty-logging.properties}).
 */
public final class NodeLog {
  public static final String LEVEL_PROPERTY = "river.log.level";
  static final String NAMESPACE = "river.node";

  /** Held: java.util.logging keeps loggers weakly, and a collected one forgets this setup. */
  private static final Logger ROOT = configure(System.getProperty(LEVEL_PROPERTY));

  private NodeLog() {}

  /**
   * The logger of {@code owner} (a class of the node, so under {@value #NAMESPACE}), set up as
   * above.
   */
  public static System.Logger logger(Class<?> owner) {
    return System.getLogger(owner.getName()); // this class's initialisation configured ROOT first
  }

  private static Logger configure(String levelName) {
    Logger root = Logger.getLogger(NAMESPACE);
    root.setUseParentHandlers(false);
    root.setLevel(julLevel(levelName));
    Handler h = new StandardError();
    h.setFormatter(new OneLine());
    h.setLevel(Level.ALL);
    root.addHandler(h);
    return root;
  }

  /**
   * The java.util.logging level for a {@link System.Logger.Level} name; INFO when absent or
   * unknown.
   */
  static Level julLevel(String name) {
    if (name == null || name.isBlank()) {
      return Level.INFO;
    }
    switch (name.strip().toUpperCase(Locale.ROOT)) {
      case "OFF":
        return Level.OFF;
      case "ERROR":
        return Level.SEVERE;
      case "WARNING":
        return Level.WARNING;
      case "DEBUG":
        return Level.FINE;
      case "TRACE":
        return Level.FINER;
      case "ALL":
        return Level.ALL;
      default:
        return Level.INFO;
    }
  }

  /** The {@link System.Logger.Level} name of a java.util.logging level. */
  static String levelName(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return "ERROR";
    } else if (v >= Level.WARNING.intValue()) {
      return "WARNING";
    } else if (v >= Level.INFO.intValue()) {
      return "INFO";
    } else if (v >= Level.FINE.intValue()) {
      return "DEBUG";
    }
    return "TRACE";
  }

  /**
   * {@code LEVEL message}, and a thrown exception's own line folded in; never more than one line.
   */
  static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord r) {
      StringBuilder line =
          new StringBuilder(levelName(r.getLevel())).append(' ').append(formatMessage(r));
      if (r.getThrown() != null) {
        line.append(": ").append(r.getThrown());
      }
      return line.toString().replace('\r', ' ').replace('\n', ' ') + System.lineSeparator();
    }
  }

  /**
   * Writes to the {@code System.err} of the moment (a ConsoleHandler keeps the one it started
   * with).
   */
  private static final class StandardError extends Handler {
    @Override
    public void publish(LogRecord r) {
      if (isLoggable(r)) {
        System.err.print(getFormatter().format(r));
      }
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {}
  }
}
