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
import river.wire.OpResult;
import river.wire.Request;
import river.wire.Response;
import river.wire.ServerFrame;
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

  /**
   * The largest List answer frame (about 150 rooms) after which the shell sends the GetManys early.
   * A larger one is handed to the app at once: the shell decodes and parses it before the app can
   * have it, on code that runs cold in every new page while the app frame's start keeps the other
   * core busy. At 500 rooms that took ~45 ms, more than the round trip it saved, and at 5,000 rooms
   * the load was listed 1.13x later (issue 18, README "Twelfth session").
   */
  public static final int MAX_EARLY_LIST_BYTES = 8 * 1024;

  /** Whether the shell sends the GetManys early after a List answer frame of this many bytes. */
  public static boolean getManysEarly(int listAnswerBytes) {
    return listAnswerBytes <= MAX_EARLY_LIST_BYTES;
  }

  /**
   * {@link #afterList} of a List answer frame as the node sent it; none when the frame is anything
   * else (an error, another answer, bytes that do not decode): the app reads it and decides.
   */
  public static List<Op> afterListFrame(Bytes current, byte[] frame) {
    try {
      ServerFrame f = WireCodec.decodeServerFrame(frame);
      if (f instanceof Response && ((Response) f).isOk()) {
        OpResult result = ((Response) f).result();
        if (result instanceof OpResult.Delegate
            && ((OpResult.Delegate) result).response() instanceof DelegateResponse.ListKeys) {
          return afterList(
              current, (DelegateResponse.ListKeys) ((OpResult.Delegate) result).response());
        }
      }
    } catch (RuntimeException notAListAnswer) {
      // nothing is sent early
    }
    return new ArrayList<Op>();
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
