package river.node.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the tools ({@code inspect}, {@code seed-legacy}) take a profile token from: the first line
 * of stdin ({@code --token-stdin}) or the environment variable {@value #ENV}. Never the command
 * line: every local user can read another process's arguments in the process list, and a token is
 * the whole credential of a profile.
 */
public final class ToolToken {
  public static final String ENV = "RIVER_TOKEN";
  public static final String STDIN_OPTION = "--token-stdin";

  private ToolToken() {}

  /** True for {@code --token} and {@code --token=...}, which are refused. */
  public static boolean isCommandLineToken(String arg) {
    return arg.equals("--token") || arg.startsWith("--token=");
  }

  /** The usage error for a token given on the command line: says how to pass it now. */
  public static IllegalArgumentException refused(String command) {
    return new IllegalArgumentException(
        command
            + " no longer takes --token: a token on the command line shows in"
            + " the process list. Pass it on stdin with "
            + STDIN_OPTION
            + " (e.g. printf '%s\\n' \"$TOKEN\" | java -jar"
            + " river-node.jar "
            + command
            + " "
            + STDIN_OPTION
            + " ...) or in the environment variable "
            + ENV);
  }

  /**
   * The token: the first line of {@code in} when {@code fromStdin}, else {@value #ENV} from {@code
   * env}; null when neither names one.
   */
  public static String read(boolean fromStdin, InputStream in, Map<String, String> env)
      throws IOException {
    if (fromStdin) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = r.readLine();
      if (line == null || line.isBlank()) {
        throw new IllegalArgumentException(STDIN_OPTION + " read no token from stdin");
      }
      return line.strip();
    }
    String value = env.get(ENV);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
