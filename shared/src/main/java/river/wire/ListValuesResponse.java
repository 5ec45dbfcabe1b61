package river.wire;

import java.util.Arrays;
import java.util.List;
import river.cbor.CborItem;

/**
 * The answer to a {@link DelegateRequest.ListValues}: every key of the store, in the node's order,
 * as a List answer has them, and the values and generations of the first {@link #valued()} of them,
 * as a GetMany answer has them (a value null and its generation 0 when the key is gone since it was
 * listed). Wire shape: {@code {"ListValuesResponse": {"keys": [bytes], "values": [bytes or null],
 * "generations": [uint]}}}, values and generations of one length, at most the keys'. Hazard: the
 * values are a prefix of the keys, not of what the asker wants; it reads what is missing by
 * GetMany.
 */
public final class ListValuesResponse extends DelegateResponse {
  private final List<byte[]> keys;
  private final List<byte[]> values;
  private final long[] generations;

  public ListValuesResponse(List<byte[]> keys, List<byte[]> values, long[] generations) {
    super(LIST_VALUES_RESPONSE);
    if (values.size() != generations.length || values.size() > keys.size()) {
      throw unpaired("ListValuesResponse", keys, values, generations);
    }
    this.keys = requiredAll(keys, "key");
    this.values = nullableCopies(values);
    this.generations = Arrays.copyOf(generations, generations.length);
  }

  /** Takes the three as they are, none copied: for a decoder that made them for this answer. */
  static ListValuesResponse adopt(List<byte[]> keys, List<byte[]> values, long[] generations) {
    return new ListValuesResponse(keys, values, generations, true);
  }

  private ListValuesResponse(
      List<byte[]> keys, List<byte[]> values, long[] generations, boolean adopt) {
    super(LIST_VALUES_RESPONSE);
    this.keys = keys;
    this.values = values;
    this.generations = generations;
  }

  /**
   * The answer carrying the longest prefix of {@code values} (read for the first keys, in order)
   * that fits {@code maxBytes} (u64 bits): every key's length, plus each carried value's length and
   * 9 (its envelope's worth, for its place in the arrays). Keys over the budget alone carry none.
   * The node and the test models answer by this one rule.
   */
  public static ListValuesResponse fitting(
      List<byte[]> keys, List<byte[]> values, long[] generations, long maxBytes) {
    long total = keysCost(keys);
    int n = 0;
    while (n < values.size() && n < keys.size()) {
      total += valueCost(values.get(n));
      if (over(total, maxBytes)) {
        break;
      }
      n++;
    }
    return new ListValuesResponse(keys, values.subList(0, n), Arrays.copyOf(generations, n));
  }

  /** What the keys cost of a budget: every key's length. */
  public static long keysCost(List<byte[]> keys) {
    long total = 0;
    for (byte[] k : keys) {
      total += k.length;
    }
    return total;
  }

  /** What a carried value (null: absent) costs of a budget: its length and 9. */
  public static long valueCost(byte[] value) {
    return 9 + (value == null ? 0 : value.length);
  }

  /** Whether {@code total} passes {@code maxBytes} (u64 bits: a negative long is 2^63 or more). */
  public static boolean over(long total, long maxBytes) {
    return maxBytes >= 0 && total > maxBytes;
  }

  /** The budget a node serves: {@code maxBytes} (u64 bits), at most {@code cap} (not negative). */
  public static long capped(long maxBytes, long cap) {
    return maxBytes < 0 || maxBytes > cap ? cap : maxBytes;
  }

  /** Every key, as a List answer (the keys are shared with it, not copied: both are read-only). */
  public DelegateResponse.ListKeys listed() {
    return DelegateResponse.ListKeys.adopt(keys);
  }

  /** The first keys with their values, as a GetMany answer for them (shared, not copied). */
  public DelegateResponse.GetMany valuedPart() {
    return DelegateResponse.GetMany.adopt(keys.subList(0, values.size()), values, generations);
  }

  /** How many of the first keys came with their values. */
  public int valued() {
    return values.size();
  }

  @Override
  public CborItem toCbor() {
    return tagged(keyedValues(keys, values, generations));
  }
}
