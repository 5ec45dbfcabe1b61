package river.node.ws;

/**
 * The messages of the {@code unavailable} answers: the node could not do it now, nothing was
 * written, the same request may succeed later. Plain words for the person behind the client; the
 * storage's own message goes to the node's log only ({@link ErrorTranslation} decides which).
 */
public final class Unavailable {
  public static final String SAVE = "the node could not save this right now; try again";
  public static final String READ = "the node could not read this right now; try again";
  public static final String SHUTTING_DOWN = "the node is shutting down; try again";
  public static final String BUSY = "the node is busy; try again";

  private Unavailable() {}
}
