package river.node;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import river.node.store.DataDirLockedException;
import river.node.store.DataDirUnwritableException;
import river.node.tools.bench.BenchSuite;
import river.node.tools.bench.DelegateBench;
import river.node.tools.bench.ScaleOutBench;
import river.node.tools.inspect.CborDiagCommand;
import river.node.tools.inspect.DelegateInspect;
import river.node.tools.seed.SeedLegacy;

/**
 * The node's command line. Without a subcommand it serves; subcommands are tools over the same code
 * (see README). Exit codes: 0 ok, 1 runtime failure, 2 usage error.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.getenv(), System.out, System.err));
  }

  /**
   * {@code in} and {@code env} are where the tools read a profile token from (never the arguments).
   */
  static int run(
      String[] args, InputStream in, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      if (args.length > 0 && !args[0].startsWith("--")) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
          case "serve":
            return serve(rest, out);
          case "cbor-diag":
            return CborDiagCommand.run(rest, in, out, err);
          case "inspect":
            return DelegateInspect.run(rest, in, env, out, err);
          case "bench":
            return DelegateBench.run(rest, out);
          case "bench-suite":
            return BenchSuite.run(rest, out);
          case "bench-scaleout":
            ScaleOutBench.main(rest);
            return 0;
          case "seed-legacy":
            return SeedLegacy.run(rest, in, env, out, err);
          case "help":
            out.println(USAGE);
            return 0;
          default:
            err.println("unknown command: " + args[0]);
            err.println(USAGE);
            return 2;
        }
      }
      return serve(args, out);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (DataDirLockedException | DataDirUnwritableException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("error: " + e);
      return 1;
    }
  }

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar river-node.jar [serve] [--port 7509] [--data-dir ./river-data] [--static-dir DIR] [--allow-host NAME:PORT] [--db jdbc:postgresql://HOST:PORT/DB?user=U]",
          "       java -jar river-node.jar cbor-diag [HEX]              (hex from the argument or stdin)",
          "       java -jar river-node.jar inspect --data-dir D [--token-stdin] [--full]   (read-only, works while the node runs)",
          "       java -jar river-node.jar bench [--clients 32] [--seconds 5] [--warmup 3] [--port P]",
          "       java -jar river-node.jar bench-suite [--rooms 1,100,500] [--tabs 8] [--seconds 5] [--json FILE]   (README: Benchmark)",
          "       java -jar river-node.jar bench-scaleout --db jdbc:postgresql://HOST:PORT/DB?user=U [--clients 32] [--seconds 5] [--pushes 300]",
          "       java -jar river-node.jar seed-legacy --data-dir D --token-stdin --rooms N [--per-room]   (node stopped)",
          "       (inspect and seed-legacy read the profile token from stdin with --token-stdin, or from RIVER_TOKEN)");

  private static int serve(String[] args, PrintStream out) throws Exception {
    NodeOptions options = NodeOptions.parse(args);
    Node node = Node.start(options);
    StopSignals.onTerminate(node::close);
    // Not a log record: the ready line is the node's interface on stdout, printed exactly like this
    // (no level), because e2e's NodeProcess, scripts and the README wait for and parse it.
    out.println("listening on " + node.url());
    out.flush();
    node.join();
    return 0;
  }
}
