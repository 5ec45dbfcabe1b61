package river.node.http;

import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses every request whose Host is not one of the node's own names (see {@link AllowedHosts}).
 */
public final class HostGuard extends Handler.Wrapper {
  private final Supplier<AllowedHosts> hosts;

  public HostGuard(Handler next, Supplier<AllowedHosts> hosts) {
    super(next);
    this.hosts = hosts;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (!hosts.get().allows(host)) {
      Response.writeError(
          request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421, "unknown host");
      return true;
    }
    return super.handle(request, response, callback);
  }
}
