package river.node.store;

/**
 * An operation was submitted after {@link DelegateStore#close()} (or to a read-only store's
 * writer).
 */
public final class StoreClosedException extends IllegalStateException {

  public StoreClosedException(String message) {
    super(message);
  }
}
