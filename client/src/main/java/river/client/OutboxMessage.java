package river.client;

import elemental2.core.ArrayBuffer;
import elemental2.core.JsArray;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The bridge messages of the durable outbox (the shell stores, the app decides): {@code
 * {k:"outbox-put", key, b}} (app to shell) answered by {@code {k:"outbox-saved", key, ok}} once
 * committed; {@code {k:"outbox-remove", key}}; {@code {k:"outbox-list"}} answered by {@code
 * {k:"outbox-items", items:[{key, b}]}}. Kept apart from {@link BridgeMessage}, which holds the
 * vocabulary every load uses; the readers refuse what no page of ours would send.
 */
public final class OutboxMessage {
  public static final String PUT = "outbox-put";
  public static final String SAVED = "outbox-saved";
  public static final String REMOVE = "outbox-remove";
  public static final String LIST = "outbox-list";
  public static final String ITEMS = "outbox-items";

  public static final int MAX_KEY_CHARS = 200;
  public static final int MAX_BYTES = 65536;

  private OutboxMessage() {}

  public static Object put(String key, ArrayBuffer bytes) {
    JsPropertyMap<Object> m = BridgeMessage.message(PUT);
    m.set("key", key);
    m.set("b", bytes);
    return m;
  }

  public static Object saved(String key, boolean ok) {
    JsPropertyMap<Object> m = BridgeMessage.message(SAVED);
    m.set("key", key);
    m.set("ok", ok);
    return m;
  }

  public static Object remove(String key) {
    JsPropertyMap<Object> m = BridgeMessage.message(REMOVE);
    m.set("key", key);
    return m;
  }

  public static Object list() {
    return BridgeMessage.message(LIST);
  }

  public static Object items(JsArray<Object> items) {
    JsPropertyMap<Object> m = BridgeMessage.message(ITEMS);
    m.set("items", items);
    return m;
  }

  /** The outbox key of a message (or of an item), or null when it is not a plausible key. */
  public static String key(Object data) {
    Object key = Js.asPropertyMap(data).get("key");
    if (!"string".equals(Js.typeof(key))) {
      return null;
    }
    String s = Js.uncheckedCast(key);
    return !s.isEmpty() && s.length() <= MAX_KEY_CHARS ? s : null;
  }

  /** The bytes of an outbox put or item, or null when missing or too large. */
  public static ArrayBuffer bytes(Object data) {
    ArrayBuffer b = BridgeMessage.frameBytes(data);
    return b != null && b.byteLength <= MAX_BYTES ? b : null;
  }

  public static boolean ok(Object data) {
    return Js.isTruthy(Js.asPropertyMap(data).get("ok"));
  }

  /** The items of an {@code outbox-items} message (empty when malformed). */
  public static JsArray<Object> itemList(Object data) {
    Object items = Js.asPropertyMap(data).get("items");
    return JsArray.isArray(items) ? Js.<JsArray<Object>>uncheckedCast(items) : new JsArray<>();
  }
}
