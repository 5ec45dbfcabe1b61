package river.node.tools.seed;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import river.node.crypto.Sha256;
import river.node.delegate.DelegateHost;
import river.node.store.DelegateStore;
import river.node.store.Mutation;
import river.node.tools.ToolToken;
import river.node.tools.inspect.DelegateInspect;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.store.DelegateKeys;
import river.store.Envelope;

/**
 * {@code seed-legacy --data-dir D --token-stdin --rooms N} (or the token in {@code RIVER_TOKEN},
 * see {@link ToolToken}): writes a legacy {@code rooms_data} blob of N rooms for the user with that
 * token into the legacy delegate (raw, no envelope), in the rooms model's own legacy encoding
 * ({@link CborRoomsCodec#encodeLegacyBlob}), for upgrade tests and demos. Takes the data
 * directory's lock, so the node must not be running. An unknown token is registered as a new user
 * first, so a test can choose its token before the node ever starts.
 *
 * <p>With {@code --per-room} the same rooms are written as a migrated profile holds them instead:
 * one slot per room and {@code rooms_meta} in the current delegate (enveloped, generation 1). The
 * load then reads them without a migration; needed past ~2,500 rooms, whose blob is over the
 * delegate's value limit (the benchmark's 5,000 rooms).
 *
 * <p>The rooms are deterministic functions of (N, index): room i's owner key is
 * SHA-256("river.seed-legacy/room/" + i), its nickname {@code "seed user i"}. Keys and membership
 * bytes are placeholders, not real Ed25519 keys or signatures.
 */
public final class SeedLegacy {
  private SeedLegacy() {}

  public static int run(
      String[] args, InputStream in, Map<String, String> env, PrintStream out, PrintStream err)
      throws Exception {
    Path dataDir = null;
    boolean tokenFromStdin = false;
    int rooms = -1;
    boolean perRoom = false;
    for (int i = 0; i < args.length; i++) {
      if (ToolToken.isCommandLineToken(args[i])) {
        throw ToolToken.refused("seed-legacy");
      }
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(DelegateInspect.value(args, ++i, "--data-dir"));
        case ToolToken.STDIN_OPTION -> tokenFromStdin = true;
        case "--per-room" -> perRoom = true;
        case "--rooms" -> {
          String v = DelegateInspect.value(args, ++i, "--rooms");
          try {
            rooms = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rooms must be a number, got " + v);
          }
          if (rooms < 0) {
            throw new IllegalArgumentException("--rooms must be 0 or more, got " + v);
          }
        }
        default -> throw new IllegalArgumentException("unknown option for seed-legacy: " + args[i]);
      }
    }
    if (dataDir == null || rooms < 0) {
      throw new IllegalArgumentException(
          "seed-legacy needs --data-dir, --rooms and a token ("
              + ToolToken.STDIN_OPTION
              + " or "
              + ToolToken.ENV
              + ")");
    }
    String token = ToolToken.read(tokenFromStdin, in, env);
    if (token == null) {
      throw new IllegalArgumentException(
          "seed-legacy needs a token: pass it on stdin with "
              + ToolToken.STDIN_OPTION
              + " or in the environment variable "
              + ToolToken.ENV);
    }
    if (perRoom) {
      return perRoom(dataDir, token, rooms, out);
    }
    byte[] blob = new CborRoomsCodec().encodeLegacyBlob(rooms(rooms));
    if (blob.length > DelegateHost.MAX_DATA_BYTES) {
      err.println(
          "error: "
              + rooms
              + " rooms make a rooms_data blob of "
              + blob.length
              + " bytes, over the delegate's value limit of "
              + DelegateHost.MAX_DATA_BYTES);
      return 1;
    }
    try (DelegateStore store = DelegateStore.open(dataDir)) {
      String user = user(store, token, out);
      byte[] key = RoomStorageKeys.ROOMS_DATA.getBytes(StandardCharsets.UTF_8);
      store.update(user, DelegateKeys.legacy(), key, old -> Mutation.put(blob, null)).get();
      out.println(
          "wrote rooms_data with "
              + rooms
              + " rooms ("
              + blob.length
              + " bytes) for user "
              + user
              + " into the legacy delegate");
    }
    return 0;
  }

  /** The rooms as per-room slots and rooms_meta in the current delegate, for the token's user. */
  private static int perRoom(Path dataDir, String token, int n, PrintStream out) throws Exception {
    CborRoomsCodec codec = new CborRoomsCodec();
    Rooms rooms = rooms(n);
    try (DelegateStore store = DelegateStore.open(dataDir)) {
      String user = user(store, token, out);
      for (RoomData d : rooms.map().values()) {
        put(store, user, RoomStorageKeys.roomKey(d.owner()), codec.encodeSlot(RoomSlot.present(d)));
      }
      put(store, user, RoomStorageKeys.ROOMS_META, codec.encodeMeta(rooms.meta()));
      out.println(
          "wrote "
              + n
              + " room slots and rooms_meta for user "
              + user
              + " into the current delegate");
    }
    return 0;
  }

  /** The token's user, registered first when unknown. */
  private static String user(DelegateStore store, String token, PrintStream out) throws Exception {
    Optional<String> found = store.lookupUser(token).get();
    if (found.isPresent()) {
      return found.get();
    }
    String user = store.createUser(DelegateStore.hashToken(token)).get();
    out.println("registered a new user for that token: " + user);
    return user;
  }

  private static void put(DelegateStore store, String user, String key, byte[] data)
      throws Exception {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] value = Envelope.wrap(1, data);
    store.update(user, DelegateKeys.current(), k, old -> Mutation.put(value, null)).get();
  }

  /** N deterministic rooms, all in the room order, the first one current. */
  public static Rooms rooms(int n) {
    TreeMap<RoomKey, RoomData> map = new TreeMap<>();
    List<RoomKey> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RoomKey owner = RoomKey.of(Bytes.of(Sha256.of("river.seed-legacy/room/" + i)));
      map.put(
          owner,
          RoomData.builder(owner)
              .signingKey(Bytes.of(Sha256.of("river.seed-legacy/signing/" + i)))
              .verifyingKey(Bytes.of(Sha256.of("river.seed-legacy/verifying/" + i)))
              .membership(Bytes.of(Sha256.of("river.seed-legacy/membership/" + i)))
              .identityGeneration(1)
              .nickname("seed user " + i)
              .nicknameVersion(1)
              .contractKey(Bytes.of(Sha256.of("river.seed-legacy/contract/" + i)))
              .build());
      order.add(owner);
    }
    return new Rooms(
        map,
        new TreeSet<>(),
        order.isEmpty() ? null : order.get(0),
        new TreeMap<RoomKey, NotificationMode>(),
        order);
  }
}
