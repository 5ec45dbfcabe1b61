package river.node.ws;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends binary frames on one WebSocket strictly one at a time, in order. Why: responses finish on
 * store threads in any order and must not interleave on the wire; and a slow client only grows its
 * own queue (bounded: past the limit the connection is closed) instead of blocking the thread that
 * produced the frame, so it never stalls other connections.
 */
final class SerialSender {
  static final int MAX_QUEUED_BYTES = 16 << 20;

  private final Session session;
  private final Queue<byte[]> queue = new ArrayDeque<>();
  private boolean sending;
  private long queuedBytes;

  SerialSender(Session session) {
    this.session = session;
  }

  void send(byte[] frame) {
    synchronized (this) {
      if (queuedBytes + frame.length > MAX_QUEUED_BYTES) {
        session.close(1008, "client too slow", Callback.NOOP);
        return;
      }
      queue.add(frame);
      queuedBytes += frame.length;
      if (sending) {
        return;
      }
      sending = true;
    }
    next();
  }

  private void next() {
    byte[] frame;
    synchronized (this) {
      frame = queue.poll();
      if (frame == null) {
        sending = false;
        return;
      }
      queuedBytes -= frame.length;
    }
    session.sendBinary(
        ByteBuffer.wrap(frame),
        Callback.from(
            this::next,
            failure -> {
              synchronized (this) {
                queue.clear();
                queuedBytes = 0;
                sending = false;
              }
            }));
  }
}
