package river.node.ws;

import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import river.node.http.AllowedHosts;
import river.node.http.ServiceUnavailableException;
import river.node.http.UserDirectory;
import river.node.store.DelegateStore;

/**
 * Admits a WebSocket upgrade on {@code /v1/ws?token=T} only for a known token (else 401) and an
 * Origin that is absent or the node's own (else 403: a page of another site must not drive a
 * visitor's node).
 */
public final class UpgradeGate implements WebSocketCreator {
  private final UserDirectory users;
  private final Supplier<AllowedHosts> hosts;
  private final FrameHandler handler;
  private final ConnectionRegistry registry;

  public UpgradeGate(
      UserDirectory users,
      Supplier<AllowedHosts> hosts,
      FrameHandler handler,
      ConnectionRegistry registry) {
    this.users = users;
    this.hosts = hosts;
    this.handler = handler;
    this.registry = registry;
  }

  @Override
  public Object createWebSocket(
      ServerUpgradeRequest request,
      ServerUpgradeResponse response,
      org.eclipse.jetty.util.Callback callback)
      throws Exception {
    if (!hosts.get().allowsOrigin(request.getHeaders().get(HttpHeader.ORIGIN))) {
      Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "foreign origin");
      return null;
    }
    Fields query = org.eclipse.jetty.server.Request.extractQueryParameters(request);
    String token = query.getValue("token");
    String user;
    try {
      user = token == null || token.isEmpty() ? null : users.find(DelegateStore.hashToken(token));
    } catch (ServiceUnavailableException e) {
      Response.writeError(
          request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
      return null;
    }
    if (user == null) {
      Response.writeError(
          request, response, callback, HttpStatus.UNAUTHORIZED_401, "unknown or missing token");
      return null;
    }
    return new ClientConnection(user, handler, registry);
  }
}
