package river.node.store;

import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The atomic read-modify-write of one kv row: reads the current bytes, runs the caller's function,
 * then puts, deletes or leaves the row. Hazard: the function runs on the writer thread and may run
 * twice on the same input (transaction replay), so it must be a quick, pure function of its bytes.
 */
final class UpdateOp<T> extends WriteOp {
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
  void apply(WriterStatements w) throws Exception {
    byte[] current = null;
    w.select.setString(1, user);
    w.select.setBytes(2, delegate);
    w.select.setBytes(3, key);
    try (ResultSet rs = w.select.executeQuery()) {
      if (rs.next()) {
        current = KvRows.blobValue(rs, user, key);
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
        w.upsert.setString(1, user);
        w.upsert.setBytes(2, delegate);
        w.upsert.setBytes(3, key);
        w.upsert.setBytes(4, v);
        w.upsert.executeUpdate();
      }
      case DELETE -> {
        w.delete.setString(1, user);
        w.delete.setBytes(2, delegate);
        w.delete.setBytes(3, key);
        w.delete.executeUpdate();
      }
      case NONE -> {}
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
