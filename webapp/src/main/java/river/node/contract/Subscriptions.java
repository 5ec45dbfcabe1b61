package river.node.contract;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import river.node.ws.ClientConnection;

/**
 * Which connections (of any user, any tab) follow which room contract. A connection is dropped
 * from every room when it closes, so a closed tab is never pushed to and never leaks. Thread-safe;
 * subscribing twice is one subscription.
 */
final class Subscriptions {
  private final Map<String, Set<ClientConnection>> byRoom = new ConcurrentHashMap<>();
  private final Map<ClientConnection, Set<String>> byConnection = new ConcurrentHashMap<>();

  void add(byte[] room, ClientConnection c) {
    String k = HexFormat.of().formatHex(room);
    byRoom.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(c);
    byConnection.computeIfAbsent(c, x -> ConcurrentHashMap.newKeySet()).add(k);
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
    for (String k : rooms) {
      byRoom.computeIfPresent(k, (x, set) -> {
        set.remove(c);
        return set.isEmpty() ? null : set;
      });
    }
  }

  int count() {
    return byConnection.values().stream().mapToInt(Set::size).sum();
  }
}
