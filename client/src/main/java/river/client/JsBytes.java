package river.client;

import elemental2.core.ArrayBuffer;
import elemental2.core.Int8Array;
import elemental2.core.JsArray;
import elemental2.core.Uint8Array;
import jsinterop.base.Js;
import jsinterop.base.JsArrayLike;

/**
 * Copies between Java byte arrays and the ArrayBuffers that WebSocket and postMessage carry. A J2CL
 * {@code byte[]} is a JS array of numbers from -128 to 127, which is what an Int8Array view reads,
 * so each byte is copied as it is: both sides are seen as untyped array-likes, so the compiled loop
 * is a plain element copy, without the cast, narrowing and array-store checks a typed Java loop
 * gets per byte (those took ~10 % of a 5,000-room load, every frame being copied once).
 */
public final class JsBytes {
  private JsBytes() {}

  public static byte[] fromBuffer(ArrayBuffer buffer) {
    JsArrayLike<Object> from = Js.uncheckedCast(new Int8Array(buffer));
    int n = from.getLength();
    // Grown from empty, element after element: J2CL makes new byte[n] a JS Array(n), which V8
    // keeps as a slow dictionary above ~100,000 elements (a 5,000-room List answer is 255 KB).
    byte[] out = new byte[0];
    JsArrayLike<Object> to = Js.uncheckedCast(out);
    for (int i = 0; i < n; i++) {
      to.setAt(i, from.getAt(i));
    }
    return out;
  }

  public static ArrayBuffer toBuffer(byte[] bytes) {
    // The typed array's constructor converts each number to an unsigned byte (-1 becomes 255).
    JsArray<Double> values = Js.uncheckedCast(bytes);
    return new Uint8Array(values).buffer;
  }
}
