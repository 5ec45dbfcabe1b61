package river.node.ws;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import river.cbor.Cbor;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Request;
import river.wire.Response;
import river.wire.WireCodec;
import river.wire.WireException;

/**
 * Decodes each request frame, routes its op, and answers by id. Many requests may be in flight on
 * one connection (answers come back in completion order), within {@link InFlightLimits}: past the
 * connection's window (by default {@link #MAX_IN_FLIGHT} requests or 16 MiB of request frames) a
 * request is answered {@code too_large} at once; past the node's (8,192 requests or 64 MiB over all
 * connections) {@code unavailable} ("the node is busy; try again": not this client's doing). Ping
 * is always answered. Bad input of any kind gets an error response and the connection stays open. A
 * frame too broken to carry an id is answered with id 0.
 */
public final class RequestDispatcher implements FrameHandler {
  public static final int MAX_IN_FLIGHT = InFlightLimits.DEFAULT.requestsPerConnection();

  /** Frames over 1 MiB are answered {@code too_large} without being served. */
  public static final int MAX_FRAME_BYTES = 1 << 20;

  /** One connection's requests in flight and their frame bytes. */
  private static final class Window {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
  }

  private final OpHandler delegate;
  private final OpHandler contracts;
  private final InFlightLimits limits;
  private final Map<ClientConnection, Window> inFlight = new ConcurrentHashMap<>();
  private final Window node = new Window();

  public RequestDispatcher(OpHandler delegate, OpHandler contracts) {
    this(delegate, contracts, InFlightLimits.DEFAULT);
  }

  public RequestDispatcher(OpHandler delegate, OpHandler contracts, InFlightLimits limits) {
    this.delegate = delegate;
    this.contracts = contracts;
    this.limits = limits;
  }

  @Override
  public void onBinary(ClientConnection connection, byte[] frame) {
    if (frame.length > MAX_FRAME_BYTES) {
      connection.send(
          WireCodec.encodeResponse(
              Response.err(
                  requestIdOf(frame),
                  ErrorCodes.TOO_LARGE,
                  "frame of " + frame.length + " bytes is over the limit of " + MAX_FRAME_BYTES)));
      return;
    }
    Request request;
    try {
      request = WireCodec.decodeRequest(frame);
    } catch (WireException e) {
      connection.send(
          WireCodec.encodeResponse(
              Response.err(e.hasRequestId() ? e.requestId() : 0, e.code(), e.getMessage())));
      return;
    } catch (CborException e) {
      connection.send(
          WireCodec.encodeResponse(Response.err(0, ErrorCodes.MALFORMED, e.getMessage())));
      return;
    } catch (RuntimeException e) {
      connection.send(
          WireCodec.encodeResponse(
              Response.err(0, ErrorCodes.MALFORMED, "undecodable frame: " + e)));
      return;
    }
    long id = request.id();
    Op op = request.op();
    if (op instanceof Op.Ping) {
      connection.send(WireCodec.encodeResponse(Response.ok(id, OpResult.PONG)));
      return;
    }
    OpHandler handler = op instanceof Op.Delegate ? delegate : contracts;
    if (handler == null) {
      connection.send(
          WireCodec.encodeResponse(
              Response.err(
                  id, ErrorCodes.UNKNOWN_OP, "this node does not serve " + op.variantName())));
      return;
    }
    Window window = inFlight.computeIfAbsent(connection, c -> new Window());
    if (connection.isClosed()) {
      inFlight.remove(
          connection); // closed meanwhile: no one is left to answer, and nothing may be kept
      return;
    }
    long size = frame.length;
    Response refused = admit(window, id, size);
    if (refused != null) {
      connection.send(WireCodec.encodeResponse(refused));
      return;
    }
    CompletionStage<OpResult> result;
    try {
      result = handler.handle(connection, op);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete(
        (ok, failure) -> {
          uncount(window, size);
          uncount(node, size);
          connection.send(
              WireCodec.encodeResponse(
                  failure == null ? Response.ok(id, ok) : errorFor(id, failure)));
        });
  }

  /** Counts the request in, or returns the refusal (and counts nothing) when over a limit. */
  private Response admit(Window window, long id, long size) {
    int requests = window.requests.incrementAndGet();
    long bytes = window.bytes.addAndGet(size);
    if (requests > limits.requestsPerConnection() || bytes > limits.bytesPerConnection()) {
      uncount(window, size);
      return Response.err(
          id,
          ErrorCodes.TOO_LARGE,
          requests > limits.requestsPerConnection()
              ? "more than "
                  + limits.requestsPerConnection()
                  + " requests in flight on this connection"
              : "more than "
                  + limits.bytesPerConnection()
                  + " bytes of requests in flight on this connection");
    }
    int nodeRequests = node.requests.incrementAndGet();
    long nodeBytes = node.bytes.addAndGet(size);
    if (nodeRequests > limits.requestsPerNode() || nodeBytes > limits.bytesPerNode()) {
      uncount(window, size);
      uncount(node, size);
      return Response.err(id, ErrorCodes.UNAVAILABLE, Unavailable.BUSY);
    }
    return null;
  }

  private static void uncount(Window w, long size) {
    w.requests.decrementAndGet();
    w.bytes.addAndGet(-size);
  }

  @Override
  public void onText(ClientConnection connection, String text) {
    connection.send(
        WireCodec.encodeResponse(
            Response.err(
                0,
                ErrorCodes.MALFORMED,
                "text frames are not part of the protocol: send one binary CBOR item per frame")));
  }

  @Override
  public void onClose(ClientConnection connection) {
    inFlight.remove(connection);
    if (contracts != null) {
      contracts.onClose(connection);
    }
  }

  /**
   * The id of an oversized request, so the client waiting on it gets its answer; 0 if unreadable.
   */
  private static long requestIdOf(byte[] frame) {
    try {
      CborItem id = Cbor.decode(frame).get("id");
      return id != null && id.kind() == CborKind.UNSIGNED ? id.asUint64Bits() : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Response errorFor(long id, Throwable failure) {
    WireException w = ErrorTranslation.toWire(failure, "request");
    return Response.err(id, w.code(), w.getMessage());
  }
}
