package river.node.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@link DelegateStore#readMany}: the rows a many-key query found (in whatever order
 * the database returned them) put back in the order the caller asked, null where a key has no row.
 * Hazard: a key asked twice gets its own copy the second time, so no two slots of one answer share
 * an array that a caller could change for both.
 */
final class ReadManyAnswer {
  private final Map<ByteBuffer, byte[]> found = new HashMap<>();

  /** A row the query returned. */
  void found(byte[] key, byte[] value) {
    found.put(ByteBuffer.wrap(key), value);
  }

  /** The values in the order of {@code keys}. */
  List<byte[]> inOrderOf(List<byte[]> keys) {
    List<byte[]> out = new ArrayList<>(keys.size());
    Set<ByteBuffer> given = new HashSet<>();
    for (byte[] k : keys) {
      ByteBuffer b = ByteBuffer.wrap(k);
      byte[] v = found.get(b);
      out.add(v == null ? null : given.add(b) ? v : v.clone());
    }
    return out;
  }
}
