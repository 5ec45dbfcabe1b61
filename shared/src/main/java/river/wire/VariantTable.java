package river.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.cbor.CborItem;
import river.cbor.ReadOnly;

/**
 * The variants of one externally tagged enum, as one table of rows: a variant's name and its
 * decoder, written together once. Each variant class takes its {@link Name} from its row (the only
 * way to get one), so the decoder, the encoder and {@code variantName()} spell a variant the same
 * way, and a row without a decoder cannot be written.
 *
 * <p>Decoding looks the name up before reading any field: a name without a row is {@link
 * ErrorCodes#UNKNOWN_OP} (a newer peer's variant), a known name with the wrong shape is {@link
 * ErrorCodes#MALFORMED}. Hazard this replaces: a list of known names beside an if-chain, where a
 * name added to the list without its own branch fell through to the chain's last branch and decoded
 * as another variant (a new delegate request read as a CasStore).
 *
 * <p>Rows are added in the enum's static initializer, before any constant instance of the enum
 * (such as {@code DelegateRequest.LIST}) is built: the variant constructors refuse a null name, so
 * a wrong order fails at class initialization instead of encoding a nameless variant.
 */
final class VariantTable<T> {
  /** Decodes a variant whose name matched the row; checks the shape itself. */
  interface Decoder<T> {
    T decode(Variant v);
  }

  /** A struct variant {"Name": {fields}}. */
  interface StructDecoder<T> {
    T decode(Fields f);
  }

  /** A newtype variant {"Name": value}. */
  interface NewtypeDecoder<T> {
    T decode(CborItem value);
  }

  /** A unit variant "Name": its one value (read lazily, the constant may be built later). */
  interface UnitValue<T> {
    T get();
  }

  /** A variant's wire name, handed out only by a row of a table. */
  static final class Name {
    private final String text;

    private Name(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }

    /** {@code name} itself; null means a variant was built before its row was added. */
    static Name check(Name name, VariantTable<?> table) {
      if (name == null) {
        throw new IllegalStateException(
            table.enumName
                + ": a variant was built before its table row (static initializer order)");
      }
      return name;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final String enumName;
  private final Map<String, Decoder<T>> decoders = new HashMap<String, Decoder<T>>();
  private final List<String> names = new ArrayList<String>();

  /** {@code enumName} is what error messages call the enum, e.g. "DelegateRequest". */
  VariantTable(String enumName) {
    this.enumName = enumName;
  }

  Name row(String name, Decoder<T> decoder) {
    if (name == null || decoder == null) {
      throw new NullPointerException(enumName + ": a row needs a name and a decoder");
    }
    if (decoders.containsKey(name)) {
      throw new IllegalStateException(enumName + ": two rows named " + name);
    }
    decoders.put(name, decoder);
    names.add(name);
    return new Name(name);
  }

  Name struct(final String name, final StructDecoder<T> decoder) {
    if (decoder == null) {
      throw new NullPointerException(enumName + " " + name + ": no decoder");
    }
    return row(
        name,
        new Decoder<T>() {
          @Override
          public T decode(Variant v) {
            return decoder.decode(v.fields());
          }
        });
  }

  Name newtype(final String name, final NewtypeDecoder<T> decoder) {
    if (decoder == null) {
      throw new NullPointerException(enumName + " " + name + ": no decoder");
    }
    return row(
        name,
        new Decoder<T>() {
          @Override
          public T decode(Variant v) {
            return decoder.decode(v.value());
          }
        });
  }

  Name unit(final String name, final UnitValue<T> value) {
    if (value == null) {
      throw new NullPointerException(enumName + " " + name + ": no value");
    }
    return row(
        name,
        new Decoder<T>() {
          @Override
          public T decode(Variant v) {
            v.requireUnit();
            return value.get();
          }
        });
  }

  /** The variant {@code item} encodes; WireException unknown_op or malformed otherwise. */
  T decode(CborItem item) {
    Variant v = Variant.read(item, enumName);
    Decoder<T> decoder = decoders.get(v.name());
    if (decoder == null) {
      throw v.unknown(); // before any shape check: a newer variant is unknown, not malformed
    }
    return decoder.decode(v);
  }

  /** The variant names in row order. */
  List<String> names() {
    return ReadOnly.list(names);
  }

  String enumName() {
    return enumName;
  }
}
