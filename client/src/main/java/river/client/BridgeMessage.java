package river.client;

import elemental2.core.ArrayBuffer;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The postMessage vocabulary between the shell and the app iframe. Plain JS objects, so that
 * the ArrayBuffer of a frame crosses the boundary by structured clone without re-encoding:
 * {@code {k:"frame", b:ArrayBuffer}} (either way), {@code {k:"status", s:"connected"}} (shell to
 * app), {@code {k:"hello"}} (app to shell, asks for the current status).
 */
public final class BridgeMessage {
  public static final String FRAME = "frame";
  public static final String STATUS = "status";
  public static final String HELLO = "hello";

  private BridgeMessage() {}

  public static Object frame(ArrayBuffer bytes) {
    JsPropertyMap<Object> m = JsPropertyMap.of();
    m.set("k", FRAME);
    m.set("b", bytes);
    return m;
  }

  public static Object status(String state) {
    JsPropertyMap<Object> m = JsPropertyMap.of();
    m.set("k", STATUS);
    m.set("s", state);
    return m;
  }

  public static Object hello() {
    JsPropertyMap<Object> m = JsPropertyMap.of();
    m.set("k", HELLO);
    return m;
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
    Object b = Js.asPropertyMap(data).get("b");
    return b instanceof ArrayBuffer ? (ArrayBuffer) b : null;
  }

  public static String statusState(Object data) {
    Object s = Js.asPropertyMap(data).get("s");
    return "string".equals(Js.typeof(s)) ? Js.<String>uncheckedCast(s) : null;
  }
}
