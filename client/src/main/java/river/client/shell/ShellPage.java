package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.HTMLIFrameElement;
import elemental2.dom.URL;
import river.client.BridgeMessage;
import river.client.DraftMessage;
import river.client.OutboxMessage;
import river.nav.TabTitle;

/**
 * The top-level page: owns the profile credential and the WebSocket, and relays frames to and from
 * the sandboxed app iframe.
 *
 * <p>One connection indicator: the app's pill (it knows more: "connected" there means a Ping made
 * the whole round trip, and it shows the offline banner). The shell's own bar with its pill ({@code
 * shell-status}, which always carries the socket's state) stays hidden while the app is alive, and
 * shows only when the shell has something to say: an error of its own (an unknown profile), or an
 * app that has not started after {@link #APP_SILENT_MS} (its page could not be loaded), in which
 * case it says the node is unreachable, keeps trying, and reloads the app frame once the socket is
 * up again.
 */
public final class ShellPage implements NodeSocket.Listener, AppBridge.Listener {
  private Element pill;
  private AppBridge bridge;
  private ShellAddress address;
  private String invitation;

  /**
   * The outbox is one per browser profile: when this tab's shell changes it, the other tabs' shells
   * hear it here and hand their apps the new list, so a message waiting in one tab shows as pending
   * in all of them.
   */
  private final elemental2.dom.BroadcastChannel outboxNews =
      new elemental2.dom.BroadcastChannel("river-outbox");

  private final OutboxStore outbox = new OutboxStore(() -> outboxNews.postMessage("changed"));
  private NodeSocket socket;
  private final ShellPrefetch prefetch = new ShellPrefetch();
  private final ProfileStore profiles = new ProfileStore();
  private final DraftStore drafts = new DraftStore();
  private Notifications notifications;
  private String token;
  private Element bar;
  private Element offline;
  private HTMLIFrameElement frame;

  /** The app said hello at least once since the frame was last (re)loaded. */
  private boolean appAlive;

  /** The shell bar is shown because the app has not started (not for an error). */
  private boolean appSilent;

  /** Epoch ms of the next reconnect attempt, or OfflineNotice.NONE. */
  private double nextAttemptAt = river.net.OfflineNotice.NONE;

  /** How long the app may take to say hello before the shell speaks for it. */
  static final int APP_SILENT_MS = 4000;

  public void start() {
    pill = DomGlobal.document.querySelector("[data-testid=shell-status]");
    bar = DomGlobal.document.querySelector(".shell-bar");
    offline = DomGlobal.document.querySelector("[data-testid=shell-offline]");
    frame = (HTMLIFrameElement) DomGlobal.document.getElementById("app-frame");
    DomGlobal.setTimeout(ignored -> checkAppStarted(), APP_SILENT_MS);
    keepForOffline();
    bridge = new AppBridge(frame, this);
    address = new ShellAddress(bridge);
    notifications = new Notifications(bridge);
    outboxNews.onmessage =
        e -> {
          outbox.list(items -> bridge.send(OutboxMessage.items(items)));
          return null;
        };
    invitation = takeInvitation();
    showState(NodeSocket.CONNECTING);
    profiles.loadOrCreate(
        stored -> {
          token = stored;
          socket = new NodeSocket(stored, this, answer -> ProfileStore.check(stored, answer));
          socket.open();
        },
        message -> {
          showState(NodeSocket.DISCONNECTED);
          showError(message);
        });
  }

  private void showError(String message) {
    Element banner = DomGlobal.document.querySelector("[data-testid=shell-error]");
    if (banner != null) {
      banner.textContent = message;
      banner.removeAttribute("hidden");
    }
    bar.removeAttribute("hidden");
  }

  /**
   * Registers {@code /sw.js}, which keeps a copy of this page for a tab opened while the node is
   * down. Browsers offer service workers only in secure contexts (https, localhost): elsewhere such
   * a tab gets the browser's own error page, as before.
   */
  private static void keepForOffline() {
    if (DomGlobal.navigator.serviceWorker == null) {
      return;
    }
    DomGlobal.navigator
        .serviceWorker
        .register("/sw.js")
        .catch_(
            error -> {
              DomGlobal.console.warn("River: the offline copy of the page is not kept: " + error);
              return null;
            });
  }

  /** The app has not said hello: its page did not load (the node is down) or it failed. */
  private void checkAppStarted() {
    if (appAlive) {
      return;
    }
    appSilent = true;
    bar.removeAttribute("hidden");
    showOffline();
  }

  private void showOffline() {
    boolean up = socket != null && NodeSocket.CONNECTED.equals(socket.state());
    if (appSilent && !up) {
      offline.removeAttribute("hidden");
    } else {
      offline.setAttribute("hidden", "");
    }
  }

  private double retryIn() {
    return nextAttemptAt == river.net.OfflineNotice.NONE
        ? -1
        : Math.max(0, nextAttemptAt - elemental2.core.JsDate.now());
  }

