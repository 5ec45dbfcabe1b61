package river.node.http;

import java.io.IOException;

/**
 * The user directory cannot answer right now (storage failure, shutdown): HTTP 503, "try again".
 */
public final class ServiceUnavailableException extends IOException {
  public ServiceUnavailableException(String plainMessage, Throwable cause) {
    super(plainMessage, cause);
  }
}
