package river.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import river.node.pg.StoreKind;
import river.node.tools.WsClient;

/** An in-process node on a free port and a temp data directory, plus the HTTP calls tests need. */
public final class TestNode implements AutoCloseable {
  public final Node node;
  public final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  /** The UTF-8 bytes of a key or value written as text in a test. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A client connected as a new profile of this node (a user of its own). */
  public WsClient connectNewProfile() throws Exception {
    return WsClient.connect(wsUrl(newProfile()));
  }

  public TestNode(Path dataDir) throws Exception {
    this(dataDir, NodeLimits.DEFAULT);
  }

  /** With other caps (e.g. small ones, to reach them quickly). */
  public TestNode(Path dataDir, NodeLimits limits) throws Exception {
    this(dataDir, limits, null);
  }

  /**
   * On the given store: SQLite in {@code dataDir}, or PostgreSQL (the database kept for that
   * directory).
   */
  public TestNode(Path dataDir, StoreKind kind) throws Exception {
    this(dataDir, NodeLimits.DEFAULT, kind.newDb(dataDir));
  }

  /**
   * With {@code db} a {@code jdbc:postgresql:} URL (several nodes on one database), or null for
   * SQLite.
   */
  public TestNode(Path dataDir, NodeLimits limits, String db) throws Exception {
    this.dataDir = dataDir;
    this.node = Node.start(new NodeOptions(0, dataDir, null, List.of(), db), limits);
  }

  public String base() {
    return "http://127.0.0.1:" + node.port();
  }

  public String wsUrl(String token) {
    return "ws://127.0.0.1:" + node.port() + "/v1/ws" + (token == null ? "" : "?token=" + token);
  }

  /** Creates a profile and returns its token. */
  public String newProfile() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/v1/profiles"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("profile creation answered " + r.statusCode());
    }
    return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  public HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    node.close();
  }
}
