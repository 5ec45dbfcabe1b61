package river.room;

import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborKind;

/**
 * Strict field access for the room's CBOR structs (maps with text keys). Every shape problem
 * becomes a {@link RoomValidationException} naming the struct and field, so a malformed state or
 * delta is refused with a reason instead of an accessor's CborException. Unknown fields are ignored
 * like on the wire; the canonical re-encoding drops them (hazard: a signature covers the canonical
 * bytes, so an item carrying unknown fields is verified without them).
 */
final class ItemReader {
  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  private final CborItem map;
  private final String what;

  private ItemReader(CborItem map, String what) {
    this.map = map;
    this.what = what;
  }

  static ItemReader of(CborItem item, String what) {
    if (item == null || item.kind() != CborKind.MAP) {
      throw new RoomValidationException(what + " must be a map");
    }
    return new ItemReader(item, what);
  }

  CborItem any(String field) {
    CborItem v = map.get(field);
    if (v == null) {
      throw new RoomValidationException(what + ": missing field " + field);
    }
    return v;
  }

  CborItem optional(String field) {
    CborItem v = map.get(field);
    return v == null || v.isNull() ? null : v;
  }

  byte[] bytes(String field) {
    CborItem v = any(field);
    if (v.kind() != CborKind.BYTES) {
      throw new RoomValidationException(what + ": " + field + " must be a byte string");
    }
    return v.asBytes();
  }

  byte[] bytes(String field, int length) {
    byte[] b = bytes(field);
    if (b.length != length) {
      throw new RoomValidationException(
          what + ": " + field + " must be " + length + " bytes, got " + b.length);
    }
    return b;
  }

  byte[] key(String field) {
    return bytes(field, KEY_BYTES);
  }

  byte[] signature() {
    return bytes("signature", SIGNATURE_BYTES);
  }

  /** Unsigned integer that fits a long (0 .. 2^63-1). */
  long uint(String field) {
    CborItem v = any(field);
    if (v.kind() != CborKind.UNSIGNED || v.asUint64Bits() < 0) {
      throw new RoomValidationException(what + ": " + field + " must be an unsigned integer");
    }
    return v.asLong();
  }

  int smallUint(String field) {
    long v = uint(field);
    if (v > Integer.MAX_VALUE) {
      throw new RoomValidationException(what + ": " + field + " is too large");
    }
    return (int) v;
  }

  boolean bool(String field) {
    CborItem v = any(field);
    if (!v.equals(CborItem.TRUE) && !v.equals(CborItem.FALSE)) {
      throw new RoomValidationException(what + ": " + field + " must be a bool");
    }
    return v.asBool();
  }

  String text(String field) {
    CborItem v = any(field);
    if (v.kind() != CborKind.TEXT) {
      throw new RoomValidationException(what + ": " + field + " must be text");
    }
    return v.asText();
  }

  List<CborItem> array(String field) {
    CborItem v = any(field);
    if (v.kind() != CborKind.ARRAY) {
      throw new RoomValidationException(what + ": " + field + " must be an array");
    }
    return v.items();
  }
}
