package river.node.http;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Host names the node answers to: its loopback names with its port, plus configured ones. Why:
 * a foreign web site that makes its own DNS name resolve to 127.0.0.1 (DNS rebinding) sends its own
 * name in Host; refusing unknown names keeps such pages away from the API whatever their Origin
 * says.
 */
public final class AllowedHosts {
  private final Set<String> hosts = new HashSet<>();

  public AllowedHosts(int port, List<String> extra) {
    for (String name : List.of("127.0.0.1", "localhost", "[::1]")) {
      hosts.add(name + ":" + port);
      if (port == 80) {
        hosts.add(name);
      }
    }
    for (String h : extra) {
      hosts.add(h.toLowerCase(Locale.ROOT));
    }
  }

  public boolean allows(String hostHeader) {
    return hostHeader != null && hosts.contains(hostHeader.toLowerCase(Locale.ROOT));
  }

  /**
   * An Origin header is acceptable when absent (non-browser clients) or naming one of our hosts
   * over http.
   */
  public boolean allowsOrigin(String origin) {
    if (origin == null) {
      return true;
    }
    String prefix = "http://";
    return origin.startsWith(prefix) && allows(origin.substring(prefix.length()));
  }
}
