package river.node.ws;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One tab's WebSocket: belongs to exactly one user, hands each binary frame to the {@link
 * FrameHandler}, and sends responses and pushes through a {@link SerialSender}. Public because
 * Jetty requires endpoint classes to be public.
 */
public final class ClientConnection implements Session.Listener.AutoDemanding {
  private final String userId;
  private final FrameHandler handler;
  private final ConnectionRegistry registry;
  private volatile SerialSender sender;
  private volatile Session session;
  private final AtomicBoolean closed = new AtomicBoolean();

  public ClientConnection(String userId, FrameHandler handler, ConnectionRegistry registry) {
    this.userId = userId;
    this.handler = handler;
    this.registry = registry;
  }

  public String userId() {
    return userId;
  }

  public void send(byte[] frame) {
    SerialSender s = sender;
    if (s != null) {
      s.send(frame);
    }
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    this.sender = new SerialSender(session);
    registry.add(this);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] frame = new byte[payload.remaining()];
    payload.get(frame);
    callback.succeed();
    handler.onBinary(this, frame);
  }

  @Override
  public void onWebSocketText(String message) {
    handler.onText(this, message);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    closed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    closed(); // a dropped connection may not see onWebSocketClose: release what it holds here too
  }

  /** Once, whichever of close and error comes first: the flag first, so late subscribers see it. */
  private void closed() {
    if (closed.compareAndSet(false, true)) {
      registry.remove(this);
      handler.onClose(this);
    }
  }

  /** True once the connection closed or failed (what it held is released, or being released). */
  public boolean isClosed() {
    return closed.get();
  }

  public void close() {
    Session s = session;
    if (s != null) {
      s.close();
    }
  }
}
