package river.node.tools.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import river.wire.Request;
import river.wire.Response;
import river.wire.ServerFrame;
import river.wire.WireCodec;

/**
 * A lean WebSocket client for the throughput bench: RFC 6455 over plain NIO, every connection of a
 * {@link Loop} served by its one selector thread, which also runs the answer callbacks (and so
 * sends each next request itself). Why not {@code java.net.http}: in the 32-client CAS profile its
 * client took ~16 µs of CPU per request on the same 2 cores as the node (a SecureRandom mask per
 * frame, several schedulers and futures per message), a fifth of everything, which the bench then
 * wrongly counted against the node. The frames on the wire are the same: masked binary requests,
 * the node's own codec. One request in flight per socket (the bench's workload); pushes are
 * ignored.
 */
final class BenchSocket {
  /** Called on the loop's thread with each response; may call {@link #send} again. */
  interface Answers {
    void answer(Response response);

    void failed(Throwable cause);
  }

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final SocketChannel channel;
  private final Loop loop;
  private final Answers answers;
  private ByteBuffer in = ByteBuffer.allocate(8192); // filled from the socket, read from 0
  private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>(); // guarded by this
  private SelectionKey key; // loop thread only after registration
  private byte[] partial; // a fragmented message so far (continuation frames)

  private BenchSocket(SocketChannel channel, Loop loop, Answers answers, ByteBuffer rest) {
    this.channel = channel;
    this.loop = loop;
    this.answers = answers;
    in.put(rest);
  }

