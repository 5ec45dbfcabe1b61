package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.HTMLElement;
import java.util.Map;
import jsinterop.base.Js;
import river.client.app.ui.OfflineBanner;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The chat app inside the sandboxed iframe. The connection pill says {@code connected} only once a
 * Ping has made the full round trip app → shell → node → shell → app, so "connected" means the
 * whole path works, not just the shell's socket ({@code data-pongs} counts round trips). The rooms
 * session loads (first connection) or resyncs (after a reconnect) as soon as the shell's socket is
 * up, alongside the Ping. It is the tab's one connection indicator (the shell hides its own while
 * the app runs), and beside it the {@code offline-banner} counts down to the shell's next reconnect
 * attempt once the server has been unreachable for a moment.
 */
public final class AppPage implements ShellLink.Listener {
  private Element pill;
  private ShellLink shell;
  private NodeLink node;
  private SessionDriver driver;
  private RoomHydrator hydrator;
  private RoomsScreen screen;
  private boolean everConnected;
  private int pongs;
  private String shellState = "connecting";
  private boolean heardStatus;
  private OfflineBanner offline;

  /** Repeats the hello until the shell answers (its answer carries the tab's address). */
  private double helloTimer = -1;

  private static final int HELLO_REPEAT_MS = 300;

  public void start() {
    pill = DomGlobal.document.querySelector("[data-testid=connection-status]");
    shell = new ShellLink(this);
    node = new NodeLink(shell);
    driver = new SessionDriver(node);
    HTMLElement bar = Js.uncheckedCast(DomGlobal.document.querySelector(".app-bar"));
    offline = new OfflineBanner(() -> shell.retry());
    bar.appendChild(offline.element());
    HTMLElement root = Js.uncheckedCast(DomGlobal.document.getElementById("app-root"));
    RoomsScreen screen = new RoomsScreen(driver, node, shell, bar, root);
    hydrator = screen.hydrator();
    this.screen = screen;
    node.setPushListener(
        push -> {
          if (push.event() instanceof Event.ContractUpdated) {
            hydrator.onPush((Event.ContractUpdated) push.event());
          } else {
            driver.onPush(push);
          }
        });
    // Nothing is debounced, so "flushing" means making sure every requested save is on the wire.
    DomGlobal.window.addEventListener("pagehide", e -> driver.pump());
    DomGlobal.document.addEventListener("visibilitychange", e -> driver.pump());
    // The shell's script and this frame's load in parallel: a hello sent before the shell
    // listens is lost, and with it the tab's address and an invitation. Say it until answered.
    shell.hello();
    helloTimer = DomGlobal.setInterval(ignored -> shell.hello(), HELLO_REPEAT_MS);
    // The shell usually said "connected" before this script ran: load now, not after the hello's
    // answer (a round trip between two busy renderers, ~30 ms of a one-room load).
    shell.takeEarly();
  }

  @Override
  public void onStatus(String state, double retryInMs) {
    if ("disconnected".equals(state) || ("connecting".equals(state) && offline.isDown())) {
      offline.down(retryInMs); // also when repeated: each failed attempt resets the countdown
    }
    if (state.equals(shellState) && heardStatus) {
      return; // the answer to a repeated hello: nothing changed (a second "connected" would resync)
    }
    heardStatus = true;
    shellState = state;
    if ("connected".equals(state)) {
      // The rooms load goes out with the Ping rather than after its answer: it proves the path as
      // well, and a tab lists its rooms one round trip sooner.
      driver.onConnected();
      ping();
    } else {
      node.onDisconnected();
      screen.outbox().onDisconnected();
      show(state);
    }
  }

  @Override
  public void onOutboxSaved(String key, boolean ok) {
    screen.outbox().onSaved(key, ok);
  }

  @Override
  public void onOutboxItems(Map<String, byte[]> items) {
    screen.outbox().onItems(items);
  }

  @Override
  public void onInvitation(String code) {
    screen.offerInvitation(code);
  }

  @Override
  public void onAddress(String fragment, String base, boolean popped) {
    if (helloTimer >= 0) {
      DomGlobal.clearInterval(helloTimer);
      helloTimer = -1;
    }
    screen.address().onAddress(fragment, base, popped);
  }

  @Override
  public void onDrafts(Map<String, String> drafts) {
    screen.drafts().loaded(drafts);
  }

  @Override
  public void onNotifications(String state) {
    screen.notifier().onPermission(state);
  }

  @Override
  public void onNotificationClick(String room, String peer) {
    screen.notifier().onClick(room, peer);
  }

  @Override
  public void onCopied(boolean ok) {
    screen.onCopied(ok);
  }

  @Override
  public void onFrame(byte[] frame) {
    node.onFrame(frame);
  }

  @Override
  public void onPrefetchSent(byte[] opKey) {
    node.onPrefetchSent(opKey);
  }

  @Override
  public void onPrefetchAnswer(byte[] opKey, byte[] frame) {
    node.onPrefetchAnswer(opKey, frame);
  }

  private void ping() {
    node.request(
        Op.PING,
        new NodeLink.Callback() {
          @Override
          public void onResult(OpResult result) {
            if (result instanceof OpResult.Pong && "connected".equals(shellState)) {
              pongs++;
              pill.setAttribute("data-pongs", String.valueOf(pongs));
              show("connected");
              offline.up();
              driver.onPathConfirmed();
              screen.outbox().onConnected();
              if (everConnected) {
                hydrator.resubscribeAll();
              }
              everConnected = true;
            }
          }

          @Override
          public void onError(String code, String message) {
            if ("connected".equals(shellState)) {
              // The socket is up but the node did not answer: retry rather than claim a working
              // path.
              DomGlobal.setTimeout(ignored -> ping(), 1000);
            }
          }
        });
  }

  private void show(String state) {
    pill.setAttribute("data-state", state);
    pill.textContent = state;
  }
}
