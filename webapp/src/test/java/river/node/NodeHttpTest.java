package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.store.DataDirLockedException;

/**
 * The node's HTTP surface: profiles, static pages, the Host and Origin guards, the upgrade gate.
 */
class NodeHttpTest {
  @TempDir Path dir;
  TestNode node;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void profilesAreFreshRandomTokens() throws Exception {
    String a = node.newProfile();
    String b = node.newProfile();
    assertNotEquals(a, b);
    assertEquals(43, a.length(), "256 bits in base64url without padding");
  }

  @Test
  void profileCreationFromAForeignOriginIsRefused() throws Exception {
    HttpResponse<String> r =
        node.http()
            .send(
                HttpRequest.newBuilder(URI.create(node.base() + "/v1/profiles"))
                    .header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(403, r.statusCode());
  }

  HttpResponse<String> current(String authorization, String origin) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(node.base() + "/v1/profiles/current")).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return node.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theShellCanAskWhetherThisNodeKnowsItsProfile() throws Exception {
    String token = node.newProfile();
    assertEquals(204, current("Bearer " + token, null).statusCode());
    assertEquals(204, current("Bearer " + token, node.base()).statusCode());
    assertEquals(401, current("Bearer " + token + "x", null).statusCode());
    assertEquals(401, current(null, null).statusCode());
    assertEquals(401, current("Basic abc", null).statusCode());
    assertEquals(
        403,
        current("Bearer " + token, "http://evil.example").statusCode(),
        "no probing from other sites");
  }

  @Test
  void servesTheShellAndTheSandboxedApp() throws Exception {
    HttpResponse<String> shell = get("/");
    assertEquals(200, shell.statusCode());
    assertTrue(shell.body().contains("data-river=\"shell\""));
    assertTrue(
        shell
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));
    HttpResponse<String> app = get("/app/index.html");
    assertEquals(200, app.statusCode());
    assertTrue(app.body().contains("data-river=\"app\""));
    assertTrue(
        app.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .startsWith("sandbox allow-scripts"),
        "the app is sandboxed even when opened top-level");
    assertEquals(200, get("/river.js").statusCode(), "the compiled bundle ships in the jar");
    assertEquals(404, get("/nope.html").statusCode());
  }

  @Test
  void refusesAForeignHostHeader() throws Exception {
    assertTrue(rawGet("evil.example:" + node.node.port()).startsWith("HTTP/1.1 421"));
    assertTrue(rawGet("localhost:" + node.node.port()).startsWith("HTTP/1.1 200"));
  }

  @Test
  void websocketNeedsAKnownToken() throws Exception {
    assertEquals(401, upgradeStatus(node.wsUrl(null), null));
    assertEquals(401, upgradeStatus(node.wsUrl("not-a-token"), null));
    String token = node.newProfile();
    assertEquals(101, upgradeStatus(node.wsUrl(token), null));
  }

  @Test
  void websocketRefusesAForeignOrigin() throws Exception {
    String token = node.newProfile();
    assertEquals(403, upgradeStatus(node.wsUrl(token), "http://evil.example"));
    assertEquals(101, upgradeStatus(node.wsUrl(token), node.base()));
  }

  @Test
  void aSecondNodeOnTheSameDataDirectoryIsRefused() {
    DataDirLockedException e =
        assertThrows(
            DataDirLockedException.class,
            () -> Node.start(new NodeOptions(0, dir, null, List.of())));
    assertTrue(e.getMessage().contains("already in use"), e.getMessage());
  }

  @Test
  void tokensSurviveARestart() throws Exception {
    String token = node.newProfile();
    node.close();
    node = new TestNode(dir);
    assertEquals(101, upgradeStatus(node.wsUrl(token), null));
  }

  /**
   * JSON {@code {"error": CODE, "message": ...}} with its content type; never Jetty's HTML page.
   */
  static void assertJsonError(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        r.headers().toString());
    assertTrue(
        r.body().matches("\\{\"error\":\"" + code + "\",\"message\":\"[^\"<>]+\"\\}"), r.body());
  }

  @Test
  void everyHttpErrorIsJsonNeverAnHtmlPage() throws Exception {
    assertJsonError(get("/v1/nope"), 404, "not_found");
    assertJsonError(get("/nope.html"), 404, "not_found");
    HttpResponse<String> withToken = get("/v1/nope?token=secret-token-in-the-url");
    assertJsonError(withToken, 404, "not_found");
    assertFalse(
        withToken.body().contains("secret-token-in-the-url"),
        "the URL is not echoed: it may carry a token");
    assertJsonError(get("/v1/profiles"), 405, "method_not_allowed");
    assertJsonError(
        node.http()
            .send(
                HttpRequest.newBuilder(URI.create(node.base() + "/v1/profiles"))
                    .header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString()),
        403,
        "forbidden");
    assertJsonError(current(null, null), 401, "unauthorized");

    String foreignHost =
        rawRequest(
            "GET / HTTP/1.1\r\nHost: evil.example:"
                + node.node.port()
                + "\r\nConnection: close\r\n\r\n");
    assertTrue(foreignHost.startsWith("HTTP/1.1 421"), foreignHost);
    assertTrue(foreignHost.contains("Content-Type: application/json"), foreignHost);
    assertTrue(
        foreignHost.endsWith("{\"error\":\"unknown_host\",\"message\":\"unknown host\"}"),
        foreignHost);

    String upgrade =
        rawRequest(
            "GET /v1/ws?token=nope HTTP/1.1\r\nHost: 127.0.0.1:"
                + node.node.port()
                + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    assertTrue(upgrade.startsWith("HTTP/1.1 401"), upgrade);
    assertTrue(upgrade.contains("Content-Type: application/json"), upgrade);
    assertTrue(
        upgrade.endsWith("{\"error\":\"unauthorized\",\"message\":\"unknown or missing token\"}"),
        upgrade);
  }

  private String rawRequest(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", node.node.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Read the head, then exactly Content-Length bytes (the connection may stay open).
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        head.append((char) c);
      }
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?i)Content-Length: (\\d+)").matcher(head);
      byte[] body = m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : new byte[0];
      return head + new String(body, StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return node.http()
        .send(
            HttpRequest.newBuilder(URI.create(node.base() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private String rawGet(String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", node.node.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private int upgradeStatus(String url, String origin) throws Exception {
    WebSocket.Builder b = node.http().newWebSocketBuilder();
    if (origin != null) {
      b.header("Origin", origin);
    }
    try {
      WebSocket ws =
          b.buildAsync(URI.create(url), new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
      ws.abort();
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }
}
