package river.node.contract;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import river.node.ws.ClientConnection;
import river.wire.ErrorCodes;
import river.wire.WireException;

/**
 * Which connections (of any user, any tab) follow which room contract. A connection is dropped from
 * every room when it closes, so a closed tab is never pushed to and never leaks. Thread-safe;
 * subscribing twice is one subscription.
 *
 * <p>Bounded: at most {@code perConnection} rooms per connection and {@code perNode} over all
 * connections. Why: a subscription needs no existing room (a client may wait for a room's first
 * Put), so without caps one connection subscribing to random keys pins memory until the node dies
 * (~670,000 of them filled a 256 MiB heap). Past a cap the request is refused {@code too_large} and
 * nothing is kept; the connection stays open.
 */
final class Subscriptions {
  static final int PER_CONNECTION = 1024;
  static final int PER_NODE = 100_000;

  private final int perConnection;
  private final int perNode;
  private final Map<String, Set<ClientConnection>> byRoom = new ConcurrentHashMap<>();
  private final Map<ClientConnection, Set<String>> byConnection = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  Subscriptions() {
    this(PER_CONNECTION, PER_NODE);
  }

  Subscriptions(int perConnection, int perNode) {
    this.perConnection = perConnection;
    this.perNode = perNode;
  }

  /**
   * Subscribes {@code c} to {@code room} (nothing new if it already is).
   *
   * @throws WireException {@code too_large} past the connection's or the node's cap; nothing is
   *     kept
   */
  void add(byte[] room, ClientConnection c) {
    String k = HexFormat.of().formatHex(room);
    Set<String> mine = byConnection.computeIfAbsent(c, x -> new HashSet<>());
    synchronized (mine) {
      if (byConnection.get(c) != mine) {
        return; // removed meanwhile: the connection is closing, and nothing may be kept for it
      }
      if (mine.contains(k)) {
        return;
      }
      if (mine.size() >= perConnection) {
        throw new WireException(
            ErrorCodes.TOO_LARGE,
            "this connection already follows "
                + perConnection
                + " rooms, the most one connection may follow");
      }
      if (total.incrementAndGet() > perNode) {
        total.decrementAndGet();
        throw new WireException(
            ErrorCodes.TOO_LARGE,
            "this node already follows "
                + perNode
                + " rooms for its connections, the most it may follow; try again later");
      }
      mine.add(k);
      byRoom.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(c);
    }
    if (c.isClosed()) {
      remove(c); // it closed while we added: its onClose may have run before our entry existed
    }
  }

  /** Every room some connection follows, as hex keys. */
  List<String> rooms() {
    return List.copyOf(byRoom.keySet());
  }

  List<ClientConnection> of(byte[] room) {
    Set<ClientConnection> s = byRoom.get(HexFormat.of().formatHex(room));
    return s == null ? List.of() : List.copyOf(s);
  }

  void remove(ClientConnection c) {
    Set<String> rooms = byConnection.remove(c);
    if (rooms == null) {
      return;
    }
    synchronized (rooms) {
      for (String k : rooms) {
        byRoom.computeIfPresent(
            k,
            (x, set) -> {
              set.remove(c);
              return set.isEmpty() ? null : set;
            });
      }
      total.addAndGet(-rooms.size());
      rooms.clear();
    }
  }

  int count() {
    return total.get();
  }
}
