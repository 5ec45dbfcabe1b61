package river.net;

/**
 * When a socket that looks open is in fact dead. A connection can go silent without closing (a
 * sleeping laptop, a NAT that forgot the flow, a proxy that stopped forwarding): the browser keeps
 * reporting it open, so the app would show "connected" forever. The rule:
 *
 * <ul>
 *   <li>an attempt that has neither opened nor failed after {@link #OPEN_MS} is given up (a
 *       handshake into a black hole never ends by itself);
 *   <li>once open, after {@link #IDLE_MS} without hearing a single frame the host sends a Ping;
 *   <li>if nothing at all is heard within {@link #ANSWER_MS} of that Ping, the socket is given up
 *       (closed and reopened with the usual backoff).
 * </ul>
 *
 * Any frame counts as a sign of life, not only the Pong: a busy socket never pings. Only hearing
 * counts, not sending: a socket that swallows requests and answers nothing is the very case to
 * catch. Decisions depend only on the times passed in, so a timer that fires late (a throttled
 * background tab) cannot declare a socket dead that answered in the meantime. Pure state and a
 * caller-supplied clock: the browser's shell and the JVM tests share it.
 */
public final class Heartbeat {
  public static final int IDLE_MS = 10_000;
  public static final int ANSWER_MS = 5_000;
  public static final int OPEN_MS = 10_000;

  public enum Action {
    /** Nothing to do until {@link #nextCheckAt()}. */
    WAIT,
    /** Send one Ping now. */
    PING,
    /** The socket is dead: close it and reconnect. */
    GIVE_UP
  }

  private final int idleMs;
  private final int answerMs;
  private final int openMs;
  private boolean open;

  /** When the attempt started (connecting) or when a frame was last heard (open). */
  private long since;

  /** When the unanswered Ping went out, or -1. */
  private long pingSentAt = -1;

  public Heartbeat() {
    this(IDLE_MS, ANSWER_MS, OPEN_MS);
  }

  public Heartbeat(int idleMs, int answerMs, int openMs) {
    if (idleMs <= 0 || answerMs <= 0 || openMs <= 0) {
      throw new IllegalArgumentException("heartbeat periods must be positive");
    }
    this.idleMs = idleMs;
    this.answerMs = answerMs;
    this.openMs = openMs;
  }

  /** A new attempt to connect started. */
  public void connecting(long now) {
    open = false;
    since = now;
    pingSentAt = -1;
  }

  /** The attempt opened: the socket is as good as freshly heard from. */
  public void opened(long now) {
    open = true;
    since = now;
    pingSentAt = -1;
  }

  /** A frame arrived (any frame: an answer, a push, the Pong). Nothing counts before opening. */
  public void heard(long now) {
    if (!open) {
      return;
    }
    if (now > since) {
      since = now;
    }
    pingSentAt = -1;
  }

  /** What to do at {@code now}; PING also records that the Ping goes out now. */
  public Action check(long now) {
    if (!open) {
      return now - since >= openMs ? Action.GIVE_UP : Action.WAIT;
    }
    if (pingSentAt >= 0) {
      return now - pingSentAt >= answerMs ? Action.GIVE_UP : Action.WAIT;
    }
    if (now - since >= idleMs) {
      pingSentAt = now;
      return Action.PING;
    }
    return Action.WAIT;
  }

  /** When {@link #check} next has something to decide (the host sets its timer to this). */
  public long nextCheckAt() {
    if (!open) {
      return since + openMs;
    }
    if (pingSentAt >= 0) {
      return pingSentAt + answerMs;
    }
    return since + idleMs;
  }
}
