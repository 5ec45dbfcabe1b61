package river.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the load benches start from: a new profile token and a data directory holding that profile's
 * {@code rooms} legacy rooms (seeded by the node jar's {@code seed-legacy}, node stopped). The
 * first load migrates them, so the benches measure the loads after it.
 */
final class SeededProfile {
  final Path dir;
  final String token;

  private SeededProfile(Path dir, String token) {
    this.dir = dir;
    this.token = token;
  }

  static SeededProfile withRooms(int rooms) throws Exception {
    Path dir = Files.createTempDirectory("river-bench-rooms");
    String token = newToken();
    List<String> seed =
        new ArrayList<>(
            List.of(
                "seed-legacy", "--data-dir", dir.toString(), "--rooms", Integer.toString(rooms)));
    if (rooms > 2000) {
      seed.add("--per-room"); // a blob of 5,000 rooms is over the value limit
    }
    NodeProcess.toolAs(token, seed.toArray(new String[0]));
    return new SeededProfile(dir, token);
  }

  static String newToken() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
