package river.node.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers that hold the shell/app split in place even if a page is opened directly: the app under
 * {@code /app/} is always sandboxed (an opaque origin with no storage and no credential, even when
 * someone opens it top-level), may be framed only by the node's own shell, and the shell itself may
 * not be framed by anyone (clickjacking).
 */
public final class SecurityHeaders extends Handler.Wrapper {
  public SecurityHeaders(Handler next) {
    super(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    if (path.startsWith("/app/")) {
      response
          .getHeaders()
          .put(
              "Content-Security-Policy",
              "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads; frame-ancestors 'self'; object-src 'none'; base-uri 'none'");
    } else if (!path.startsWith("/v1/")) {
      response
          .getHeaders()
          .put(
              "Content-Security-Policy",
              "frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    return super.handle(request, response, callback);
  }
}
