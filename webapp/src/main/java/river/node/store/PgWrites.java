package river.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The two writes of the PostgreSQL store. The update locks the row it reads ({@code FOR UPDATE}),
 * so no other node writes it in between; an absent row cannot be locked, so its insert is {@code ON
 * CONFLICT DO NOTHING} and, if another node inserted first, the whole op runs again on the row that
 * now exists. Every put or delete also announces the change with {@code pg_notify} (in the same
 * statement), which PostgreSQL delivers only if and when the transaction commits. Expected refusals
 * (a duplicate credential, an insert race) are found without a statement error, so they never abort
 * the batch's transaction.
 */
final class PgWrites {

  /** The LISTEN/NOTIFY channel every node of one database shares. */
  static final String CHANNEL = "river_changes";

  private PgWrites() {}

  /**
   * The announcement: "node-id TAB user TAB hex(delegate) TAB hex(key)" (at most ~2.2 KB of 8000).
   */
  static String payload(String nodeId, String user, byte[] delegate, byte[] key) {
    return nodeId
        + '\t'
        + user
        + '\t'
        + HexFormat.of().formatHex(delegate)
        + '\t'
        + HexFormat.of().formatHex(key);
  }

  static final class Update<T> extends PgOp {
    final String nodeId, user;
    final byte[] delegate, key;
    final Function<byte[], Mutation<T>> fn;
    final CompletableFuture<T> future = new CompletableFuture<>();
    T result;

    Update(
        String nodeId, String user, byte[] delegate, byte[] key, Function<byte[], Mutation<T>> fn) {
      this.nodeId = nodeId;
      this.user = user;
      this.delegate = delegate;
      this.key = key;
      this.fn = fn;
    }

    @Override
    int laneKey() {
      // One user's writes stay in order (as on SQLite's single queue); rooms spread by key.
      return user.equals("#contracts") ? Arrays.hashCode(key) : user.hashCode();
    }

    @Override
    void apply(Connection c) throws Exception {
      byte[] current = null;
      boolean exists = false;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT value FROM kv WHERE user_id = ? AND delegate = ? AND key = ? FOR UPDATE")) {
        bindRow(ps);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            exists = true;
            current = rs.getBytes(1);
          }
        }
      }
      Mutation<T> m = fn.apply(current);
      if (m == null) {
        throw new NullPointerException("update function returned null instead of a Mutation");
      }
      switch (m.kind()) {
        case PUT -> {
          byte[] v = m.valueUnsafe();
          TooLargeException.check("value", v.length, DelegateStore.MAX_VALUE_BYTES);
          // The write and its announcement in one round trip; no row back means nothing written.
          String write =
              exists
                  ? "UPDATE kv SET value = ? WHERE user_id = ? AND delegate = ? AND key = ? RETURNING 1"
                  : "INSERT INTO kv (value, user_id, delegate, key) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1";
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH w AS (" + write + ") SELECT pg_notify('" + CHANNEL + "', ?) FROM w")) {
            ps.setBytes(1, v);
            ps.setString(2, user);
            ps.setBytes(3, delegate);
            ps.setBytes(4, key);
            ps.setString(5, payload(nodeId, user, delegate, key));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new Retry(); // another node inserted it after our read: read it again, locked
              }
            }
          }
        }
        case DELETE -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH w AS (DELETE FROM kv WHERE user_id = ?"
                      + " AND delegate = ? AND key = ? RETURNING 1) SELECT pg_notify('"
                      + CHANNEL
                      + "', ?) FROM w")) {
            bindRow(ps);
            ps.setString(4, payload(nodeId, user, delegate, key));
            ps.executeQuery().close();
          }
        }
        case NONE -> {}
      }
      result = m.result();
    }

    private void bindRow(PreparedStatement ps) throws java.sql.SQLException {
      ps.setString(1, user);
      ps.setBytes(2, delegate);
      ps.setBytes(3, key);
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

  static final class CreateUser extends PgOp {
    final String userId;
    final byte[] tokenHash;
    final CompletableFuture<String> future = new CompletableFuture<>();

    CreateUser(String userId, byte[] tokenHash) {
      this.userId = userId;
      this.tokenHash = tokenHash;
    }

    @Override
    int laneKey() {
      return userId.hashCode();
    }

    @Override
    void apply(Connection c) throws Exception {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO users (user_id, token_sha256, created_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, userId);
        ps.setBytes(2, tokenHash);
        ps.setLong(3, System.currentTimeMillis());
        if (ps.executeUpdate() == 0) {
          // no statement error: an error would abort the whole batch's transaction
          throw new StoreException("this credential (or user id) is already registered");
        }
      }
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
}
