package river.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One origin in front of several nodes, as a reverse proxy or load balancer would be: the browser
 * sees one address (so one IndexedDB, one profile), each new TCP connection goes to the preferred
 * node, or to the next live one when that refuses. The nodes must accept the relay's address as a
 * Host ({@code --allow-host 127.0.0.1:PORT}).
 */
final class OneOriginRelay implements AutoCloseable {
  private final ServerSocket server;
  private final List<Integer> nodePorts = new ArrayList<>();
  private volatile int preferred;
  private final Map<Integer, java.util.concurrent.atomic.AtomicInteger> relayed =
      new ConcurrentHashMap<>();

  OneOriginRelay(int listenPort) throws IOException {
    server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "one-origin-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** Adds a node; the first added is preferred until {@link #prefer}. */
  synchronized void addNode(int port) {
    nodePorts.add(port);
  }

  /** New connections go to this node while it accepts them. */
  void prefer(int port) {
    preferred = port;
  }

  /** How many connections went to that node so far. */
  int connectionsTo(int port) {
    return relayed
        .computeIfAbsent(port, p -> new java.util.concurrent.atomic.AtomicInteger())
        .get();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket browser;
      try {
        browser = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Socket node = connect();
      if (node == null) {
        quietly(browser); // no node is up: the browser sees a closed connection and retries
        continue;
      }
      pump(browser, node);
      pump(node, browser);
    }
  }

  private Socket connect() {
    List<Integer> order = new ArrayList<>();
    synchronized (this) {
      if (preferred != 0) {
        order.add(preferred);
      }
      order.addAll(nodePorts);
    }
    for (int port : order) {
      try {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        relayed
            .computeIfAbsent(port, p -> new java.util.concurrent.atomic.AtomicInteger())
            .incrementAndGet();
        return s;
      } catch (IOException refused) {
        // that node is down: try the next
      }
    }
    return null;
  }

  private static void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // one side went away
              }
              quietly(from);
              quietly(to);
            },
            "one-origin-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