  private void sendStatus() {
    bridge.sendStatus(socket == null ? NodeSocket.CONNECTING : socket.state(), retryIn());
  }

  /**
   * The node answered that it does not know this profile (see {@link river.net.ProfileCheck}):
   * reconnecting stops and a new profile is offered; it is never replaced silently, because that
   * changes who the user is on this node.
   */
  @Override
  public void onProfileUnknown() {
    showError(
        "This node does not know this browser's profile: its data was reset, or it is"
            + " another node. Rooms of the old profile cannot be reached from here.");
    Element reset = DomGlobal.document.querySelector("[data-testid=profile-reset]");
    reset.removeAttribute("hidden");
    // The new profile starts at the shell's bare URL: the old profile's room address means nothing
    // to it (a reload would keep it and say "a room you are not in").
    reset.addEventListener(
        "click",
        e ->
            profiles.replaceUnknown(
                token,
                fresh -> DomGlobal.location.replace(DomGlobal.location.pathname),
                this::showError));
  }

  @Override
  public void onState(String state) {
    showState(state);
    if (NodeSocket.CONNECTED.equals(state)) {
      prefetch.onConnected(socket::send, bridge::sendMoved); // announced before "connected"
    } else {
      prefetch.onDisconnected();
    }
    bridge.sendStatus(state, retryIn());
    showOffline();
    if (appSilent && NodeSocket.CONNECTED.equals(state)) {
      // The node is back and the app never started: give its page another chance.
      frame.src = "/app/index.html";
      DomGlobal.setTimeout(ignored -> checkAppStarted(), APP_SILENT_MS);
    }
  }

  @Override
  public void onNextAttempt(long at) {
    nextAttemptAt = at;
    sendStatus();
  }

  @Override
  public void onRetry() {
    if (socket != null) {
      socket.retryNow();
    }
  }

  @Override
  public void onFrame(ArrayBuffer frame) {
    if (prefetch.take(frame, bridge::sendMoved)) {
      return; // an answer to the load's early reads, handed to the app as such
    }
    bridge.sendFrame(frame);
  }

  @Override
  public void onAppFrame(ArrayBuffer frame) {
    if (socket != null) {
      socket.send(frame);
    }
  }

  @Override
  public void onAppHello() {
    appAlive = true;
    if (appSilent) {
      appSilent = false;
      showOffline();
      Element error = DomGlobal.document.querySelector("[data-testid=shell-error]");
      if (error == null || error.hasAttribute("hidden")) {
        bar.setAttribute("hidden", ""); // the app's pill takes over
      }
    }
    sendStatus();
    if (invitation != null) {
      bridge.sendInvitation(invitation);
      invitation = null;
    }
    address.onHello();
    bridge.send(DraftMessage.all(drafts.all()));
    notifications.sendState();
  }

  @Override
  public void onNotify(String room, String id, String title, String body, String peer) {
    notifications.notify(room, id, title, body, peer);
  }

  @Override
  public void onNotificationsEnable() {
    notifications.enable();
  }

  @Override
  public void onDraftPut(String room, String text) {
    drafts.put(room, text);
  }

  @Override
  public void onHistory(String fragment, boolean replace) {
    address.onHistory(fragment, replace);
  }

  @Override
  public void onCopy(String fragment) {
    address.onCopy(fragment);
  }

  @Override
  public void onCopyInvitation(String code, boolean asLink) {
    address.onCopyInvitation(code, asLink);
  }

  @Override
  public void onOutboxPut(String key, ArrayBuffer bytes) {
    outbox.put(key, bytes, ok -> bridge.send(OutboxMessage.saved(key, ok)));
  }

  @Override
  public void onOutboxRemove(String key) {
    outbox.remove(key);
  }

  @Override
  public void onOutboxList() {
    outbox.list(items -> bridge.send(OutboxMessage.items(items)));
  }

  @Override
  public void onAppTitle(int unread, String room) {
    DomGlobal.document.title = TabTitle.of(unread, room);
  }

  /**
   * An invitation link ({@code /?invitation=CODE}) is for the app, which cannot see the shell's
   * address: the shell keeps the code and hands it over once, with its answer to the app's first
   * hello (re-pointing the iframe instead would load the app twice). The code is dropped from the
   * shell's address so a reload does not offer the same invitation again; a room address in the
   * fragment stays.
   */
  private static String takeInvitation() {
    String code = new URL(DomGlobal.location.href).searchParams.get("invitation");
    if (code == null || code.isEmpty() || code.length() > BridgeMessage.MAX_INVITATION_CHARS) {
      return null;
    }
    DomGlobal.window.history.replaceState(
        null, "", DomGlobal.location.pathname + DomGlobal.location.hash);
    return code;
  }

  private void showState(String state) {
    if (pill != null) {
      pill.setAttribute("data-state", state);
      pill.textContent = state;
    }
  }
}
