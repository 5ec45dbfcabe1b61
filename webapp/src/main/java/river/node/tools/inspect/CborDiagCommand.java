package river.node.tools.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import river.cbor.Cbor;
import river.cbor.CborDiag;
import river.cbor.CborException;

/**
 * {@code cbor-diag [HEX]}: decodes one CBOR item given in hex (the argument, else standard input;
 * whitespace and an optional 0x prefix are ignored) and prints it in diagnostic notation. Bad hex
 * or bad CBOR: a one-line error and exit code 1.
 */
public final class CborDiagCommand {
  private CborDiagCommand() {}

  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err)
      throws IOException {
    if (args.length > 1) {
      throw new IllegalArgumentException(
          "cbor-diag takes at most one argument (hex), or reads hex from stdin");
    }
    String hex =
        args.length == 1 ? args[0] : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    hex = hex.replaceAll("\\s+", "");
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    byte[] bytes;
    try {
      if (hex.isEmpty()) {
        throw new IllegalArgumentException("no input");
      }
      bytes = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      err.println("error: not hex: " + e.getMessage());
      return 1;
    }
    try {
      out.println(CborDiag.format(Cbor.decode(bytes)));
      return 0;
    } catch (CborException e) {
      err.println("error: malformed CBOR: " + e.getMessage());
      return 1;
    }
  }
}
