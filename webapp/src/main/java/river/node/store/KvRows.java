package river.node.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reading the kv table on a read connection: one value, the keys of one (user, delegate), and the
 * typed decoding of a stored value. Hazard: sqlite-jdbc reads a zero-length blob as null, and a row
 * of the wrong type is corrupt, not absent: {@link #blobValue} must tell these apart.
 */
final class KvRows {

  private KvRows() {}

  /** The stored bytes, or null when absent. */
  static byte[] get(ReadPool.ReadConn rc, String user, byte[] d, byte[] k) throws SQLException {
    rc.get.setString(1, user);
    rc.get.setBytes(2, d);
    rc.get.setBytes(3, k);
    try (ResultSet rs = rc.get.executeQuery()) {
      return rs.next() ? blobValue(rs, user, k) : null;
    }
  }

  /** Every key of this user and delegate, in unsigned byte order (a primary-key range scan). */
  static List<byte[]> listKeys(ReadPool.ReadConn rc, String user, byte[] d) throws SQLException {
    rc.list.setString(1, user);
    rc.list.setBytes(2, d);
    List<byte[]> keys = new ArrayList<>();
    try (ResultSet rs = rc.list.executeQuery()) {
      while (rs.next()) {
        byte[] key = rs.getBytes(1);
        if (key == null) {
          throw new CorruptRowException("null key in kv for user " + user);
        }
        keys.add(key);
      }
    }
    return keys;
  }

  /** Column 1 is {@code typeof(value)}, column 2 the value. */
  static byte[] blobValue(ResultSet rs, String user, byte[] key) throws SQLException {
    String type = rs.getString(1);
    if (!"blob".equals(type)) {
      throw new CorruptRowException(
          "stored value for user "
              + user
              + ", key "
              + HexFormat.of().formatHex(key)
              + " is "
              + type
              + ", not a blob");
    }
    byte[] v = rs.getBytes(2);
    return v == null ? new byte[0] : v; // sqlite-jdbc reads a zero-length blob as null
  }
}
