package river.wire;

import java.util.ArrayList;
import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborKind;

/**
 * Reads the snake_case fields of a struct (a CBOR map with text keys). Unknown fields are ignored
 * so newer peers can add fields; a missing or wrongly typed required field is malformed. Optional
 * byte fields accept absence or null (serde Option). Byte fields must be CBOR byte strings (major
 * type 2), never arrays of numbers.
 */
final class Fields {
  private final CborItem map;
  private final String what;

  private Fields(CborItem map, String what) {
    this.map = map;
    this.what = what;
  }

  static Fields of(CborItem item, String what) {
    if (item.kind() != CborKind.MAP) {
      throw WireException.malformed(what + " must be a map, got " + item.kind());
    }
    return new Fields(item, what);
  }

  CborItem required(String field, CborKind kind, String kindName) {
    CborItem v = map.get(field);
    if (v == null) {
      throw WireException.malformed(what + ": missing field \"" + field + "\"");
    }
    if (v.kind() != kind) {
      throw WireException.malformed(what + ": field \"" + field + "\" must be " + kindName);
    }
    return v;
  }

  CborItem any(String field) {
    CborItem v = map.get(field);
    if (v == null) {
      throw WireException.malformed(what + ": missing field \"" + field + "\"");
    }
    return v;
  }

  byte[] bytes(String field) {
    return required(field, CborKind.BYTES, "a byte string").asBytes();
  }

  /** Absent or null gives null. */
  byte[] optionalBytes(String field) {
    CborItem v = map.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.kind() != CborKind.BYTES) {
      throw WireException.malformed(what + ": field \"" + field + "\" must be bytes or null");
    }
    return v.asBytes();
  }

  /** Unsigned integer as its 64 bits (u64). */
  long uint64(String field) {
    return required(field, CborKind.UNSIGNED, "an unsigned integer").asUint64Bits();
  }

  String text(String field) {
    return required(field, CborKind.TEXT, "text").asText();
  }

  boolean bool(String field) {
    CborItem v = any(field);
    if (!v.equals(CborItem.TRUE) && !v.equals(CborItem.FALSE)) {
      throw WireException.malformed(what + ": field \"" + field + "\" must be a bool");
    }
    return v.asBool();
  }

  List<byte[]> bytesList(String field) {
    List<CborItem> items = required(field, CborKind.ARRAY, "an array").items();
    List<byte[]> out = new ArrayList<byte[]>(items.size());
    for (CborItem i : items) {
      if (i.kind() != CborKind.BYTES) {
        throw WireException.malformed(what + ": field \"" + field + "\" must hold byte strings");
      }
      out.add(i.asBytes());
    }
    return out;
  }

  /** An array of unsigned integers (u64 bits). */
  long[] uint64List(String field) {
    List<CborItem> items = required(field, CborKind.ARRAY, "an array").items();
    long[] out = new long[items.size()];
    for (int i = 0; i < out.length; i++) {
      CborItem item = items.get(i);
      if (item.kind() != CborKind.UNSIGNED) {
        throw WireException.malformed(
            what + ": field \"" + field + "\" must hold unsigned integers");
      }
      out[i] = item.asUint64Bits();
    }
    return out;
  }

  /** An array whose items are byte strings or null. */
  List<byte[]> optionalBytesList(String field) {
    List<CborItem> items = required(field, CborKind.ARRAY, "an array").items();
    List<byte[]> out = new ArrayList<byte[]>(items.size());
    for (CborItem i : items) {
      if (i.isNull()) {
        out.add(null);
      } else if (i.kind() == CborKind.BYTES) {
        out.add(i.asBytes());
      } else {
        throw WireException.malformed(
            what + ": field \"" + field + "\" must hold byte strings or null");
      }
    }
    return out;
  }

  static CborItem bytesOrNull(byte[] b) {
    return b == null ? CborItem.NULL : CborItem.bytes(b);
  }
}
