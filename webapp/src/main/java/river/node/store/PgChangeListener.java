package river.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears what other nodes changed: one thread, one connection that LISTENs on {@link
 * PgWrites#CHANNEL}, dispatching each announcement (except this node's own) to the registered
 * listeners. Notifications sent while the connection was down are lost, so after every reconnect
 * the listeners get {@link StoreChange#RESYNC} and re-read what they depend on.
 */
final class PgChangeListener {

  private static final long POLL_MS = 250;

  private final String url;
  private final String nodeId;
  private final List<Consumer<StoreChange>> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection current;

  PgChangeListener(String url, String nodeId) {
    this.url = url;
    this.nodeId = nodeId;
    thread = new Thread(this::loop, "river-pg-listener");
    thread.setDaemon(true);
  }

  /** Starts listening and waits (10 s at most) until the first LISTEN is in place. */
  void start() throws InterruptedException {
    thread.start();
    if (!firstListen.await(10, TimeUnit.SECONDS)) {
      System.err.println("river: the change listener is not connected yet; it keeps trying");
    }
  }

  void add(Consumer<StoreChange> listener) {
    listeners.add(listener);
  }

  void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    PgSchema.closeQuietly(current);
  }

  private void loop() {
    boolean reconnected = false;
    long backoffMs = 100;
    while (!closed) {
      try (Connection c = PgSchema.connect(url)) {
        current = c;
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + PgWrites.CHANNEL);
        }
        firstListen.countDown();
        backoffMs = 100;
        if (reconnected) {
          dispatch(StoreChange.RESYNC); // whatever was announced while we were away is lost
        }
        reconnected = true;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] got = pg.getNotifications((int) POLL_MS);
          if (got != null) {
            for (PGNotification n : got) {
              StoreChange change = parse(n.getParameter());
              if (change != null) {
                dispatch(change);
              }
            }
          }
        }
      } catch (SQLException e) {
        if (closed) {
          break;
        }
        System.err.println(
            "river: change listener lost its database connection ("
                + e.getSQLState()
                + "); reconnecting");
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException ie) {
          // close() interrupts: the loop condition decides
        }
        backoffMs = Math.min(2000, backoffMs * 2);
      }
    }
  }

  /** Null for this node's own announcements and for anything malformed. */
  private StoreChange parse(String payload) {
    String[] parts = payload.split("\t", -1);
    if (parts.length != 4 || parts[0].equals(nodeId)) {
      return null;
    }
    try {
      return new StoreChange(
          parts[1], HexFormat.of().parseHex(parts[2]), HexFormat.of().parseHex(parts[3]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void dispatch(StoreChange change) {
    for (Consumer<StoreChange> l : listeners) {
      try {
        l.accept(change);
      } catch (RuntimeException e) {
        System.err.println("river: a change listener failed: " + e);
      }
    }
  }
}
