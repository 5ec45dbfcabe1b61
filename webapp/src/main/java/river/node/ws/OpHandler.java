package river.node.ws;

import java.util.concurrent.CompletionStage;
import river.wire.Op;
import river.wire.OpResult;

/**
 * Serves one family of ops (the delegate, the room contracts). Completes with the result, or
 * exceptionally with a {@link river.wire.WireException} whose code becomes the error response.
 */
public interface OpHandler {
  CompletionStage<OpResult> handle(ClientConnection connection, Op op);

  /** The connection closed: drop whatever is held for it (e.g. contract subscriptions). */
  default void onClose(ClientConnection connection) {}
}
