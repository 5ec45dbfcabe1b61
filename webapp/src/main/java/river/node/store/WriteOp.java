package river.node.store;

/**
 * One operation queued for the writer thread ({@link StoreWriter}), and the {@link #POISON} that
 * stops it. Hazard: {@link #apply} runs on the writer thread inside the batch's transaction; it
 * must be quick, must not block and must not wait on another store future (that deadlocks the
 * writer), and it may run twice on the same input if SQLite aborts the batch's transaction.
 */
abstract class WriteOp {

  /** Queued last by close(): the writer stops after the batch holding it. */
  static final WriteOp POISON =
      new WriteOp() {
        @Override
        void apply(WriterStatements w) {}

        @Override
        void succeed() {}

        @Override
        void fail(Throwable t) {}
      };

  /** Runs on the writer thread inside the batch's transaction and the op's savepoint. */
  abstract void apply(WriterStatements w) throws Exception;

  /** After COMMIT returned. */
  abstract void succeed();

  abstract void fail(Throwable t);
}
