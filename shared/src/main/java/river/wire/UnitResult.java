package river.wire;

import river.cbor.CborItem;
import river.cbor.CborKind;

/**
 * serde's Result<(), String> as used by StoreResponse and DeleteResponse: {"Ok": null} or {"Err":
 * text}. Hazard: "Ok" must carry an explicit CBOR null (the unit value), not be a bare text, or
 * serde peers refuse it.
 */
public final class UnitResult extends WireValue {
  public static final UnitResult OK = new UnitResult(null);

  private final String error;

  private UnitResult(String error) {
    this.error = error;
  }

  public static UnitResult err(String message) {
    if (message == null) {
      throw new NullPointerException("message");
    }
    return new UnitResult(message);
  }

  public boolean isOk() {
    return error == null;
  }

  /** The error text, or null when ok. */
  public String error() {
    return error;
  }

  public static UnitResult fromCbor(CborItem item) {
    Variant v = Variant.read(item, "Result");
    if (v.name().equals("Ok")) {
      if (!v.value().isNull()) {
        throw WireException.malformed("Result Ok must carry null");
      }
      return OK;
    }
    if (v.name().equals("Err")) {
      CborItem text = v.value();
      if (text.kind() != CborKind.TEXT) {
        throw WireException.malformed("Result Err must carry text");
      }
      return err(text.asText());
    }
    throw v.unknown();
  }

  @Override
  public CborItem toCbor() {
    return error == null
        ? Variant.tagged("Ok", CborItem.NULL)
        : Variant.tagged("Err", CborItem.text(error));
  }
}
