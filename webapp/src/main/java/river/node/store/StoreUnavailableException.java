package river.node.store;

/**
 * The storage failed underneath (disk full, I/O error, read-only file, ...; see {@link
 * StorageFailure}): nothing of the operation was written, and the same request may succeed later.
 * The node answers it {@code unavailable}, not {@code internal}.
 */
public final class StoreUnavailableException extends StoreException {
  private final boolean write;

  StoreUnavailableException(String message, Throwable cause, boolean write) {
    super(message, cause);
    this.write = write;
  }

  /** True when a write failed (false: a read). */
  public boolean isWrite() {
    return write;
  }
}
