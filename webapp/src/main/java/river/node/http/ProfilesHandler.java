package river.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import river.node.store.DelegateStore;

/**
 * {@code POST /v1/profiles}: creates a user and answers 201 {@code {"token": "..."}}. {@code GET
 * /v1/profiles/current} with {@code Authorization: Bearer <token>}: 204 when this node knows the
 * token, 401 when it does not (the shell asks after failed WebSocket upgrades, whose status a
 * browser cannot see, to tell "node down" from "profile unknown here"). A request carrying a
 * foreign Origin is refused (403), so other web sites cannot mint or probe profiles through a
 * visitor's browser. The token is never logged. A storage failure is 503 ("try again"); every error
 * answer is JSON ({@link JsonErrors}).
 */
public final class ProfilesHandler extends Handler.Abstract {
  public static final String PATH = "/v1/profiles";
  public static final String CURRENT = PATH + "/current";

  private final UserDirectory users;
  private final Supplier<AllowedHosts> hosts;

  public ProfilesHandler(UserDirectory users, Supplier<AllowedHosts> hosts) {
    this.users = users;
    this.hosts = hosts;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (CURRENT.equals(path)) {
      return checkCurrent(request, response, callback);
    }
    if (!PATH.equals(path)) {
      return false;
    }
    if (refused("POST", request, response, callback)) {
      return true;
    }
    String token = DelegateStore.newToken();
    try {
      users.register(DelegateStore.hashToken(token));
    } catch (ServiceUnavailableException e) {
      Response.writeError(
          request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
      return true;
    }
    response.setStatus(HttpStatus.CREATED_201);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String body = "{\"token\":\"" + token + "\"}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  /** Answers 405 for another method and 403 for a foreign Origin; true when it answered. */
  private boolean refused(String method, Request request, Response response, Callback callback) {
    if (!method.equals(request.getMethod())) {
      Response.writeError(
          request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, method + " only");
      return true;
    }
    if (!hosts.get().allowsOrigin(request.getHeaders().get(HttpHeader.ORIGIN))) {
      Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "foreign origin");
      return true;
    }
    return false;
  }

  private boolean checkCurrent(Request request, Response response, Callback callback)
      throws Exception {
    if (refused("GET", request, response, callback)) {
      return true;
    }
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String token =
        auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()).trim() : "";
    boolean known;
    try {
      known =
          !token.isEmpty()
              && token.length() <= 256
              && users.find(DelegateStore.hashToken(token)) != null;
    } catch (ServiceUnavailableException e) {
      Response.writeError(
          request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
      return true;
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (!known) {
      Response.writeError(
          request, response, callback, HttpStatus.UNAUTHORIZED_401, "unknown profile");
      return true;
    }
    response.setStatus(HttpStatus.NO_CONTENT_204);
    response.write(true, null, callback);
    return true;
  }
}
