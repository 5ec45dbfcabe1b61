package river.node.store;

/**
 * A stored row that the store cannot read as what it must be (e.g. a value that is not a BLOB).
 * Fails the one operation that met it; the writer thread and the rest of the batch go on.
 */
public final class CorruptRowException extends StoreException {

  public CorruptRowException(String message) {
    super(message);
  }
}
