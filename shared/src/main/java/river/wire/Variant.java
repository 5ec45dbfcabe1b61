package river.wire;

import river.cbor.CborDiag;
import river.cbor.CborEntry;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * An externally tagged enum value, as serde writes it: a unit variant is the text "Name", a struct
 * or newtype variant is the one-entry map {"Name": value}. Reading checks the shape and leaves the
 * meaning of the name to the enum; an unknown name is {@link ErrorCodes#UNKNOWN_OP} while a wrong
 * shape is {@link ErrorCodes#MALFORMED} (hazard: mixing the two would tell a client its well-formed
 * but newer request was garbage).
 */
final class Variant {
  private final String enumName;
  private final String name;
  private final CborItem value;

  private Variant(String enumName, String name, CborItem value) {
    this.enumName = enumName;
    this.name = name;
    this.value = value;
  }

  static Variant read(CborItem item, String enumName) {
    if (item.kind() == CborKind.TEXT) {
      return new Variant(enumName, item.asText(), null);
    }
    if (item.kind() == CborKind.MAP && item.entries().size() == 1) {
      CborEntry e = item.entries().get(0);
      if (e.key().kind() == CborKind.TEXT) {
        return new Variant(enumName, e.key().asText(), e.value());
      }
    }
    throw WireException.malformed(
        enumName + " must be a text or a one-entry map, got " + item.kind());
  }

  String name() {
    return name;
  }

  /** For a unit variant: fails if a value came with it. */
  void requireUnit() {
    if (value != null) {
      throw WireException.malformed(enumName + " " + name + " takes no value");
    }
  }

  /** For a newtype variant: its value. */
  CborItem value() {
    if (value == null) {
      throw WireException.malformed(enumName + " " + name + " needs a value");
    }
    return value;
  }

  /** For a struct variant: its field map. */
  Fields fields() {
    return Fields.of(value(), enumName + " " + name);
  }

  WireException unknown() {
    // The name is peer-chosen text: cut it so the error response stays small.
    return new WireException(
        ErrorCodes.UNKNOWN_OP, "unknown " + enumName + " variant \"" + CborDiag.brief(name) + "\"");
  }

  static CborItem unit(String name) {
    return CborItem.text(name);
  }

  static CborItem tagged(String name, CborItem value) {
    return CborMap.builder().put(name, value).build();
  }
}
