package river.client;

import elemental2.core.ArrayBuffer;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The postMessage vocabulary between the shell and the app iframe. Plain JS objects, so that the
 * ArrayBuffer of a frame crosses the boundary by structured clone without re-encoding: {@code
 * {k:"frame", b:ArrayBuffer}} (either way), {@code {k:"status", s:"connected"}} (shell to app),
 * {@code {k:"hello"}} (app to shell, asks for the current status), {@code {k:"title", n:3}} (app to
 * shell: the unread total for the tab title; only a number crosses, the shell writes the text),
 * {@code {k:"invitation", c:"CODE"}} (shell to app, once, answering the first hello: the shell was
 * opened with {@code ?invitation=CODE}). The tab's address (the shell owns the URL, the app decides
 * what it shows): {@code {k:"address", f:"#/room/ROOM", base:"http://host/", popped:false}} (shell
 * to app: the URL's fragment and the shell's URL without it, with the answer to every hello, then
 * after each back/forward or typed fragment, {@code popped:true}); {@code {k:"history", f,
 * replace}} (app to shell: push, or replace, a room address; anything else is ignored); {@code
 * {k:"copy", f}} (app to shell: put the full URL of this room address on the clipboard, which the
 * sandbox keeps from the app) answered by {@code {k:"copied", ok}}; likewise {@code
 * {k:"copy-invitation", c:"CODE", link:false}} (the invitation code, or with {@code link:true} the
 * shell's {@code ?invitation=} link to it; the shell copies only a code that decodes as one). The
 * title message may carry the shown room's name, {@code {k:"title", n:3, r:"Lobby"}}; the shell
 * cleans it ({@code river.nav.TabTitle}). While the node cannot be reached, {@code status} also
 * carries {@code r}: milliseconds until the shell's next reconnect attempt (absent, or -1, while
 * one is under way), for the app's offline banner; {@code {k:"retry"}} (app to shell) starts the
 * waiting attempt at once ("Retry now").
 *
 * <p>The messages of one feature each have their own file: {@link OutboxMessage} (the durable
 * outbox), {@link DraftMessage} (drafts), {@link NotifyMessage} (system notifications) and {@link
 * PrefetchMessage} (the load's early reads). Every reader answers null (or false, or empty) for
 * what no page of ours would send.
 */
public final class BridgeMessage {
  public static final String FRAME = "frame";
  public static final String STATUS = "status";
  public static final String HELLO = "hello";
  public static final String TITLE = "title";
  public static final String INVITATION = "invitation";
  public static final String ADDRESS = "address";
  public static final String HISTORY = "history";
  public static final String COPY = "copy";
  public static final String COPIED = "copied";
  public static final String COPY_INVITATION = "copy-invitation";

  public static final String RETRY = "retry";

  /** Longer than any reconnect backoff: a larger countdown is not believed. */
  public static final double MAX_RETRY_IN_MS = 600_000;

  /** Longer than any room address (a room and a message id in base58 are under 150 chars). */
  public static final int MAX_FRAGMENT_CHARS = 400;

  /** The shell's URL without its fragment, as the app may use it in links. */
  public static final int MAX_BASE_CHARS = 2000;

  /** A room name longer than this is not shown in the title at all (TabTitle cuts the rest). */
  public static final int MAX_TITLE_NAME_CHARS = 2000;

  /** Longer than any invitation code (Invitation.MAX_CODE_CHARS) with room for whitespace. */
  public static final int MAX_INVITATION_CHARS = 9000;

  /** Larger unread totals are shown as this many (the shell never trusts the app's number). */
  public static final int MAX_TITLE_COUNT = 99999;

  private BridgeMessage() {}

  /** A message of kind {@code kind}, for its builder to add its fields to. */
  static JsPropertyMap<Object> message(String kind) {
    JsPropertyMap<Object> m = JsPropertyMap.of();
    m.set("k", kind);
    return m;
  }

  public static Object frame(ArrayBuffer bytes) {
    JsPropertyMap<Object> m = message(FRAME);
    m.set("b", bytes);
    return m;
  }

  public static Object status(String state) {
    JsPropertyMap<Object> m = message(STATUS);
    m.set("s", state);
    return m;
  }

  /** The status with the time until the next reconnect attempt ({@code retryInMs} < 0: none). */
  public static Object status(String state, double retryInMs) {
    Object m = status(state);
    if (retryInMs >= 0) {
      Js.asPropertyMap(m).set("r", retryInMs);
    }
    return m;
  }

  /** Milliseconds until the next attempt of a {@code status} message; -1 when none or not sane. */
  public static double statusRetryIn(Object data) {
    Object r = Js.asPropertyMap(data).get("r");
    if (!"number".equals(Js.typeof(r))) {
      return -1;
    }
    double d = Js.asDouble(r);
    return d >= 0 && d <= MAX_RETRY_IN_MS ? d : -1;
  }

  public static Object retry() {
    return message(RETRY);
  }

  public static Object hello() {
    return message(HELLO);
  }

  public static Object title(int unread) {
    JsPropertyMap<Object> m = message(TITLE);
    m.set("n", unread);
    return m;
  }

  /** The title with the shown room's name ({@code room} null: no room shown). */
  public static Object title(int unread, String room) {
    Object m = title(unread);
    if (room != null) {
      Js.asPropertyMap(m).set("r", room);
    }
    return m;
  }

  /** The room name of a {@code title} message, or null when absent or not a plausible string. */
  public static String titleRoom(Object data) {
    return string(data, "r", MAX_TITLE_NAME_CHARS);
  }

  public static Object address(String fragment, String base, boolean popped) {
    JsPropertyMap<Object> m = message(ADDRESS);
    m.set("f", fragment);
    m.set("base", base);
    m.set("popped", popped);
    return m;
  }

  public static Object history(String fragment, boolean replace) {
    JsPropertyMap<Object> m = message(HISTORY);
    m.set("f", fragment);
    m.set("replace", replace);
    return m;
  }

  public static Object copy(String fragment) {
    JsPropertyMap<Object> m = message(COPY);
    m.set("f", fragment);
    return m;
  }

  public static Object copied(boolean ok) {
    JsPropertyMap<Object> m = message(COPIED);
    m.set("ok", ok);
    return m;
  }

  /** The fragment of an address, history or copy message, or null when not a plausible string. */
  public static String fragment(Object data) {
    return string(data, "f", MAX_FRAGMENT_CHARS);
  }

  /** The shell's URL of an {@code address} message, or null when not a plausible string. */
  public static String base(Object data) {
    return string(data, "base", MAX_BASE_CHARS);
  }

  /**
   * The boolean field {@code name} ({@code popped}, {@code replace}, {@code ok}); false when
   * absent.
   */
  public static boolean flag(Object data, String name) {
    return Js.isTruthy(Js.asPropertyMap(data).get(name));
  }

  /** The string field {@code field}, or null when absent, not a string or over {@code maxChars}. */
  static String string(Object data, String field, int maxChars) {
    Object v = Js.asPropertyMap(data).get(field);
    if (!"string".equals(Js.typeof(v))) {
      return null;
    }
    String s = Js.uncheckedCast(v);
    return s.length() <= maxChars ? s : null;
  }

  /**
   * The unread total of a {@code title} message, clamped to 0..MAX_TITLE_COUNT; -1 if not a number.
   */
  public static int titleCount(Object data) {
    Object n = Js.asPropertyMap(data).get("n");
    if (!"number".equals(Js.typeof(n))) {
      return -1;
    }
    double d = Js.asDouble(n);
    if (!(d >= 0)) {
      return 0;
    }
    return (int) Math.min(d, MAX_TITLE_COUNT);
  }

  public static Object invitation(String code) {
    JsPropertyMap<Object> m = message(INVITATION);
    m.set("c", code);
    return m;
  }

  /** App to shell: copy this invitation code, or ({@code asLink}) the link that opens it. */
  public static Object copyInvitation(String code, boolean asLink) {
    JsPropertyMap<Object> m = message(COPY_INVITATION);
    m.set("c", code);
    m.set("link", asLink);
    return m;
  }

  /**
   * The code of an {@code invitation} or {@code copy-invitation} message, or null when it is not a
   * plausible string.
   */
  public static String invitationCode(Object data) {
    Object c = Js.asPropertyMap(data).get("c");
    if (!"string".equals(Js.typeof(c))) {
      return null;
    }
    String code = Js.uncheckedCast(c);
    return code.length() <= MAX_INVITATION_CHARS ? code : null;
  }

  /** The kind of a received message, or null when it is not one of ours. */
  public static String kind(Object data) {
    if (data == null || !"object".equals(Js.typeof(data))) {
      return null;
    }
    Object k = Js.asPropertyMap(data).get("k");
    return "string".equals(Js.typeof(k)) ? Js.<String>uncheckedCast(k) : null;
  }

  /** The frame bytes of a {@code frame} message, or null when it carries no ArrayBuffer. */
  public static ArrayBuffer frameBytes(Object data) {
    return buffer(data, "b");
  }

  /** A message's ArrayBuffer field, or null when it holds anything else. */
  static ArrayBuffer buffer(Object data, String field) {
    Object b = Js.asPropertyMap(data).get(field);
    return b instanceof ArrayBuffer ? (ArrayBuffer) b : null;
  }

  public static String statusState(Object data) {
    Object s = Js.asPropertyMap(data).get("s");
    return "string".equals(Js.typeof(s)) ? Js.<String>uncheckedCast(s) : null;
  }
}
