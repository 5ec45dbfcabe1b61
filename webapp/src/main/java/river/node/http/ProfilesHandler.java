package river.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import river.node.store.DelegateStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /v1/profiles}: creates a user and answers 201 {@code {"token": "..."}}. A request
 * carrying a foreign Origin is refused (403), so other web sites cannot mint profiles through a
 * visitor's browser. The token is never logged.
 */
public final class ProfilesHandler extends Handler.Abstract {
  public static final String PATH = "/v1/profiles";

  private final UserDirectory users;
  private final Supplier<AllowedHosts> hosts;

  public ProfilesHandler(UserDirectory users, Supplier<AllowedHosts> hosts) {
    this.users = users;
    this.hosts = hosts;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return false;
    }
    if (!"POST".equals(request.getMethod())) {
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "POST only");
      return true;
    }
    if (!hosts.get().allowsOrigin(request.getHeaders().get(HttpHeader.ORIGIN))) {
      Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "foreign origin");
      return true;
    }
    String token = DelegateStore.newToken();
    users.register(DelegateStore.hashToken(token));
    response.setStatus(HttpStatus.CREATED_201);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String body = "{\"token\":\"" + token + "\"}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
