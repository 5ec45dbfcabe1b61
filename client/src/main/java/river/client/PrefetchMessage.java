package river.client;

import elemental2.core.ArrayBuffer;
import jsinterop.base.JsPropertyMap;

/**
 * The two bridge messages of the load's early reads (issue 18; {@code river.engine.LoadReads}),
 * both shell to app: {@code {k:"prefetch-sent", op:ArrayBuffer}} (the shell sent this read to the
 * node; {@code op} is its op key, the request frame with id 0) and {@code {k:"prefetch-answer",
 * op:ArrayBuffer, b:ArrayBuffer}} (the node's answer frame to it, as the node sent it). Kept apart
 * from {@link BridgeMessage}, which holds everything else the pages say.
 */
public final class PrefetchMessage {
  public static final String SENT = "prefetch-sent";
  public static final String ANSWER = "prefetch-answer";

  private PrefetchMessage() {}

  public static Object sent(ArrayBuffer opKey) {
    JsPropertyMap<Object> m = BridgeMessage.message(SENT);
    m.set("op", opKey);
    return m;
  }

  public static Object answer(ArrayBuffer opKey, ArrayBuffer frame) {
    JsPropertyMap<Object> m = BridgeMessage.message(ANSWER);
    m.set("op", opKey);
    m.set("b", frame);
    return m;
  }

  /** The op key of either message, or null when it carries no ArrayBuffer. */
  public static ArrayBuffer opKey(Object data) {
    return BridgeMessage.buffer(data, "op");
  }

  /** The answer frame of a {@code prefetch-answer}, or null. */
  public static ArrayBuffer frame(Object data) {
    return BridgeMessage.frameBytes(data);
  }
}
