package river.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the browser and the node that can fall silent the way a dead network path
 * does: every connection stays open, but no byte gets through in either direction, and new
 * connections are accepted and then hear nothing (a handshake into a black hole). Nothing is
 * closed, so the browser is told nothing: only a heartbeat can notice. {@link #resume()} is the
 * path coming back: the connections that lived through the silence are cut (as a NAT that forgot
 * them would answer with a reset), and new ones are relayed again.
 *
 * <p>The browser sees the relay's address, so the node must accept it as a Host ({@code
 * --allow-host 127.0.0.1:PORT}); WebSocket and HTTP pass through unchanged.
 */
final class SilentRelay implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private volatile boolean silent;
  private volatile boolean closed;

  /** One relayed connection: the browser's socket and the node's (null while silent). */
  private final class Link {
    final Socket browser;
    volatile Socket node;

    /** Set while silent: from then on this link drops what it reads, until it is cut. */
    volatile boolean muted;

    Link(Socket browser) {
      this.browser = browser;
    }

    void cut() {
      quietly(browser);
      if (node != null) {
        quietly(node);
      }
      links.remove(this);
    }
  }

  /** A port for the relay, chosen before the node starts (the node must know it as a Host). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  SilentRelay(int listenPort, int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "silent-relay-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** From now on nothing gets through, and nothing is closed. */
  void goSilent() {
    silent = true;
    for (Link l : links) {
      l.muted = true;
    }
  }

  /** The path is back: connections from the silence are cut, new ones are relayed. */
  void resume() {
    silent = false;
    for (Link l : links) {
      if (l.muted) {
        l.cut();
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket browser;
      try {
        browser = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Link link = new Link(browser);
      links.add(link);
      if (silent) {
        link.muted = true; // accepted, then nothing: the handshake never ends
        pump(link, browser, null);
        continue;
      }
      try {
        link.node = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      } catch (IOException e) {
        link.cut();
        continue;
      }
      pump(link, browser, link.node);
      pump(link, link.node, browser);
    }
  }

  /**
   * Copies {@code from} to {@code to} (null: nowhere) until either closes; drops bytes while muted.
   */
  private void pump(Link link, Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream()) {
                OutputStream out = to == null ? null : to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                  if (!link.muted && out != null) {
                    out.write(buf, 0, n);
                    out.flush();
                  }
                }
              } catch (IOException ignored) {
                // one side went away
              }
              if (!link.muted) {
                link.cut(); // a normal close is relayed as a close; a silent link stays open until
                // resume
              }
            },
            "silent-relay-pump");
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

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Link l : links) {
      l.cut();
    }
  }
}
