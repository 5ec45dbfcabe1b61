package river.node.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * The durable, atomic substrate of the chat delegate: every user's key-value stores, keyed by
 * (user id, delegate id, key), in one SQLite database under the node's data directory.
 *
 * <p>Values are opaque bytes here (the enveloped bytes; the envelope and CAS rules are pure
 * functions in {@code shared} that run inside {@link #update}).
 *
 * <h2>Writes: one writer thread, group commit</h2>
 * All writes go through one connection owned by one writer thread. The thread takes everything
 * queued, applies it in order in one transaction (so a later operation sees the effects of the
 * earlier ones), commits once (WAL, {@code synchronous=FULL}: the commit returns after fsync) and
 * only then completes the futures. An acknowledged write therefore survives a kill -9.
 *
 * <p>Write futures are completed by a separate single "acks" thread, in commit order, so callers'
 * dependent stages ({@code thenApply}, ...) never run on the writer thread and cannot slow down
 * or deadlock group commit. They do run on the acks thread: do not block there (use the
 * {@code *Async} variants for heavy work). Update functions themselves run on the writer thread:
 * they must be quick, must not block, and must not wait for another store future (that would
 * deadlock the writer).
 *
 * <h2>Failures inside a batch</h2>
 * Each operation runs inside its own SAVEPOINT. If an operation fails (its function throws, its
 * row is corrupt, its statement fails) it is rolled back to its savepoint, its future completes
 * exceptionally, and the other operations of the batch still commit: one user's bad row, huge
 * value or buggy function never costs other users their writes. Some errors make SQLite abort the
 * whole transaction (SQLITE_FULL, I/O errors); then the failing op fails and the ops applied
 * before it in the batch are applied again in a fresh transaction (so update functions must be
 * pure functions of the bytes they are given: in that rare case one runs twice, on the same
 * input). If that is lost too, or if COMMIT itself fails, every op of the batch fails and none
 * is acknowledged. The writer thread survives every exception.
 *
 * <h2>Reads</h2>
 * Reads run on a small pool of read connections (WAL readers do not block the writer). A read
 * started after a write's future completed sees that write, because the future completes only
 * after COMMIT returned.
 *
 * <h2>Schema ({@code PRAGMA user_version = 1})</h2>
 * <pre>
 * users(user_id TEXT PRIMARY KEY, token_sha256 BLOB NOT NULL UNIQUE, created_ms INTEGER NOT NULL) STRICT
 * kv(user_id TEXT, delegate BLOB, key BLOB, value BLOB NOT NULL,
 *    PRIMARY KEY (user_id, delegate, key)) WITHOUT ROWID, STRICT
 * </pre>
 * The primary key of {@code kv} is the key index: {@link #listKeys} is a range scan over it, and it
 * is maintained by the same statement that puts or deletes a value, so it cannot drift.
 */
public final class DelegateStore implements AutoCloseable {

    /** Stored (enveloped) value limit, in bytes. */
    public static final int MAX_VALUE_BYTES = 256 * 1024;
    /** Key limit, in bytes. */
    public static final int MAX_KEY_BYTES = 1024;
    /** Delegate ids are SHA-256 digests. */
    public static final int DELEGATE_ID_BYTES = 32;
    /** User ids are short text made by {@link #createUser}; anything longer is a caller bug. */
    public static final int MAX_USER_ID_CHARS = 128;
    /** The database file inside the data directory. */
    public static final String DB_FILE = "delegates.sqlite";

    static final int SCHEMA_VERSION = 1;
    private static final int MAX_BATCH = 4096;
    private static final int READERS = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDir;
    private final String url;
    private final boolean readOnly;
    private final DataDirLock lock; // null when read-only

    // Writer side
    private final LinkedBlockingQueue<WriteOp> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private volatile boolean closed;
    private final Thread writer;
    private final ExecutorService acks; // completes write futures, in commit order, off the writer thread
    private final Connection writeConn;
    private PreparedStatement wSelect, wUpsert, wDelete, wInsertUser, wSavepoint, wRollbackTo, wRelease;
    private PreparedStatement wBegin, wCommit, wRollback;
    private boolean inTransaction; // writer thread only

    // Reader side
    private final ExecutorService readers;
    private final List<ReadConn> readConns = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ReadConn> readConn = new ThreadLocal<>();

    // Stats
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedOps = new AtomicLong();
    private final AtomicLong failedOps = new AtomicLong();
    private final AtomicLong lostBatches = new AtomicLong();

    private DelegateStore(Path dataDir, boolean readOnly, DataDirLock lock) throws IOException {
        this.dataDir = dataDir;
        this.readOnly = readOnly;
        this.lock = lock;
        this.url = "jdbc:sqlite:" + dataDir.resolve(DB_FILE).toAbsolutePath();
        try {
            if (readOnly) {
                writeConn = null;
                writer = null;
                acks = null;
                checkSchema(openReadConnection().conn, true);
            } else {
                writeConn = openWriteConnection();
                fsyncDir(dataDir); // the db and -wal files were just created: make their names durable
                acks = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "river-store-acks");
                    t.setDaemon(true);
                    return t;
                });
                writer = new Thread(this::writerLoop, "river-store-writer");
                writer.setDaemon(true);
                writer.start();
            }
        } catch (SQLException e) {
            for (ReadConn rc : readConns) {
                closeQuietly(rc.conn);
            }
            throw new IOException("cannot open the delegate store in " + dataDir + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        readers = Executors.newFixedThreadPool(READERS, r -> {
            Thread t = new Thread(r, "river-store-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir} for the node: takes the directory's
     * lock file, so a second process on the same directory gets a {@link DataDirLockedException}.
     */
    public static DelegateStore open(Path dataDir) throws IOException {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            return new DelegateStore(dataDir, false, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens an existing store read-only (the {@code inspect} command): no lock file, works while a
     * node is running on the same directory, and sees what that node has committed. {@link #update}
     * and {@link #createUser} fail with {@link StoreClosedException}.
     */
    public static DelegateStore openReadOnly(Path dataDir) throws IOException {
        if (!Files.isRegularFile(dataDir.resolve(DB_FILE))) {
            throw new NoSuchFileException(dataDir.resolve(DB_FILE).toString(), null,
                    "no delegate store in " + dataDir);
        }
        return new DelegateStore(dataDir, true, null);
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    // ------------------------------------------------------------------------------------------
    // Public API

    /** The stored bytes, or null when absent. Sees every write whose future has completed. */
    public CompletableFuture<byte[]> read(String user, byte[] delegate, byte[] key) {
        checkUser(user);
        byte[] d = checkDelegate(delegate);
        byte[] k = checkKey(key);
        return onReader(rc -> {
            rc.get.setString(1, user);
            rc.get.setBytes(2, d);
            rc.get.setBytes(3, k);
            try (ResultSet rs = rc.get.executeQuery()) {
                return rs.next() ? blobValue(rs, user, k) : null;
            }
        });
    }

    /**
     * Atomic read-modify-write of one key. {@code fn} runs on the writer thread with the current
     * bytes (null when absent) and no other write in between; the future completes with the
     * mutation's result only after the transaction holding it has committed durably, or
     * exceptionally (with what {@code fn} threw, a {@link CorruptRowException}, a
     * {@link StoreException}) with nothing written.
     *
     * @throws TooLargeException if the key is over {@link #MAX_KEY_BYTES} (nothing is queued)
     */
    public <T> CompletableFuture<T> update(String user, byte[] delegate, byte[] key,
                                           Function<byte[], Mutation<T>> fn) {
        checkUser(user);
        byte[] d = checkDelegate(delegate);
        byte[] k = checkKey(key);
        Objects.requireNonNull(fn, "fn");
        UpdateOp<T> op = new UpdateOp<>(user, d, k, fn);
        submit(op);
        return op.future;
    }

    /** Every key stored for this user and delegate, in unsigned byte order. */
    public CompletableFuture<List<byte[]>> listKeys(String user, byte[] delegate) {
        checkUser(user);
        byte[] d = checkDelegate(delegate);
        return onReader(rc -> {
            rc.list.setString(1, user);
            rc.list.setBytes(2, d);
            List<byte[]> keys = new ArrayList<>();
            try (ResultSet rs = rc.list.executeQuery()) {
                while (rs.next()) {
                    byte[] key = rs.getBytes(1);
                    if (key == null) {
                        throw new CorruptRowException("null key in kv for user " + user);
                    }
                    keys.add(key);
                }
            }
            return keys;
        });
    }

    /** Every user id, in order (for the {@code inspect} command). */
    public CompletableFuture<List<String>> listUsers() {
        return onReader(rc -> {
            List<String> users = new ArrayList<>();
            try (Statement st = rc.conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT user_id FROM users ORDER BY user_id")) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
            return users;
        });
    }

    /**
     * Creates a user whose credential hashes to {@code tokenHash} (SHA-256, see {@link #hashToken})
     * and completes, once durable, with the new user's stable id. The token itself is never
     * stored. Fails (SQLException cause) if the hash is already registered.
     */
    public CompletableFuture<String> createUser(byte[] tokenHash) {
        byte[] h = checkTokenHash(tokenHash);
        byte[] idBytes = new byte[16];
        RANDOM.nextBytes(idBytes);
        CreateUserOp op = new CreateUserOp("u" + HexFormat.of().formatHex(idBytes), h);
        submit(op);
        return op.future;
    }

    /** The user id whose credential is {@code token}, if any. */
    public CompletableFuture<Optional<String>> lookupUser(String token) {
        if (token == null || token.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return lookupUserByTokenHash(hashToken(token));
    }

    /** The user id registered for this SHA-256 token hash, if any. */
    public CompletableFuture<Optional<String>> lookupUserByTokenHash(byte[] tokenHash) {
        byte[] h = checkTokenHash(tokenHash);
        return onReader(rc -> {
            rc.user.setBytes(1, h);
            try (ResultSet rs = rc.user.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** A fresh random 256-bit credential, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 of the token's UTF-8 bytes: what the store keeps instead of the token. */
    public static byte[] hashToken(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is always present", e);
        }
    }

    /** Counters since open (for the benchmark and for diagnostics). */
    public record Stats(long commits, long committedOps, long failedOps, long lostBatches) {
        public double opsPerCommit() {
            return commits == 0 ? 0 : (double) committedOps / commits;
        }
    }

    public Stats stats() {
        return new Stats(commits.get(), committedOps.get(), failedOps.get(), lostBatches.get());
    }

    /**
     * Stops taking new operations, lets the writer finish (and commit) everything queued, then
     * closes the connections and releases the lock. Idempotent.
     */
    @Override
    public void close() {
        synchronized (submitLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (writer != null) {
                queue.add(POISON);
            }
        }
        boolean interrupted = false;
        if (writer != null) {
            while (true) {
                try {
                    writer.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (acks != null) {
            acks.shutdown(); // after the writer: every ack it handed over still runs
            try {
                acks.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        readers.shutdown();
        try {
            if (!readers.awaitTermination(30, TimeUnit.SECONDS)) {
                readers.shutdownNow();
            }
        } catch (InterruptedException e) {
            readers.shutdownNow();
            interrupted = true;
        }
        for (ReadConn rc : readConns) {
            closeQuietly(rc.conn);
        }
        if (writeConn != null) {
            closeQuietly(writeConn);
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // the lock dies with the channel; nothing else to do
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Validation

    private static void checkUser(String user) {
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("user id is empty");
        }
        TooLargeException.check("user id", user.length(), MAX_USER_ID_CHARS);
    }

    private static byte[] checkDelegate(byte[] delegate) {
        if (delegate == null || delegate.length != DELEGATE_ID_BYTES) {
            throw new IllegalArgumentException("delegate id must be " + DELEGATE_ID_BYTES + " bytes, got "
                    + (delegate == null ? "null" : delegate.length));
        }
        return delegate.clone();
    }

    private static byte[] checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        TooLargeException.check("key", key.length, MAX_KEY_BYTES);
        return key.clone();
    }

    private static byte[] checkTokenHash(byte[] h) {
        if (h == null || h.length != 32) {
            throw new IllegalArgumentException("token hash must be 32 bytes (SHA-256)");
        }
        return h.clone();
    }

    // ------------------------------------------------------------------------------------------
    // Connections and schema

    private Connection openWriteConnection() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(10_000);
        // DEFERRED (the default): with one writer there is nothing to upgrade-deadlock against, and
        // an idle writer then holds no lock or snapshot that would keep checkpoints from finishing.
        Connection c = DriverManager.getConnection(url, cfg.toProperties());
        try {
            prepareWriter(c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private void prepareWriter(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Verify the pragmas took: an acknowledged write must be an fsynced write.
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("journal_mode is " + mode + ", expected wal");
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                int sync = rs.next() ? rs.getInt(1) : -1;
                if (sync != 2) {
                    throw new SQLException("synchronous is " + sync + ", expected 2 (FULL)");
                }
            }
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("the delegate store has schema version " + version
                        + "; this node understands up to " + SCHEMA_VERSION + " (written by a newer node?)");
            }
            if (version < SCHEMA_VERSION) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("CREATE TABLE IF NOT EXISTS users ("
                        + " user_id TEXT PRIMARY KEY,"
                        + " token_sha256 BLOB NOT NULL UNIQUE,"
                        + " created_ms INTEGER NOT NULL) STRICT");
                s.execute("CREATE TABLE IF NOT EXISTS kv ("
                        + " user_id TEXT NOT NULL,"
                        + " delegate BLOB NOT NULL,"
                        + " key BLOB NOT NULL,"
                        + " value BLOB NOT NULL,"
                        + " PRIMARY KEY (user_id, delegate, key)) WITHOUT ROWID, STRICT");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            }
        }
        // The connection stays in JDBC auto-commit mode: the writer issues BEGIN / COMMIT / ROLLBACK
        // itself so that it always knows whether a transaction is open (sqlite-jdbc's own
        // commit()/rollback() lose track when SQLite aborts a transaction by itself).
        prepareWriterStatements(c);
    }

    /**
     * Prepares the writer's statements. sqlite-jdbc finalizes a prepared statement whose
     * execution failed (constraint violation, SQLITE_FULL, ...) without marking it closed, so
     * after every failed op all of them are thrown away and prepared again
     * ({@link #repairWriterStatements}): otherwise one failure would break that kind of write for good.
     */
    private void prepareWriterStatements(Connection c) throws SQLException {
        wSelect = c.prepareStatement("SELECT typeof(value), value FROM kv WHERE user_id = ? AND delegate = ? AND key = ?");
        wUpsert = c.prepareStatement("INSERT INTO kv (user_id, delegate, key, value) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (user_id, delegate, key) DO UPDATE SET value = excluded.value");
        wDelete = c.prepareStatement("DELETE FROM kv WHERE user_id = ? AND delegate = ? AND key = ?");
        wInsertUser = c.prepareStatement("INSERT INTO users (user_id, token_sha256, created_ms) VALUES (?, ?, ?)");
        wSavepoint = c.prepareStatement("SAVEPOINT op");
        wRollbackTo = c.prepareStatement("ROLLBACK TO op");
        wRelease = c.prepareStatement("RELEASE op");
        wBegin = c.prepareStatement("BEGIN IMMEDIATE");
        wCommit = c.prepareStatement("COMMIT");
        wRollback = c.prepareStatement("ROLLBACK");
    }

    private void repairWriterStatements() {
        for (PreparedStatement ps : new PreparedStatement[] {wSelect, wUpsert, wDelete, wInsertUser, wSavepoint,
                wRollbackTo, wRelease, wBegin, wCommit, wRollback}) {
            try {
                ps.close();
            } catch (Throwable ignored) {
                // already finalized by the driver
            }
        }
        try {
            prepareWriterStatements(writeConn);
        } catch (Throwable ignored) {
            // the connection itself is failing; the next op will report it
        }
    }

    private static void checkSchema(Connection c, boolean readOnly) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            int version = rs.next() ? rs.getInt(1) : 0;
            if (version != SCHEMA_VERSION) {
                throw new SQLException("the delegate store has schema version " + version + ", expected "
                        + SCHEMA_VERSION + (readOnly ? " (open it once with the node to create or upgrade it)" : ""));
            }
        }
    }

    private static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can fsync a directory; SQLite's own syncs still hold
        }
    }

    private final class ReadConn {
        final Connection conn;
        final PreparedStatement get, list, user;

        ReadConn(Connection conn) throws SQLException {
            this.conn = conn;
            get = conn.prepareStatement("SELECT typeof(value), value FROM kv WHERE user_id = ? AND delegate = ? AND key = ?");
            list = conn.prepareStatement("SELECT key FROM kv WHERE user_id = ? AND delegate = ? ORDER BY key");
            user = conn.prepareStatement("SELECT user_id FROM users WHERE token_sha256 = ?");
        }
    }

    private ReadConn openReadConnection() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(10_000);
        cfg.setReadOnly(true);
        Properties p = cfg.toProperties();
        Connection c = DriverManager.getConnection(url, p);
        try {
            ReadConn rc = new ReadConn(c);
            readConns.add(rc);
            return rc;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @FunctionalInterface
    private interface ReadTask<R> {
        R run(ReadConn rc) throws Exception;
    }

    private <R> CompletableFuture<R> onReader(ReadTask<R> task) {
        if (closed) {
            return CompletableFuture.failedFuture(new StoreClosedException("the delegate store is closed"));
        }
        CompletableFuture<R> f = new CompletableFuture<>();
        try {
            readers.execute(() -> {
                try {
                    ReadConn rc = readConn.get();
                    if (rc == null) {
                        rc = openReadConnection();
                        readConn.set(rc);
                    }
                    f.complete(task.run(rc));
                } catch (StoreException e) {
                    f.completeExceptionally(e);
                } catch (SQLException e) {
                    f.completeExceptionally(new StoreException("read failed: " + e.getMessage(), e));
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new StoreClosedException("the delegate store is closed"));
        }
        return f;
    }

    private static byte[] blobValue(ResultSet rs, String user, byte[] key) throws SQLException {
        String type = rs.getString(1);
        if (!"blob".equals(type)) {
            throw new CorruptRowException("stored value for user " + user + ", key "
                    + HexFormat.of().formatHex(key) + " is " + type + ", not a blob");
        }
        byte[] v = rs.getBytes(2);
        return v == null ? new byte[0] : v; // sqlite-jdbc reads a zero-length blob as null
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing; nothing to recover
        }
    }

    // ------------------------------------------------------------------------------------------
    // Writer

    private abstract static class WriteOp {
        /** Runs on the writer thread inside the batch's transaction and the op's savepoint. */
        abstract void apply(DelegateStore s) throws Exception;

        /** After COMMIT returned. */
        abstract void succeed();

        abstract void fail(Throwable t);
    }

    private static final WriteOp POISON = new WriteOp() {
        @Override
        void apply(DelegateStore s) {
        }

        @Override
        void succeed() {
        }

        @Override
        void fail(Throwable t) {
        }
    };

    private static final class UpdateOp<T> extends WriteOp {
        final String user;
        final byte[] delegate, key;
        final Function<byte[], Mutation<T>> fn;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;

        UpdateOp(String user, byte[] delegate, byte[] key, Function<byte[], Mutation<T>> fn) {
            this.user = user;
            this.delegate = delegate;
            this.key = key;
            this.fn = fn;
        }

        @Override
        void apply(DelegateStore s) throws Exception {
            byte[] current = null;
            s.wSelect.setString(1, user);
            s.wSelect.setBytes(2, delegate);
            s.wSelect.setBytes(3, key);
            try (ResultSet rs = s.wSelect.executeQuery()) {
                if (rs.next()) {
                    current = blobValue(rs, user, key);
                }
            }
            Mutation<T> m = fn.apply(current);
            if (m == null) {
                throw new NullPointerException("update function returned null instead of a Mutation");
            }
            switch (m.kind()) {
                case PUT -> {
                    byte[] v = m.valueUnsafe();
                    TooLargeException.check("value", v.length, MAX_VALUE_BYTES);
                    s.wUpsert.setString(1, user);
                    s.wUpsert.setBytes(2, delegate);
                    s.wUpsert.setBytes(3, key);
                    s.wUpsert.setBytes(4, v);
                    s.wUpsert.executeUpdate();
                }
                case DELETE -> {
                    s.wDelete.setString(1, user);
                    s.wDelete.setBytes(2, delegate);
                    s.wDelete.setBytes(3, key);
                    s.wDelete.executeUpdate();
                }
                case NONE -> {
                }
            }
            result = m.result();
        }

        @Override
        void succeed() {
            future.complete(result);
        }

        @Override
        void fail(Throwable t) {
            future.completeExceptionally(t);
        }
    }

    private static final class CreateUserOp extends WriteOp {
        final String userId;
        final byte[] tokenHash;
        final CompletableFuture<String> future = new CompletableFuture<>();

        CreateUserOp(String userId, byte[] tokenHash) {
            this.userId = userId;
            this.tokenHash = tokenHash;
        }

        @Override
        void apply(DelegateStore s) throws SQLException {
            s.wInsertUser.setString(1, userId);
            s.wInsertUser.setBytes(2, tokenHash);
            s.wInsertUser.setLong(3, System.currentTimeMillis());
            s.wInsertUser.executeUpdate();
        }

        @Override
        void succeed() {
            future.complete(userId);
        }

        @Override
        void fail(Throwable t) {
            future.completeExceptionally(t);
        }
    }

    /**
     * Tests only: runs {@code sql} on the write connection as one operation of the writer's next
     * batch; completes with the first column of the first row, if the statement returned rows.
     */
    CompletableFuture<String> executeOnWriterForTest(String sql) {
        CompletableFuture<String> f = new CompletableFuture<>();
        submit(new WriteOp() {
            String result;

            @Override
            void apply(DelegateStore s) throws SQLException {
                try (Statement st = s.writeConn.createStatement()) {
                    if (st.execute(sql)) {
                        try (ResultSet rs = st.getResultSet()) {
                            result = rs.next() ? rs.getString(1) : null;
                        }
                    }
                }
            }

            @Override
            void succeed() {
                f.complete(result);
            }

            @Override
            void fail(Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private void submit(WriteOp op) {
        synchronized (submitLock) {
            if (closed || writer == null) {
                op.fail(new StoreClosedException(readOnly
                        ? "the delegate store is open read-only" : "the delegate store is closed"));
                return;
            }
            queue.add(op);
        }
    }

    private void writerLoop() {
        List<WriteOp> batch = new ArrayList<>();
        List<WriteOp> applied = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            applied.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends the writer, through POISON
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                for (WriteOp op : batch) {
                    if (op == POISON) {
                        stop = true; // POISON is queued last: nothing follows it
                        continue;
                    }
                    if (applyOne(op)) {
                        applied.add(op);
                    } else if (transactionLost) {
                        transactionLost = false;
                        replay(applied);
                    }
                }
                if (inTransaction) {
                    try {
                        wCommit.execute();
                        inTransaction = false;
                    } catch (Throwable t) {
                        rollbackQuietly();
                        repairWriterStatements();
                        lostBatches.incrementAndGet();
                        failAll(applied, new StoreException("commit failed, nothing of this batch was written: "
                                + t.getMessage(), t));
                        continue;
                    }
                    commits.incrementAndGet();
                    committedOps.addAndGet(applied.size());
                }
                if (!applied.isEmpty()) {
                    List<WriteOp> done = List.copyOf(applied);
                    acks.execute(() -> {
                        for (WriteOp op : done) {
                            op.succeed();
                        }
                    });
                }
            } catch (Throwable t) {
                // Should not happen (applyOne catches everything), but never let the writer die.
                rollbackQuietly();
                lostBatches.incrementAndGet();
                for (WriteOp op : batch) {
                    ackFailure(op, new StoreException("write batch failed: " + t, t));
                }
            }
        }
        // close(): everything before POISON has been committed; nothing can be queued after it.
        for (WriteOp op; (op = queue.poll()) != null; ) {
            op.fail(new StoreClosedException("the delegate store is closed"));
        }
    }

    /**
     * SQLite aborted the whole transaction while applying a later op (the failing op is already
     * failed). The ops in {@code applied} were rolled back with it but nobody has been told
     * anything yet: apply them again, in order, in the fresh transaction. They see exactly the
     * state they saw the first time. If the transaction is lost again, give up on them.
     */
    private void replay(List<WriteOp> applied) {
        repairWriterStatements(); // rolling back the transaction closed some of them
        List<WriteOp> redo = new ArrayList<>(applied);
        applied.clear();
        for (int i = 0; i < redo.size(); i++) {
            WriteOp r = redo.get(i);
            if (applyOne(r)) {
                applied.add(r);
            } else if (transactionLost) {
                transactionLost = false;
                applied.addAll(redo.subList(i + 1, redo.size()));
                failAll(applied, lostCause);
                applied.clear();
                return;
            }
        }
    }

    private boolean transactionLost;
    private Throwable lostCause;

    /**
     * Applies one op in its own savepoint, opening the batch's transaction first if needed. False
     * if it failed (its future is already failed).
     */
    private boolean applyOne(WriteOp op) {
        try {
            if (!inTransaction) {
                wBegin.execute();
                inTransaction = true;
            }
            wSavepoint.execute();
        } catch (Throwable t) {
            repairWriterStatements();
            ackFailure(op, new StoreException("cannot start the write: " + t.getMessage(), t));
            failedOps.incrementAndGet();
            return false;
        }
        try {
            op.apply(this);
            wRelease.execute();
            return true;
        } catch (Throwable t) {
            failedOps.incrementAndGet();
            repairWriterStatements();
            try {
                wRollbackTo.execute();
                wRelease.execute();
            } catch (Throwable lost) {
                // SQLite aborted the whole transaction (e.g. SQLITE_FULL / IOERR): earlier ops are gone.
                repairWriterStatements();
                transactionLost = true;
                lostCause = new StoreException("the write transaction was aborted by the database ("
                        + t.getMessage() + "); nothing of this batch was written", t);
                lostBatches.incrementAndGet();
                rollbackQuietly();
            }
            ackFailure(op, t instanceof SQLException ? new StoreException("write failed: " + t.getMessage(), t) : t);
            return false;
        }
    }

    /** Ends the transaction whatever state it is in (ROLLBACK fails harmlessly if SQLite already did it). */
    private void rollbackQuietly() {
        inTransaction = false;
        try {
            wRollback.execute();
        } catch (Throwable ignored) {
            // no transaction was active, or the connection is beyond help (the next op reports it)
        }
    }

    private void failAll(List<WriteOp> ops, Throwable cause) {
        for (WriteOp op : ops) {
            failedOps.incrementAndGet();
            ackFailure(op, cause);
        }
    }

    /** Failures go through the ack thread too, so no caller code ever runs on the writer thread. */
    private void ackFailure(WriteOp op, Throwable cause) {
        acks.execute(() -> op.fail(cause));
    }
}
