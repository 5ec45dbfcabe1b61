package river.node.ws;

import river.node.store.StoreUnavailableException;
import river.wire.ErrorCodes;
import river.wire.WireException;

/**
 * The {@code unavailable} answers: the node could not do it now, nothing was written, the same
 * request may succeed later. Plain words for the person behind the client; the storage's own
 * message goes to the node's log only.
 */
public final class Unavailable {
  public static final String SAVE = "the node could not save this right now; try again";
  public static final String READ = "the node could not read this right now; try again";
  public static final String SHUTTING_DOWN = "the node is shutting down; try again";
  public static final String BUSY = "the node is busy; try again";

  private Unavailable() {}

  /** The answer to a storage failure; logs one line for the operator (no keys or values in it). */
  public static WireException of(StoreUnavailableException e, String what) {
    System.err.println(what + " failed, storage unavailable: " + e.getMessage());
    return new WireException(ErrorCodes.UNAVAILABLE, e.isWrite() ? SAVE : READ, e);
  }

  public static WireException shuttingDown(Throwable cause) {
    return new WireException(ErrorCodes.UNAVAILABLE, SHUTTING_DOWN, cause);
  }
}
