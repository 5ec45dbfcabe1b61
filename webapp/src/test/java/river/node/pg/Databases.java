package river.node.pg;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: one PostgreSQL database per test data directory, so a test that closes and reopens
 * "the store in dir" (durability, restart) gets the same database back, as SQLite would.
 */
final class Databases {
  private static final Map<Path, String> BY_DIR = new ConcurrentHashMap<>();

  private Databases() {}

  static String forDir(Path dir) {
    return BY_DIR.computeIfAbsent(
        dir.toAbsolutePath().normalize(), d -> PostgresCluster.shared().newDatabaseUrl());
  }
}
