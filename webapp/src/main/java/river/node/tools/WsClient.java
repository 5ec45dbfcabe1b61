package river.node.tools;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import river.node.log.NodeLog;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Push;
import river.wire.Request;
import river.wire.Response;
import river.wire.ServerFrame;
import river.wire.WireCodec;

/**
 * A small client of the node's WebSocket API over {@code java.net.http}: request ids, one future
 * per request (many may be in flight), and a queue of pushes. Used by the {@code bench} command and
 * by the tests (which also use it to send raw and malformed frames).
 *
 * <p>Responses whose id no request is waiting for (e.g. id 0, the answer to a frame too broken to
 * carry an id) go to {@link #nextUnmatched}. The blocking helpers ({@link #delegate}, {@link #cas},
 * ...) wait at most {@link #TIMEOUT} and throw {@link NodeError} for an error response.
 */
public final class WsClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** An error response {@code {"err": {code, message}}}. */
  public static final class NodeError extends RuntimeException {
    private final String code;

    public NodeError(String code, String message) {
      super(code + ": " + message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private static final System.Logger LOG = NodeLog.logger(WsClient.class);

  /**
   * The listener only decodes a frame and completes a future, so the HTTP client's selector thread
   * runs it directly instead of handing every frame to a pool thread (a context switch per frame).
   */
  private static final HttpClient HTTP = HttpClient.newBuilder().executor(Runnable::run).build();

  private final WebSocket ws;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Event> pushes = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Response> unmatched = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
  private final byte[] delegateKey;

  /**
   * Connects to {@code url} (e.g. {@code ws://127.0.0.1:P/v1/ws?token=T}); the helpers address the
   * current delegate.
   */
  public static WsClient connect(String url) throws Exception {
    return connect(url, Map.of());
  }

  public static WsClient connect(String url, Map<String, String> headers) throws Exception {
    Listener listener = new Listener();
    WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    WebSocket ws;
    try {
      ws = b.buildAsync(URI.create(url), listener).get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
    WsClient client = new WsClient(ws, DelegateKeys.current(), null);
    listener.attach(client);
    return client;
  }

  /** The same connection, with helpers addressing {@code delegateKey} instead. */
  public WsClient on(byte[] delegateKey) {
    return new WsClient(ws, delegateKey, this);
  }

  private final WsClient owner; // non-null for views made by on(): they share the owner's state

  private WsClient(WebSocket ws, byte[] delegateKey, WsClient owner) {
    this.ws = ws;
    this.delegateKey = delegateKey;
    this.owner = owner;
  }

  // ------------------------------------------------------------------------------------------
  // Raw frames

  /** Sends one request with a fresh id; the future completes with its response (ok or err). */
  public CompletableFuture<Response> request(Op op) {
    while (true) {
      long id = root().nextId.getAndIncrement();
      if (!root().pending.containsKey(id)) {
        return request(id, op);
      }
    }
  }

  /** Sends one request under {@code id} (which must not be in flight already). */
  public CompletableFuture<Response> request(long id, Op op) {
    CompletableFuture<Response> f = new CompletableFuture<>();
    if (root().pending.putIfAbsent(id, f) != null) {
      throw new IllegalStateException("request id " + id + " is already in flight");
    }
    sendBinary(WireCodec.encodeRequest(new Request(id, op)))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                root().pending.remove(id);
                f.completeExceptionally(e);
              }
            });
    return f;
  }

  /** Sends arbitrary bytes as one binary frame. */
  public CompletableFuture<?> sendBinary(byte[] frame) {
    WsClient r = root();
    synchronized (r) {
      r.sendChain =
          r.sendChain
              .handle((v, e) -> null)
              .thenCompose(v -> r.ws.sendBinary(ByteBuffer.wrap(frame), true));
      return r.sendChain;
    }
  }

  public CompletableFuture<?> sendText(String text) {
    WsClient r = root();
    synchronized (r) {
      r.sendChain = r.sendChain.handle((v, e) -> null).thenCompose(v -> r.ws.sendText(text, true));
      return r.sendChain;
    }
  }

  /** The next response that no request was waiting for, or null after {@code timeout}. */
  public Response nextUnmatched(Duration timeout) throws InterruptedException {
    return root().unmatched.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next push, or null after {@code timeout}. */
  public Event nextPush(Duration timeout) throws InterruptedException {
    return root().pushes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Pushes received and not yet taken. */
  public List<Event> drainPushes() {
    ArrayList<Event> out = new ArrayList<>();
    root().pushes.drainTo(out);
    return out;
  }

  /** Completes with the close status code once the node closed the connection. */
  public CompletableFuture<Integer> closed() {
    return root().closed;
  }

  public boolean isOpen() {
    return !root().ws.isInputClosed() && !root().ws.isOutputClosed();
  }

  // ------------------------------------------------------------------------------------------
  // Delegate helpers

  public CompletableFuture<DelegateResponse> delegateAsync(DelegateRequest msg) {
    return request(new Op.Delegate(delegateKey, msg)).thenApply(WsClient::delegateResponse);
  }

  /** Blocking: the delegate response, or {@link NodeError}. */
  public DelegateResponse delegate(DelegateRequest msg) throws Exception {
    return await(delegateAsync(msg));
  }

  public DelegateResponse.GetVersioned getVersioned(byte[] key) throws Exception {
    return (DelegateResponse.GetVersioned) delegate(new DelegateRequest.GetVersioned(key));
  }

  public DelegateResponse.CasStore cas(byte[] key, byte[] value, long expected) throws Exception {
    return (DelegateResponse.CasStore) delegate(new DelegateRequest.CasStore(key, value, expected));
  }

  public DelegateResponse.Store store(byte[] key, byte[] value) throws Exception {
    return (DelegateResponse.Store) delegate(new DelegateRequest.Store(key, value));
  }

  /** The value (envelope stripped), or null. */
  public byte[] get(byte[] key) throws Exception {
    return ((DelegateResponse.Get) delegate(new DelegateRequest.Get(key))).value();
  }

  public DelegateResponse.Delete delete(byte[] key) throws Exception {
    return (DelegateResponse.Delete) delegate(new DelegateRequest.Delete(key));
  }

  public List<byte[]> list() throws Exception {
    return ((DelegateResponse.ListKeys) delegate(DelegateRequest.LIST)).keys();
  }

  public static DelegateResponse delegateResponse(Response r) {
    if (!r.isOk()) {
      throw new NodeError(r.errorCode(), r.errorMessage());
    }
    OpResult ok = r.result();
    if (!(ok instanceof OpResult.Delegate d)) {
      throw new IllegalStateException("expected a delegate response, got " + ok);
    }
    return d.response();
  }

  public static <T> T await(CompletionStage<T> f) throws Exception {
    try {
      return f.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw c instanceof Exception ce ? ce : e;
    } catch (TimeoutException e) {
      throw new TimeoutException("no answer within " + TIMEOUT);
    }
  }

  @Override
  public void close() {
    if (owner != null) {
      return;
    }
    try {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      ws.abort();
    }
  }

  /** Drops the TCP connection without a close handshake. */
  public void abort() {
    root().ws.abort();
  }

  private WsClient root() {
    return owner == null ? this : owner;
  }

  // ------------------------------------------------------------------------------------------

  private void onFrame(byte[] bytes) {
    ServerFrame frame;
    try {
      frame = WireCodec.decodeServerFrame(bytes);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "undecodable frame from the node: " + e);
      return;
    }
    if (frame instanceof Push p) {
      pushes.add(p.event());
    } else if (frame instanceof Response r) {
      CompletableFuture<Response> f = pending.remove(r.id());
      if (f != null) {
        f.complete(r);
      } else {
        unmatched.add(r);
      }
    }
  }

  private void onClosed(int status) {
    closed.complete(status);
    IllegalStateException e = new IllegalStateException("connection closed (" + status + ")");
    pending.values().forEach(f -> f.completeExceptionally(e));
    pending.clear();
  }

  /**
   * Hands frames to the client object. Frames that arrive before {@code connect} returned (the node
   * pushes a key change to every connection of a user, so a connection opened while the user's
   * other connections write gets one at once) are kept until {@link #attach}, never waited for:
   * this listener runs on the HTTP client's own thread, the one that completes the upgrade {@code
   * connect} waits for, so waiting here hung the upgrade (WsClientEarlyFrameTest). Frames and the
   * close are delivered in order, under this listener's lock.
   */
  private static final class Listener implements WebSocket.Listener {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WsClient client;
    private final List<byte[]> early = new ArrayList<>();
    private Integer earlyClose;

    synchronized void attach(WsClient c) {
      client = c;
      early.forEach(c::onFrame);
      early.clear();
      if (earlyClose != null) {
        c.onClosed(earlyClose);
      }
    }

    private synchronized void deliver(byte[] frame) {
      if (client == null) {
        early.add(frame);
      } else {
        client.onFrame(frame);
      }
    }

    private synchronized void closed(int status) {
      if (client == null) {
        earlyClose = status;
      } else {
        client.onClosed(status);
      }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      partial.write(chunk, 0, chunk.length);
      if (last) {
        byte[] frame = partial.toByteArray();
        partial.reset();
        deliver(frame);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed(1006);
    }
  }
}
