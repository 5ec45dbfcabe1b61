package river.cbor;

/**
 * The kinds of CBOR data item this codec models. Integers are split by major type (0 unsigned, 1
 * negative) because together they span -2^64 .. 2^64-1, which no Java primitive holds.
 */
public enum CborKind {
  UNSIGNED,
  NEGATIVE,
  BYTES,
  TEXT,
  ARRAY,
  MAP,
  TAG,
  SIMPLE,
  FLOAT
}
