package river.node.store;

/** A database failure surfaced through a store future (the cause is usually a SQLException). */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A {@link StoreUnavailableException} when {@code cause} is the storage's failure, else a plain
   * one.
   */
  static StoreException of(String message, Throwable cause, boolean write) {
    return StorageFailure.is(cause)
        ? new StoreUnavailableException(message, cause, write)
        : new StoreException(message, cause);
  }
}
