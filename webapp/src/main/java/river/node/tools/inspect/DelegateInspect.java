package river.node.tools.inspect;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import river.cbor.Cbor;
import river.cbor.CborDiag;
import river.cbor.CborException;
import river.node.store.DelegateStore;
import river.node.tools.ToolToken;
import river.store.DelegateKeys;
import river.store.Envelope;

/**
 * {@code inspect --data-dir D [--token-stdin] [--full]}: prints every user's (or one user's: the
 * token from stdin or {@code RIVER_TOKEN}, see {@link ToolToken}) delegate keys, per delegate
 * version, with generation, size and value in CBOR diagnostic notation. Opens the store read-only,
 * so it works while a node runs on the same directory and changes nothing. Keys print as text when
 * they are printable UTF-8, else as {@code h'hex'}. Values that are not one CBOR item print as
 * {@code h'hex'}. Long values are cut at {@link #MAX_VALUE_CHARS} characters unless {@code --full}.
 */
public final class DelegateInspect {
  static final int MAX_VALUE_CHARS = 2000;

  private DelegateInspect() {}

  public static int run(
      String[] args, InputStream in, Map<String, String> env, PrintStream out, PrintStream err)
      throws Exception {
    Path dataDir = null;
    boolean tokenFromStdin = false;
    boolean full = false;
    for (int i = 0; i < args.length; i++) {
      if (ToolToken.isCommandLineToken(args[i])) {
        throw ToolToken.refused("inspect");
      }
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
        case ToolToken.STDIN_OPTION -> tokenFromStdin = true;
        case "--full" -> full = true;
        default -> throw new IllegalArgumentException("unknown option for inspect: " + args[i]);
      }
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("inspect needs --data-dir");
    }
    String token = ToolToken.read(tokenFromStdin, in, env);
    try (DelegateStore store = DelegateStore.openReadOnly(dataDir)) {
      List<String> users;
      if (token != null) {
        String user = store.lookupUser(token).get().orElse(null);
        if (user == null) {
          err.println("error: no user has that token in " + dataDir);
          return 1;
        }
        users = List.of(user);
      } else {
        users = store.listUsers().get();
      }
      out.println(users.size() + (users.size() == 1 ? " user" : " users") + " in " + dataDir);
      for (String user : users) {
        out.println("user " + user);
        printDelegate(store, user, "current", DelegateKeys.current(), true, full, out);
        printDelegate(store, user, "legacy", DelegateKeys.legacy(), false, full, out);
      }
    }
    return 0;
  }

  private static void printDelegate(
      DelegateStore store,
      String user,
      String name,
      byte[] delegate,
      boolean enveloped,
      boolean full,
      PrintStream out)
      throws Exception {
    List<byte[]> keys = store.listKeys(user, delegate).get();
    out.println(
        "  delegate "
            + name
            + " "
            + HexFormat.of().formatHex(delegate, 0, 8)
            + "… ("
            + keys.size()
            + (keys.size() == 1 ? " key)" : " keys)"));
    for (byte[] key : keys) {
      byte[] stored = store.read(user, delegate, key).get();
      if (stored == null) {
        continue; // deleted since the listing
      }
      byte[] data = stored;
      String generation = "-";
      if (enveloped) {
        Envelope e = Envelope.unwrap(stored);
        data = e.data();
        generation = Long.toUnsignedString(e.generation());
      }
      String value = diag(data);
      if (!full && value.length() > MAX_VALUE_CHARS) {
        value =
            value.substring(0, MAX_VALUE_CHARS)
                + "… ("
                + value.length()
                + " chars, --full for all)";
      }
      out.println("    " + keyText(key) + "  generation " + generation + "  size " + data.length);
      out.println("      " + value);
    }
  }

  /** The key as text when it is printable UTF-8, else h'hex'. */
  static String keyText(byte[] key) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(key))
              .toString();
      boolean printable =
          !s.isEmpty()
              && s.codePoints()
                  .allMatch(
                      c ->
                          !Character.isISOControl(c)
                              && Character.getType(c) != Character.FORMAT
                              && Character.getType(c) != Character.UNASSIGNED);
      if (printable) {
        return s;
      }
    } catch (CharacterCodingException e) {
      // not UTF-8
    }
    return "h'" + HexFormat.of().formatHex(key) + "'";
  }

  /** One CBOR item in diagnostic notation, or h'hex' for anything else. */
  static String diag(byte[] data) {
    try {
      return CborDiag.format(Cbor.decode(data));
    } catch (CborException e) {
      return "h'" + HexFormat.of().formatHex(data) + "'  (not CBOR: " + e.getMessage() + ")";
    }
  }

  public static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
