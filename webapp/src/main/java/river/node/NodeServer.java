package river.node;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import river.node.http.AllowedHosts;
import river.node.http.HostGuard;
import river.node.http.JsonErrors;
import river.node.http.ProfilesHandler;
import river.node.http.SecurityHeaders;
import river.node.http.UserDirectory;
import river.node.ws.ConnectionRegistry;
import river.node.ws.FrameHandler;
import river.node.ws.RequestDispatcher;
import river.node.ws.UpgradeGate;

/**
 * The node's HTTP side on Jetty 12 core: Host guard, then {@code /v1/ws} (WebSocket upgrade),
 * {@code /v1/profiles}, and the static shell and app from every {@code static/} folder on the
 * classpath (a {@code --static-dir} is served first, for the dev loop). Binds to loopback only.
 */
public final class NodeServer {
  /**
   * The protocol's frame limit: bigger frames are answered {@code too_large} (see
   * RequestDispatcher).
   */
  public static final int MAX_FRAME_BYTES = RequestDispatcher.MAX_FRAME_BYTES;

  /**
   * Jetty's hard limit, well above {@link #MAX_FRAME_BYTES}: Jetty closes the connection (1009) on
   * a bigger message, so frames between the two get an error response and the connection lives.
   */
  public static final int HARD_FRAME_BYTES = 4 << 20;

  /**
   * Jetty's defaults (200 threads at most, 8 kept, 60 s idle) but no reserved threads. Why: Jetty
   * runs a WebSocket read as a blocking task, and with a reserved thread the selector thread runs
   * it itself and wakes a reserved thread to select on (a hand-off per wake-up, ~1.6 thread
   * switches per CAS on 2 cores); without one, the selector hands the read to a pool thread and
   * keeps selecting. Measured (issue 18, same sitting): node CAS throughput at 32 clients about
   * 1.5x, p50 latency lower.
   */
  private final Server server = new Server(new QueuedThreadPool(200, 8, 60_000, 0, null, null));

  private final ServerConnector connector;
  private volatile AllowedHosts hosts;

  public NodeServer(
      NodeOptions options, UserDirectory users, FrameHandler frames, ConnectionRegistry registry)
      throws IOException {
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(options.port());
    server.addConnector(connector);
    Supplier<AllowedHosts> hostSupplier = this::hosts;

    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            context,
            container -> {
              container.setMaxBinaryMessageSize(HARD_FRAME_BYTES);
              container.setMaxTextMessageSize(HARD_FRAME_BYTES);
              container.setIdleTimeout(java.time.Duration.ofMinutes(10));
              container.addMapping(
                  "/v1/ws", new UpgradeGate(users, hostSupplier, frames, registry));
            });
    ResourceHandler statics = new ResourceHandler();
    statics.setBaseResource(staticResources(options.staticDir()));
    statics.setDirAllowed(false);
    statics.setWelcomeFiles(List.of("index.html"));
    ws.setHandler(new Handler.Sequence(new ProfilesHandler(users, hostSupplier), statics));
    context.setHandler(ws);
    server.setHandler(new HostGuard(new SecurityHeaders(context), hostSupplier));
    server.setErrorHandler(new JsonErrors());
    server.setStopAtShutdown(false);
    this.extraHosts = options.extraHosts();
  }

  private final List<String> extraHosts;

  private Resource staticResources(Path devDir) throws IOException {
    ResourceFactory factory = ResourceFactory.of(server);
    List<Resource> roots = new ArrayList<>();
    if (devDir != null && Files.isDirectory(devDir)) {
      roots.add(factory.newResource(devDir));
    }
    Enumeration<URL> urls = NodeServer.class.getClassLoader().getResources("static");
    while (urls.hasMoreElements()) {
      roots.add(factory.newResource(urls.nextElement()));
    }
    if (roots.isEmpty()) {
      throw new IOException("no static/ resources on the classpath: was the client module built?");
    }
    return ResourceFactory.combine(roots);
  }

  public void start() throws Exception {
    server.start();
  }

  private AllowedHosts hosts() {
    AllowedHosts h = hosts;
    if (h == null) {
      // The port is known only once bound (--port 0 picks one).
      h = new AllowedHosts(connector.getLocalPort(), extraHosts);
      hosts = h;
    }
    return h;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  public void stop() throws Exception {
    server.stop();
  }
}
