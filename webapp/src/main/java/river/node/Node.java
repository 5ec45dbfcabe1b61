package river.node;

import java.util.concurrent.CountDownLatch;
import river.node.ws.ConnectionRegistry;
import river.node.ws.RequestDispatcher;

/**
 * A running node: the data-directory lock, the stores, the dispatcher and the HTTP server, started
 * in that order and closed in reverse. Tests start nodes in-process through this class.
 */
public final class Node implements AutoCloseable {
  private final DataDirLock lock;
  private final NodeServer server;
  private final ConnectionRegistry registry;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Node(DataDirLock lock, NodeServer server, ConnectionRegistry registry) {
    this.lock = lock;
    this.server = server;
    this.registry = registry;
  }

  public static Node start(NodeOptions options) throws Exception {
    DataDirLock lock = DataDirLock.acquire(options.dataDir());
    try {
      FileUserDirectory users = new FileUserDirectory(options.dataDir());
      ConnectionRegistry registry = new ConnectionRegistry();
      RequestDispatcher dispatcher = new RequestDispatcher(null, null);
      NodeServer server = new NodeServer(options, users, dispatcher, registry);
      server.start();
      return new Node(lock, server, registry);
    } catch (Exception e) {
      lock.close();
      throw e;
    }
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  public void join() throws InterruptedException {
    closed.await();
  }

  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("error while stopping the server: " + e);
    }
    try {
      lock.close();
    } catch (Exception e) {
      System.err.println("error while releasing the data directory: " + e);
    }
    closed.countDown();
  }
}
