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
 * is a plain element copy, without the cast and narrowing a typed Java loop gets per byte. Into a
 * preallocated array: growing one from empty was 3x slower per 51 KB frame (V8 in Node 20).
 */
public final class JsBytes {
  private JsBytes() {}

  public static byte[] fromBuffer(ArrayBuffer buffer) {
    return copy(new Int8Array(buffer));
  }

  /** A copy of at most the first {@code max} bytes of {@code buffer}. */
  public static byte[] prefix(ArrayBuffer buffer, int max) {
    return copy(new Int8Array(buffer, 0, Math.min(max, buffer.byteLength)));
  }

  private static byte[] copy(Int8Array view) {
    JsArrayLike<Object> from = Js.uncheckedCast(view);
    int n = from.getLength();
    byte[] out = new byte[n];
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
