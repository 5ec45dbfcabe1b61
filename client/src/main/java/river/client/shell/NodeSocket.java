package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.core.JsDate;
import elemental2.dom.DomGlobal;
import elemental2.dom.WebSocket;
import river.net.Heartbeat;
import river.net.ProfileCheck;
import river.net.ReconnectBackoff;

/**
 * The shell's one WebSocket to the node, reopened by itself after any loss with jittered
 * exponential backoff ({@link ReconnectBackoff}). It moves opaque binary frames; it never looks
 * inside them, except to recognise the answers to its own heartbeat Pings. Frames sent while
 * disconnected are dropped: the app's request layer times them out and resends what matters (the
 * outbox is durable elsewhere).
 *
 * <p>A socket can look open and be dead (a half-open connection): the {@link Heartbeat} pings it
 * when it has been quiet and gives it up when nothing comes back, and gives up an attempt whose
 * handshake never ends. A given-up socket is dropped at once, not closed politely: the browser's
 * closing handshake on a dead connection can take a minute.
 *
 * <p>After a failed attempt, the next one starts by asking the node about the profile ({@link
 * ProfileCheck}): the question doubles as the probe for the node's return, so a profile the node no
 * longer knows is reported by the first attempt that reaches it.
 */
final class NodeSocket {
  interface Listener {
    void onState(String state);

    void onFrame(ArrayBuffer frame);

    /** The node answers and does not know this profile: no more attempts are made. */
    void onProfileUnknown();

    /**
     * The next attempt is due at this epoch ms, or {@link river.net.OfflineNotice#NONE} once an
     * attempt is under way (or the socket is up): the app's offline banner counts down to it.
     */
    void onNextAttempt(long at);
  }

  /** Asks the node whether it knows the profile: an HTTP status, or ProfileCheck.NO_ANSWER. */
  interface ProfileQuestion {
    void ask(StatusCallback answer);
  }

  interface StatusCallback {
    void onStatus(int status);
  }

  static final String CONNECTING = "connecting";
  static final String CONNECTED = "connected";
  static final String DISCONNECTED = "disconnected";

  private final String url;
  private final Listener listener;
  private final ProfileQuestion question;
  private final Heartbeat heartbeat = new Heartbeat();
  private final PingFrames pings = new PingFrames();
  private WebSocket socket;
  private boolean socketOpened;

  /** Attempts that failed (never opened) since the last open socket. */
  private int failedAttempts;

  private String state = CONNECTING;
  private boolean stopped;
  private double beatTimer = -1;
  private double retryTimer = -1;

  NodeSocket(String token, Listener listener, ProfileQuestion question) {
    String scheme = "https:".equals(DomGlobal.location.protocol) ? "wss://" : "ws://";
    this.url =
        scheme
            + DomGlobal.location.host
            + "/v1/ws?token="
            + elemental2.core.Global.encodeURIComponent(token);
    this.listener = listener;
    this.question = question;
  }

  String state() {
    return state;
  }

  void open() {
    attempt();
  }

  private void attempt() {
    if (stopped) {
      return;
    }
    listener.onNextAttempt(river.net.OfflineNotice.NONE);
    if (!ProfileCheck.askBeforeAttempt(failedAttempts)) {
      connect();
      return;
    }
    question.ask(
        status -> {
          if (stopped) {
            return;
          }
          switch (ProfileCheck.after(status)) {
            case OPEN_SOCKET:
              connect();
              break;
            case PROFILE_UNKNOWN:
              stopped = true;
              listener.onProfileUnknown();
              break;
            default:
              failedAttempts++;
              retryLater();
          }
        });
  }

  private void connect() {
    setState(failedAttempts == 0 ? CONNECTING : DISCONNECTED);
    WebSocket ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    socket = ws;
    socketOpened = false;
    heartbeat.connecting(now());
    scheduleBeat();
    ws.onopen =
        event -> {
          if (socket != ws) {
            return;
          }
          socketOpened = true;
          failedAttempts = 0;
          heartbeat.opened(now());
          scheduleBeat();
          setState(CONNECTED);
        };
    ws.onmessage =
        event -> {
          if (socket != ws) {
            return;
          }
          heartbeat.heard(now());
          if (event.data instanceof ArrayBuffer) {
            ArrayBuffer frame = (ArrayBuffer) event.data;
            if (!PingFrames.isOwnPong(frame)) {
              listener.onFrame(frame);
            }
          }
        };
    ws.onclose =
        event -> {
          if (socket == ws) {
            lost();
          }
        };
  }

  /** The socket closed, or the heartbeat gave it up: reconnect after the backoff. */
  private void lost() {
    WebSocket gone = socket;
    boolean hadOpened = socketOpened;
    socket = null;
    cancelBeat();
    if (gone != null && gone.readyState != WebSocket.CLOSED) {
      gone.close(); // its late events are ignored: socket no longer points at it
    }
    setState(DISCONNECTED);
    if (stopped) {
      return;
    }
    if (!hadOpened) {
      failedAttempts++;
    }
    retryLater();
  }

  private void retryLater() {
    int delay = ReconnectBackoff.delayMs(failedAttempts, Math.random());
    retryTimer =
        DomGlobal.setTimeout(
            ignored -> {
              retryTimer = -1;
              attempt();
            },
            delay);
    listener.onNextAttempt(now() + delay);
  }

  /**
   * The user asked to reconnect now ("Retry now"): the waiting attempt starts at once. Nothing
   * happens while an attempt is under way or the socket is up (a second socket would race the
   * first), or after the profile turned out unknown.
   */
  void retryNow() {
    if (stopped || retryTimer < 0) {
      return;
    }
    DomGlobal.clearTimeout(retryTimer);
    retryTimer = -1;
    attempt();
  }

  private void scheduleBeat() {
    cancelBeat();
    double delay = Math.max(0, heartbeat.nextCheckAt() - now());
    beatTimer =
        DomGlobal.setTimeout(
            ignored -> {
              beatTimer = -1;
              beat();
            },
            delay);
  }

  private void beat() {
    if (socket == null) {
      return;
    }
    switch (heartbeat.check(now())) {
      case PING:
        if (socket.readyState == WebSocket.OPEN) {
          socket.send(pings.next());
        }
        scheduleBeat();
        break;
      case GIVE_UP:
        lost();
        break;
      default:
        scheduleBeat();
    }
  }

  private void cancelBeat() {
    if (beatTimer >= 0) {
      DomGlobal.clearTimeout(beatTimer);
      beatTimer = -1;
    }
  }

  private static long now() {
    return (long) JsDate.now();
  }

  void send(ArrayBuffer frame) {
    if (socket != null && socket.readyState == WebSocket.OPEN) {
      socket.send(frame);
    }
  }

  private void setState(String next) {
    if (!next.equals(state)) {
      state = next;
      listener.onState(next);
    }
  }
}
