package river.node.store;

/** A database failure surfaced through a store future (the cause is usually a SQLException). */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
