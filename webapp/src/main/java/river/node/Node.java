package river.node;

import java.util.concurrent.CountDownLatch;
import river.node.contract.ContractHost;
import river.node.delegate.DelegateHost;
import river.node.delegate.RemoteDelegatePushes;
import river.node.log.NodeLog;
import river.node.signing.SigningKeys;
import river.node.store.DelegateStore;
import river.node.ws.ConnectionRegistry;
import river.node.ws.RequestDispatcher;

/**
 * A running node: the store (SQLite with its data-directory lock, or PostgreSQL), the dispatcher
 * and the HTTP server, started in that order and closed in reverse. Tests start nodes in-process
 * through this class.
 */
public final class Node implements AutoCloseable {
  private final DelegateStore store;
  private final NodeServer server;
  private final ConnectionRegistry registry;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Node(DelegateStore store, NodeServer server, ConnectionRegistry registry) {
    this.store = store;
    this.server = server;
    this.registry = registry;
  }

  public static Node start(NodeOptions options) throws Exception {
    return start(options, NodeLimits.DEFAULT);
  }

  public static Node start(NodeOptions options, NodeLimits limits) throws Exception {
    // SQLite: opening the store takes the data directory's lock (a second node there is refused
    // here). PostgreSQL (--db): no lock, any number of nodes share the database.
    DelegateStore store = DelegateStore.open(options.db(), options.dataDir());
    try {
      ConnectionRegistry registry = new ConnectionRegistry();
      new RemoteDelegatePushes(store, registry).attach(); // writes of other nodes on one database
      RequestDispatcher dispatcher =
          new RequestDispatcher(
              new DelegateHost(store, registry, new SigningKeys(store)),
              new ContractHost(
                  store, limits.subscriptionsPerConnection(), limits.subscriptionsPerNode()),
              limits.inFlight());
      NodeServer server =
          new NodeServer(options, new StoreUserDirectory(store), dispatcher, registry);
      server.start();
      return new Node(store, server, registry);
    } catch (Exception e) {
      store.close();
      throw e;
    }
  }

  /** The delegate store (tests seed and inspect rows through it). */
  public DelegateStore store() {
    return store;
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
      NodeLog.logger(Node.class)
          .log(System.Logger.Level.ERROR, "error while stopping the server: " + e);
    }
    try {
      store.close();
    } catch (Exception e) {
      NodeLog.logger(Node.class)
          .log(System.Logger.Level.ERROR, "error while closing the store: " + e);
    }
    closed.countDown();
  }
}
