package river.client;

import elemental2.core.ArrayBuffer;
import elemental2.core.Uint8Array;
import jsinterop.base.Js;
import jsinterop.base.JsArrayLike;

/** Copies between Java byte arrays and the ArrayBuffers that WebSocket and postMessage carry. */
public final class JsBytes {
  private JsBytes() {}

  public static byte[] fromBuffer(ArrayBuffer buffer) {
    JsArrayLike<Double> view = Js.uncheckedCast(new Uint8Array(buffer));
    int n = view.getLength();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) view.getAt(i).intValue();
    }
    return out;
  }

  public static ArrayBuffer toBuffer(byte[] bytes) {
    Uint8Array array = new Uint8Array(bytes.length);
    JsArrayLike<Double> view = Js.uncheckedCast(array);
    for (int i = 0; i < bytes.length; i++) {
      view.setAt(i, (double) (bytes[i] & 0xff));
    }
    return array.buffer;
  }
}
