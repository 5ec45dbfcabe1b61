package river.engine;

import java.util.ArrayList;
import java.util.List;
import river.rooms.Bytes;
import river.rooms.LoadPlan;
import river.rooms.RoomKey;
import river.rooms.RoomStorageKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * The reads every tab's load starts with, as wire ops: the current delegate's List, then, from its
 * answer, GetMany batches of up to {@link DelegateRequest.GetMany#MAX_KEYS} keys for its room slots
 * and meta (when the load plan reads per-room slots). {@link LoadFlow} sends exactly these, and the
 * shell sends the same ones as soon as its socket is open, while the app frame is still starting,
 * to hand the answers over when the app asks (issue 18: two round trips between the pages fewer).
 * The two sides compare reads by {@link #opKey}; if they ever disagreed, the app would simply ask
 * the node itself, so this file keeps the rule in one place rather than making it safe.
 */
public final class LoadReads {
  private LoadReads() {}

  public static Op list(Bytes current) {
    return new Op.Delegate(current.toArray(), DelegateRequest.LIST);
  }

  /** The GetManys the load sends after this List answer (empty: it reads no per-room slots). */
  public static List<Op> afterList(Bytes current, DelegateResponse.ListKeys answer) {
    List<String> keys = KeyText.listed(answer);
    LoadPlan plan = LoadPlan.fromKeys(keys);
    List<Op> out = new ArrayList<Op>();
    if (plan.kind() != LoadPlan.Kind.PER_ROOM) {
      return out;
    }
    for (List<String> batch : batches(slotKeys(plan.roomKeys(), keys))) {
      out.add(new Op.Delegate(current.toArray(), getMany(batch)));
    }
    return out;
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
