package river.node.ws;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of each user, so that a change can be pushed to that user's other tabs only.
 */
public final class ConnectionRegistry {
  private final Map<String, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();

  void add(ClientConnection c) {
    byUser.computeIfAbsent(c.userId(), k -> ConcurrentHashMap.newKeySet()).add(c);
  }

  void remove(ClientConnection c) {
    byUser.computeIfPresent(
        c.userId(),
        (k, set) -> {
          set.remove(c);
          return set.isEmpty() ? null : set;
        });
  }

  /** The user's open connections other than {@code except} (which may be null). */
  public List<ClientConnection> others(String userId, ClientConnection except) {
    Set<ClientConnection> set = byUser.get(userId);
    if (set == null || (except != null && set.size() == 1 && set.contains(except))) {
      return List.of(); // the common case of a write: the writer is the user's only connection
    }
    return set.stream().filter(c -> c != except).toList();
  }

  /** The users with at least one open connection on this node. */
  public List<String> users() {
    return List.copyOf(byUser.keySet());
  }

  public int count() {
    return byUser.values().stream().mapToInt(Set::size).sum();
  }

  public void closeAll() {
    byUser.values().forEach(set -> set.forEach(ClientConnection::close));
  }
}