  /**
   * Opens {@code ws://host:port/path?query}, upgrades it (blocking, on the calling thread) and
   * hands it to {@code loop}. Throws if the node refuses the upgrade.
   */
  static BenchSocket connect(URI uri, Loop loop, Answers answers) throws IOException {
    SocketChannel ch = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
    try {
      ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String hello =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + key
              + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      ByteBuffer req = ByteBuffer.wrap(hello.getBytes(StandardCharsets.US_ASCII));
      while (req.hasRemaining()) {
        ch.write(req);
      }
      ByteBuffer head = ByteBuffer.allocate(8192);
      int end;
      while ((end = headEnd(head)) < 0) {
        if (!head.hasRemaining() || ch.read(head) < 0) {
          throw new IOException("the node closed the connection during the upgrade");
        }
      }
      String answer = new String(head.array(), 0, end, StandardCharsets.ISO_8859_1);
      if (!answer.startsWith("HTTP/1.1 101")) {
        throw new IOException("the node refused the upgrade: " + answer.lines().findFirst().get());
      }
      if (!answer.toLowerCase().contains("sec-websocket-accept: " + accept(key).toLowerCase())) {
        throw new IOException("the upgrade answer has no matching Sec-WebSocket-Accept");
      }
      ByteBuffer rest = ByteBuffer.wrap(head.array(), end, head.position() - end);
      ch.configureBlocking(false);
      BenchSocket s = new BenchSocket(ch, loop, answers, rest);
      loop.register(s);
      return s;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Sends one request as a masked binary frame; any thread. */
  void send(Request request) {
    byte[] payload = WireCodec.encodeRequest(request);
    int n = payload.length;
    int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
    byte[] f = new byte[header + 4 + n];
    f[0] = (byte) 0x82; // FIN, binary
    if (n < 126) {
      f[1] = (byte) (0x80 | n);
    } else if (n < 65536) {
      f[1] = (byte) (0x80 | 126);
      f[2] = (byte) (n >>> 8);
      f[3] = (byte) n;
    } else {
      f[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        f[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
      }
    }
    // The mask only has to be unpredictable to a browser page's script (RFC 6455 10.3); a bench
    // sends no page's bytes, so a fast generator is enough.
    int mask = ThreadLocalRandom.current().nextInt();
    byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
    System.arraycopy(m, 0, f, header, 4);
    int at = header + 4;
    for (int i = 0; i < n; i++) {
      f[at + i] = (byte) (payload[i] ^ m[i & 3]);
    }
    write(ByteBuffer.wrap(f));
  }

  private void write(ByteBuffer f) {
    boolean wantWrite = false;
    synchronized (this) {
      try {
        if (out.isEmpty()) {
          channel.write(f);
        }
        if (f.hasRemaining()) {
          wantWrite = out.isEmpty();
          out.add(f);
        }
      } catch (IOException e) {
        loop.fail(this, e);
        return;
      }
    }
    if (wantWrite) {
      loop.wantWrite(this);
    }
  }

  /** Loop thread: the socket can take more of what is queued. */
  private void flush() throws IOException {
    synchronized (this) {
      while (!out.isEmpty()) {
        ByteBuffer f = out.peek();
        channel.write(f);
        if (f.hasRemaining()) {
          return;
        }
        out.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  /** Loop thread: reads what arrived and hands over each complete message. */
  private void readable() throws IOException {
    if (!in.hasRemaining()) {
      in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
    }
    if (channel.read(in) < 0) {
      throw new IOException("the node closed the connection");
    }
    in.flip();
    while (frame()) {}
    in.compact();
  }

  /** Takes one whole frame from {@code in} (flipped) if there is one; false if more is needed. */
  private boolean frame() throws IOException {
    int start = in.position();
    if (in.remaining() < 2) {
      return false;
    }
    int b0 = in.get() & 0xff;
    int b1 = in.get() & 0xff;
    long len = b1 & 0x7f;
    if (len == 126) {
      if (in.remaining() < 2) {
        in.position(start);
        return false;
      }
      len = in.getShort() & 0xffff;
    } else if (len == 127) {
      if (in.remaining() < 8) {
        in.position(start);
        return false;
      }
      len = in.getLong();
    }
    if ((b1 & 0x80) != 0 || len > Integer.MAX_VALUE - 64) {
      throw new IOException("a server frame must not be masked nor this long");
    }
    if (in.remaining() < len) {
      in.position(start);
      if (in.capacity() < len + 14) { // room for the whole frame, header included
        ByteBuffer bigger = ByteBuffer.allocate((int) len + 14);
        bigger.put(in);
        in = bigger.flip();
      }
      return false;
    }
    byte[] payload = new byte[(int) len];
    in.get(payload);
    int opcode = b0 & 0x0f;
    boolean fin = (b0 & 0x80) != 0;
    if (opcode == 0x8) {
      throw new IOException("the node closed the connection");
    }
    if (opcode == 0x9 || opcode == 0xA) {
      return true; // ping/pong: the node sends none; nothing to answer for a bench
    }
    if (opcode == 0x2 || opcode == 0x0) {
      byte[] whole = partial == null ? payload : concat(partial, payload);
      if (!fin) {
        partial = whole;
        return true;
      }
      partial = null;
      ServerFrame decoded = WireCodec.decodeServerFrame(whole);
      if (decoded instanceof Response r) {
        answers.answer(r);
      }
      return true;
    }
    throw new IOException("unexpected frame opcode " + opcode);
  }

  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing: nothing left to do with it
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int headEnd(ByteBuffer head) {
    byte[] a = head.array();
    for (int i = 3; i < head.position(); i++) {
      if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder()
          .encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One selector thread for many sockets. */
  static final class Loop implements AutoCloseable {
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    Loop(String name) throws IOException {
      selector = Selector.open();
      thread = new Thread(this::run, name);
      thread.setDaemon(true);
      thread.start();
    }

    void register(BenchSocket s) {
      run(
          () -> {
            try {
              s.key = s.channel.register(selector, SelectionKey.OP_READ, s);
              synchronized (s) {
                if (!s.out.isEmpty()) { // sent before registration, and the socket was full
                  s.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
              }
              if (s.in.position() > 0) {
                s.in.flip();
                while (s.frame()) {}
                s.in.compact();
              }
            } catch (IOException e) {
              fail(s, e);
            }
          });
    }

    void wantWrite(BenchSocket s) {
      run(
          () -> {
            if (s.key != null && s.key.isValid()) {
              s.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
          });
    }

    void fail(BenchSocket s, Throwable cause) {
      s.close();
      s.answers.failed(cause);
    }

    private void run(Runnable task) {
      tasks.add(task);
      selector.wakeup();
    }

    private void run() {
      while (running) {
        try {
          selector.select();
          for (Runnable t; (t = tasks.poll()) != null; ) {
            t.run();
          }
          Iterator<SelectionKey> it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            BenchSocket s = (BenchSocket) k.attachment();
            try {
              if (k.isValid() && k.isWritable()) {
                s.flush();
              }
              if (k.isValid() && k.isReadable()) {
                s.readable();
              }
            } catch (IOException | RuntimeException e) {
              k.cancel();
              fail(s, e);
            }
          }
        } catch (IOException e) {
          return;
        }
      }
    }

    @Override
    public void close() {
      running = false;
      selector.wakeup();
      try {
        thread.join(5000);
        for (SelectionKey k : selector.keys()) {
          ((BenchSocket) k.attachment()).close();
        }
        selector.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // closing
      }
    }
  }
}
