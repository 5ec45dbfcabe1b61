package river.engine;

import java.util.ArrayList;
import java.util.List;
import river.rooms.Bytes;
import river.rooms.RoomKey;
import river.rooms.RoomStorageKeys;
import river.wire.DelegateRequest;
import river.wire.Op;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * The reads every tab's load starts with, as wire ops: the current delegate's ListValues (its keys,
 * and the values of as many of them as fit {@link #LIST_VALUES_BUDGET}: at 500 rooms every slot),
 * then GetMany batches of up to {@link DelegateRequest.GetMany#MAX_KEYS} keys for the room slots
 * and meta that did not fit (when the load plan reads per-room slots). {@link LoadFlow} sends
 * these, and the shell sends the first as soon as its socket is open, while the app frame is still
 * starting, to hand its answer over when the app asks (issue 18). The two sides compare reads by
 * {@link #opKey}; if they ever disagreed, the app would simply ask the node itself, so this file
 * keeps the rule in one place rather than making it safe.
 */
public final class LoadReads {
  private LoadReads() {}

  /**
   * What the load's ListValues asks for, keys and values together: 500 rooms' slots (~200 KB) fit
   * with their keys, so a load of up to about a thousand rooms is one read. More rooms read the
   * rest by GetMany, pipelined. Twice as large a frame would only move work from the GetManys that
   * follow, which the app decodes as they come, to one frame decoded at once.
   */
  public static final int LIST_VALUES_BUDGET = 512 * 1024;

  /** The load's first read: the current delegate's keys, with the values that fit. */
  public static Op listValues(Bytes current) {
    return new Op.Delegate(current.toArray(), listValuesRequest());
  }

  static DelegateRequest.ListValues listValuesRequest() {
    return new DelegateRequest.ListValues(LIST_VALUES_BUDGET);
  }

  /** The storage keys of a delegate's per-room state: each room's slot, then the meta if listed. */
  static List<String> slotKeys(List<RoomKey> rooms, List<String> listed) {
    List<String> wanted = new ArrayList<String>(rooms.size() + 1);
    for (RoomKey k : rooms) {
      wanted.add(RoomStorageKeys.roomKey(k));
    }
    if (listed.contains(RoomStorageKeys.ROOMS_META)) {
      wanted.add(RoomStorageKeys.ROOMS_META);
    }
    return wanted;
  }

  /** {@code keys} in order, cut into GetMany-sized batches. */
  static List<List<String>> batches(List<String> keys) {
    List<List<String>> out = new ArrayList<List<String>>();
    int max = DelegateRequest.GetMany.MAX_KEYS;
    for (int from = 0; from < keys.size(); from += max) {
      out.add(new ArrayList<String>(keys.subList(from, Math.min(keys.size(), from + max))));
    }
    return out;
  }

  static DelegateRequest.GetMany getMany(List<String> batch) {
    return new DelegateRequest.GetMany(KeyText.bytes(batch));
  }

  /** What identifies a read on both sides of the bridge: the op's request frame with id 0. */
  public static byte[] opKey(Op op) {
    return WireCodec.encodeRequest(new Request(0, op));
  }
}
