package river.wire;

import java.util.ArrayList;
import java.util.List;
import river.cbor.CborCursor;

/**
 * Reads the answers a tab's load reads in bulk straight from their bytes, when they have the shape
 * this codec writes (definite lengths, the fields in this order): a List answer, {@code {"id": n,
 * "ok": {"Delegate": {"ListResponse": {"keys": [...]}}}}}, a GetMany answer, {@code {"id": n, "ok":
 * {"Delegate": {"GetManyResponse": {"keys": [...], "values": [...], "generations": [...]}}}}}, and
 * a ListValues answer, shaped as a GetMany answer named "ListValuesResponse" whose values and
 * generations may be fewer than its keys. A tab with 500 rooms reads a List answer of 500 keys and
 * four GetMany answers of ~50 KB, and building their CBOR trees was about a tenth of the load's
 * time in the app (issue 18). Anything else gives null, and {@link WireCodec} decodes the frame the
 * usual way, which alone decides what is accepted and why. Hazard: this reader must never accept a
 * frame that decoding refuses, nor read one differently; LoadAnswerFrameTest compares the two over
 * generated and mutated frames.
 */
final class LoadAnswerFrame {
  private LoadAnswerFrame() {}

  /** Whether a map of {@code n} entries comes next (its head is then read). */
  private static boolean map(CborCursor c, int n) {
    return c.peek() >>> 5 == CborCursor.MAP && c.count(CborCursor.MAP) == n;
  }

  /** The response, or null when the frame is not one of the usual shapes (decode it as usual). */
  static Response read(byte[] frame) {
    try {
      CborCursor c = new CborCursor(frame);
      // Checked with peeks, so that the frames of other shapes (most of them) cost no exception.
      if (!map(c, 2) || !"id".equals(c.text())) {
        return null;
      }
      long id = c.uint();
      if (!"ok".equals(c.text()) || !map(c, 1) || !"Delegate".equals(c.text()) || !map(c, 1)) {
        return null;
      }
      String variant = c.text();
      DelegateResponse answer =
          "GetManyResponse".equals(variant)
              ? getMany(c, false)
              : "ListValuesResponse".equals(variant)
                  ? getMany(c, true)
                  : "ListResponse".equals(variant) ? list(c) : null;
      return answer != null && c.atEnd() ? Response.ok(id, new OpResult.Delegate(answer)) : null;
    } catch (RuntimeException notTheUsualShape) {
      return null;
    }
  }

  private static DelegateResponse list(CborCursor c) {
    if (!map(c, 1) || !"keys".equals(c.text())) {
      return null;
    }
    return DelegateResponse.ListKeys.adopt(keys(c));
  }

  /**
   * A GetMany answer, or with {@code prefix} a ListValues answer: the same three fields, whose
   * values and generations may be fewer than its keys.
   */
  private static DelegateResponse getMany(CborCursor c, boolean prefix) {
    if (!map(c, 3) || !"keys".equals(c.text())) {
      return null;
    }
    List<byte[]> keys = keys(c);
    if (!"values".equals(c.text())) {
      return null;
    }
    int n = c.count(CborCursor.ARRAY);
    if (prefix ? n > keys.size() : n != keys.size()) {
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
    return prefix
        ? ListValuesResponse.adopt(keys, values, generations)
        : DelegateResponse.GetMany.adopt(keys, values, generations);
  }

  /** An array of byte strings. */
  private static List<byte[]> keys(CborCursor c) {
    int n = c.count(CborCursor.ARRAY);
    List<byte[]> keys = new ArrayList<byte[]>(n);
    for (int i = 0; i < n; i++) {
      keys.add(c.bytes());
    }
    return keys;
  }
}
