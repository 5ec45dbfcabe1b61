package river.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every HTTP error the node answers, as JSON {@code {"error": "<code>", "message": "<text>"}}
 * ({@code application/json}), never Jetty's HTML page: the shell and scripts read the code, and the
 * HTML page would echo the request URL, which may carry a profile token. A 500 says only "internal
 * error" (the cause stays in the node). Installed as the server's error handler, so it also answers
 * 404s, refused upgrades and Jetty's own errors.
 */
public final class JsonErrors extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String message = (String) request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException h) {
      status = h.getCode();
      response.setStatus(status);
      message = h.getReason();
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    byte[] body = body(status, message).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** The JSON body for {@code status}; {@code message} may be null. */
  static String body(int status, String message) {
    boolean hideCause = status >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE_503;
    String text =
        hideCause || message == null || message.isBlank() ? defaultMessage(status) : message;
    return "{\"error\":" + quote(code(status)) + ",\"message\":" + quote(text) + "}";
  }

  static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      case 421 -> "unknown_host";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "http_" + status;
    };
  }

  private static String defaultMessage(int status) {
    if (status >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE_503) {
      return "internal error";
    }
    String reason = HttpStatus.getMessage(status);
    return reason == null ? "HTTP " + status : reason.toLowerCase(Locale.ROOT);
  }

  /** A JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            b.append(
                String.format(
                    "\\u%04x", (int) c)); // also keeps it inert if a browser sniffs it as HTML
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
