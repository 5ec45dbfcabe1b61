package river.node.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The durable, atomic substrate of the node: every user's delegate key-value stores, keyed by (user
 * id, delegate id, key), the user directory (token hashes), and the rows the node keeps for itself
 * (signing keys under {@code "#signing/<user>"}, room states under {@code "#contracts"}).
 *
 * <p>Two implementations with the same semantics: {@link SqliteDelegateStore} (the default, one
 * node, embedded) and {@link PostgresDelegateStore} (several nodes on one database). Values are
 * opaque bytes here (the enveloped bytes; the envelope and CAS rules are pure functions in {@code
 * shared} that run inside {@link #update}). The same conformance tests run on both.
 *
 * <p>Contract every implementation keeps:
 *
 * <ul>
 *   <li>{@link #update} is an atomic read-modify-write of one row: no other write to that row
 *       between the read its function sees and the write it returns; updates of one row submitted
 *       by one caller apply in submission order;
 *   <li>a write future completes only after the write is committed durably (it survives a kill -9
 *       of the node), and a read started after that sees it;
 *   <li>futures complete off the thread that applies writes, so dependent stages never stall it;
 *       update functions must be quick, pure functions of the bytes they get (they may run more
 *       than once: SQLite replays a lost batch, PostgreSQL retries an insert race);
 *   <li>{@link #onRemoteChange} reports rows changed by <em>other</em> nodes on the same database
 *       (never this node's own writes), so hosts can invalidate caches and push.
 * </ul>
 */
public interface DelegateStore extends AutoCloseable {

  /** Stored (enveloped) value limit, in bytes. */
  int MAX_VALUE_BYTES = 256 * 1024;

  /** Key limit, in bytes. */
  int MAX_KEY_BYTES = 1024;

  /** Delegate ids are SHA-256 digests. */
  int DELEGATE_ID_BYTES = 32;

  /** User ids are short text made by {@link #createUser}; anything longer is a caller bug. */
  int MAX_USER_ID_CHARS = 128;

  /**
   * The SQLite store in {@code dataDir}, holding its lock (see {@link SqliteDelegateStore#open}).
   */
  static DelegateStore open(Path dataDir) throws IOException {
    return SqliteDelegateStore.open(dataDir);
  }

  /**
   * The SQLite store in {@code dataDir}, read-only (see {@link SqliteDelegateStore#openReadOnly}).
   */
  static DelegateStore openReadOnly(Path dataDir) throws IOException {
    return SqliteDelegateStore.openReadOnly(dataDir);
  }

  /**
   * The node's store: PostgreSQL when {@code db} is a {@code jdbc:postgresql:} URL, else SQLite in
   * {@code dataDir} (db null).
   */
  static DelegateStore open(String db, Path dataDir) throws IOException {
    if (db == null) {
      return SqliteDelegateStore.open(dataDir);
    }
    return PostgresDelegateStore.open(db);
  }

  /** The stored bytes, or null when absent. Sees every write whose future has completed. */
  CompletableFuture<byte[]> read(String user, byte[] delegate, byte[] key);

  /**
   * The stored bytes of each key, in the order of {@code keys} (null where absent; a key asked
   * twice is answered twice), read as one task on one reader connection: the node answers a GetMany
   * of 128 keys with one read, not 128 (issue 18). Every key is read at one snapshot of the
   * database, taken when the read starts: the answer sees every write whose future completed before
   * the call, and a commit that lands while it runs is in all of the answer or in none of it. That
   * is all: writers still update one row at a time, so two keys are not "consistent" in any other
   * sense.
   *
   * @throws TooLargeException if a key is over {@link #MAX_KEY_BYTES} (nothing is read)
   */
  CompletableFuture<List<byte[]>> readMany(String user, byte[] delegate, List<byte[]> keys);

  /**
   * Atomic read-modify-write of one key. {@code fn} gets the current bytes (null when absent); the
   * future completes with the mutation's result only after the write has committed durably, or
   * exceptionally (with what {@code fn} threw, a {@link CorruptRowException}, a {@link
   * StoreException}) with nothing written.
   *
   * @throws TooLargeException if the key is over {@link #MAX_KEY_BYTES} (nothing is queued)
   */
  <T> CompletableFuture<T> update(
      String user, byte[] delegate, byte[] key, Function<byte[], Mutation<T>> fn);

  /** Every key stored for this user and delegate, in unsigned byte order. */
  CompletableFuture<List<byte[]>> listKeys(String user, byte[] delegate);

  /** Every user id, in order (for the {@code inspect} command). */
  CompletableFuture<List<String>> listUsers();

  /**
   * Creates a user whose credential hashes to {@code tokenHash} (SHA-256, see {@link #hashToken})
   * and completes, once durable, with the new user's stable id. The token itself is never stored.
   * Fails with a {@link StoreException} if the hash is already registered.
   */
  CompletableFuture<String> createUser(byte[] tokenHash);

  /** The user id registered for this SHA-256 token hash, if any. */
  CompletableFuture<Optional<String>> lookupUserByTokenHash(byte[] tokenHash);

  /** The user id whose credential is {@code token}, if any. */
  default CompletableFuture<Optional<String>> lookupUser(String token) {
    if (token == null || token.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return lookupUserByTokenHash(hashToken(token));
  }

  /**
   * Registers a listener for rows other nodes on the same database changed; called on one listener
   * thread, in the order the database delivered them. {@link StoreChange#RESYNC} means changes may
   * have been missed (the listener reconnected): re-read everything you depend on. A store that
   * serves one node (SQLite) never calls it.
   */
  void onRemoteChange(Consumer<StoreChange> listener);

  boolean isReadOnly();

  /** Counters since open (for the benchmark and for diagnostics). */
  Stats stats();

  /**
   * Stops taking new operations, commits everything already taken, releases resources. Idempotent.
   */
  @Override
  void close();

  /** A fresh random 256-bit credential, base64url without padding (43 characters). */
  static String newToken() {
    return StoreTokens.newToken();
  }

  /** SHA-256 of the token's UTF-8 bytes: what the store keeps instead of the token. */
  static byte[] hashToken(String token) {
    return StoreTokens.hashToken(token);
  }

  /** Counters since open (for the benchmark and for diagnostics). */
  record Stats(long commits, long committedOps, long failedOps, long lostBatches) {
    public double opsPerCommit() {
      return commits == 0 ? 0 : (double) committedOps / commits;
    }
  }
}
