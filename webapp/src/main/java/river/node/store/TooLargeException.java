package river.node.store;

/**
 * A key or value over the store's limits. Thrown before anything touches the database; the node
 * answers it with the error code {@code too_large}.
 */
public final class TooLargeException extends IllegalArgumentException {

  private final String what;
  private final long size;
  private final long limit;

  public TooLargeException(String what, long size, long limit) {
    super(what + " is " + size + " bytes, over the limit of " + limit + " bytes");
    this.what = what;
    this.size = size;
    this.limit = limit;
  }

  static void check(String what, long size, long limit) {
    if (size > limit) {
      throw new TooLargeException(what, size, limit);
    }
  }

  /** "key", "value", ... */
  public String what() {
    return what;
  }

  public long size() {
    return size;
  }

  public long limit() {
    return limit;
  }
}
