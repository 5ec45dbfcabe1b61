package river.node.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The users table: the write op that registers a user under a token hash, and the reads that find a
 * user by token hash or list every user. Hazard: only the SHA-256 of a token is stored; the UNIQUE
 * constraint on it makes registering the same hash twice fail (SQLException cause).
 */
final class UserDirectory {

  private UserDirectory() {}

  /** Inserts one user row; completes with the new user id once committed. */
  static final class CreateUserOp extends WriteOp {
    final String userId;
    final byte[] tokenHash;
    final CompletableFuture<String> future = new CompletableFuture<>();

    CreateUserOp(String userId, byte[] tokenHash) {
      this.userId = userId;
      this.tokenHash = tokenHash;
    }

    @Override
    void apply(WriterStatements w) throws SQLException {
      w.insertUser.setString(1, userId);
      w.insertUser.setBytes(2, tokenHash);
      w.insertUser.setLong(3, System.currentTimeMillis());
      w.insertUser.executeUpdate();
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

  /** The user id registered for this SHA-256 token hash, if any. */
  static Optional<String> lookup(ReadPool.ReadConn rc, byte[] tokenHash) throws SQLException {
    rc.user.setBytes(1, tokenHash);
    try (ResultSet rs = rc.user.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
    }
  }

  /** Every user id, in order. */
  static List<String> listUsers(ReadPool.ReadConn rc) throws SQLException {
    List<String> users = new ArrayList<>();
    try (Statement st = rc.conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT user_id FROM users ORDER BY user_id")) {
      while (rs.next()) {
        users.add(rs.getString(1));
      }
    }
    return users;
  }
}
