package river.node.pg;

import java.io.IOException;
import java.nio.file.Path;
import river.node.store.DelegateStore;
import river.node.store.PostgresDelegateStore;

/** The two stores every store and delegate conformance test runs against. */
public enum StoreKind {
  SQLITE,
  POSTGRES;

  /**
   * The store of {@code dataDir}: SQLite in it, or PostgreSQL on the database the shared cluster
   * keeps for it (fresh the first time, the same one when reopened).
   */
  public DelegateStore open(Path dataDir) throws IOException {
    return this == SQLITE
        ? DelegateStore.open(dataDir)
        : PostgresDelegateStore.open(newDb(dataDir));
  }

  /**
   * The {@code --db} value for a node of this kind (null for SQLite). PostgreSQL: a fresh database,
   * unless {@code dataDir} was given one before (so reopening a "directory" reopens its database).
   */
  public String newDb(Path dataDir) {
    return this == SQLITE ? null : Databases.forDir(dataDir);
  }
}
