package river.wire;

import java.util.ArrayList;
import java.util.List;
import river.cbor.CborCursor;

/**
 * Reads a GetMany answer frame of the shape this codec writes, {@code {"id": n, "ok": {"Delegate":
 * {"GetManyResponse": {"keys": [...], "values": [...], "generations": [...]}}}}} with definite
 * lengths and the fields in that order, straight from its bytes: a tab with 500 rooms reads its
 * slots in four such frames of ~50 KB, and building their CBOR trees was about a tenth of the
 * load's time in the app (issue 18). Anything else gives null, and {@link WireCodec} decodes the
 * frame the usual way, which alone decides what is accepted and why. Hazard: this reader must never
 * accept a frame that decoding refuses, nor read one differently; GetManyFrameTest compares the two
 * over generated and mutated frames.
 */
final class GetManyFrame {
  private GetManyFrame() {}

  /** Whether a map of {@code n} entries comes next (its head is then read). */
  private static boolean map(CborCursor c, int n) {
    return c.peek() >>> 5 == CborCursor.MAP && c.count(CborCursor.MAP) == n;
  }

  /** The response, or null when the frame is not the usual shape (decode it the usual way). */
  static Response read(byte[] frame) {
    try {
      CborCursor c = new CborCursor(frame);
      // Checked with peeks, so that the frames of other shapes (most of them) cost no exception.
      if (!map(c, 2) || !"id".equals(c.text())) {
        return null;
      }
      long id = c.uint();
      if (!"ok".equals(c.text())
          || !map(c, 1)
          || !"Delegate".equals(c.text())
          || !map(c, 1)
          || !"GetManyResponse".equals(c.text())
          || !map(c, 3)
          || !"keys".equals(c.text())) {
        return null;
      }
      int n = c.count(CborCursor.ARRAY);
      List<byte[]> keys = new ArrayList<byte[]>(n);
      for (int i = 0; i < n; i++) {
        keys.add(c.bytes());
      }
      if (!"values".equals(c.text()) || c.count(CborCursor.ARRAY) != n) {
        return null;
      }
      List<byte[]> values = new ArrayList<byte[]>(n);
      for (int i = 0; i < n; i++) {
        values.add(c.nullNext() ? null : c.bytes());
      }
      if (!"generations".equals(c.text()) || c.count(CborCursor.ARRAY) != n) {
        return null;
      }
      long[] generations = new long[n];
      for (int i = 0; i < n; i++) {
        generations[i] = c.uint();
      }
      if (!c.atEnd()) {
        return null;
      }
      return Response.ok(
          id, new OpResult.Delegate(DelegateResponse.GetMany.adopt(keys, values, generations)));
    } catch (RuntimeException notTheUsualShape) {
      return null;
    }
  }
}
