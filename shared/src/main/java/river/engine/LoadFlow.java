package river.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import river.rooms.Bytes;
import river.rooms.LoadPlan;
import river.rooms.RankedMerge;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.rooms.RoomsCodec;
import river.rooms.RoomsDecodeException;
import river.rooms.RoomsMeta;
import river.rooms.RoomsRebuild;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;

/**
 * The load at tab start (DESIGN "Loading"), sans I/O: List the current delegate, plan from its
 * keys, then read everything the plan needs at once: the current slots and meta (pipelined GetMany
 * batches of up to 128 keys, single Gets when the node cannot batch), a current blob, and, when
 * probing or resuming a migration, every legacy delegate's blob and per-room keys (one List each,
 * then Gets). Sources are merged by rank (RankedMerge). A failure to read the current delegate
 * fails the load (the host offers a retry); a legacy source that cannot be read cuts the ranked
 * sources there (it and every lower source are left out) and blocks recording the migration as
 * done, so it is resumed later. Hazard: rooms read from legacy sources must not enter the slot
 * cache (they were never seen in the current store), or the migration re-save would skip them.
 */
public final class LoadFlow {
  public enum State {
    IDLE,
    LISTING,
    READING,
    LOADED,
    FAILED
  }

  /** Told once, when the load ends. */
  public interface Listener {
    void onLoaded(LoadResult result);

    void onFailed(String reason);
  }

  /** What one delegate (current or legacy) yielded. */
  private static final class Source {
    final TreeMap<RoomKey, RoomSlot> slots = new TreeMap<RoomKey, RoomSlot>();

    /** The generation each slot was read at (0 when read by a plain Get). */
    final TreeMap<RoomKey, Long> generations = new TreeMap<RoomKey, Long>();

    RoomsMeta meta;
    long metaGeneration;
    Rooms blob;
    boolean hasPerRoom;

    /**
     * The room each requested slot key names, parsed once from the listing: base58 parsing is the
     * costliest step of reading 5,000 slots, and the answer's keys are the same strings.
     */
    final HashMap<String, RoomKey> requested = new HashMap<String, RoomKey>();

    /** Its List or a slot/meta Get failed: its per-room state is unknown. */
    boolean perRoomBlocked;

    /** Its blob Get failed. */
    boolean blobBlocked;
  }

  private final CorrelationTable table;
  private final RoomsCodec codec;
  private final Bytes current;
  private final List<Bytes> legacyNewestFirst;
  private final Listener listener;
  private final Source currentSource = new Source();
  private final List<Source> legacySources = new ArrayList<Source>();
  private final List<String> problems = new ArrayList<String>();
  private State state = State.IDLE;
  private LoadPlan plan;
  private int outstanding;

  /** The load a tab with {@code config} runs: its current delegate, then its legacy ones. */
  static LoadFlow forTab(
      CorrelationTable table, RoomsCodec codec, TabConfig config, Listener listener) {
    return new LoadFlow(
        table, codec, config.currentDelegate(), config.legacyNewestFirst(), listener);
  }

  public LoadFlow(
      CorrelationTable table,
      RoomsCodec codec,
      Bytes current,
      List<Bytes> legacyNewestFirst,
      Listener listener) {
    this.table = table;
    this.codec = codec;
    this.current = current;
    this.legacyNewestFirst = new ArrayList<Bytes>(legacyNewestFirst);
    this.listener = listener;
  }

  public State state() {
    return state;
  }

  public LoadPlan plan() {
    return plan;
  }

  public void start() {
    if (state != State.IDLE) {
      throw new IllegalStateException("load already started");
    }
    state = State.LISTING;
    table.send( // LoadReads.list: the shell may have sent it already
        current,
        DelegateRequest.LIST,
        new CorrelationTable.Expect<DelegateResponse.ListKeys>(DelegateResponse.ListKeys.class) {
          @Override
          void answered(DelegateResponse.ListKeys list) {
            onCurrentKeys(KeyText.listed(list));
          }

          @Override
          void failed(String code, String reason) {
            fail("List of the current delegate: " + reason);
          }
        });
  }

  private void onCurrentKeys(List<String> keys) {
    plan = LoadPlan.fromKeys(keys);
    state = State.READING;
    outstanding = 1; // held until every request is sent, so a synchronous reply cannot finish early
    if (plan.kind() == LoadPlan.Kind.PER_ROOM) {
      readPerRoom(current, currentSource, plan.roomKeys(), keys, true);
    }
    if (plan.currentBlob()) {
      readBlob(current, currentSource, true);
    }
    if (plan.kind() == LoadPlan.Kind.PROBE_LEGACY || plan.resumeMigration()) {
      for (Bytes legacy : legacyNewestFirst) {
        probe(legacy);
      }
    }
    settle();
  }

  private void probe(final Bytes legacy) {
    final Source src = new Source();
    legacySources.add(src);
    outstanding++;
    table.send(
        legacy,
        DelegateRequest.LIST,
        new CorrelationTable.Expect<DelegateResponse.ListKeys>(DelegateResponse.ListKeys.class) {
          @Override
          void answered(DelegateResponse.ListKeys list) {
            List<String> keys = KeyText.listed(list);
            outstanding++;
            readPerRoom(legacy, src, RoomStorageKeys.roomKeysIn(keys), keys, false);
            if (keys.contains(RoomStorageKeys.ROOMS_DATA)) {
              readBlob(legacy, src, false);
            }
            outstanding--;
            settle();
          }

          @Override
          void failed(String code, String reason) {
            if (ErrorCodes.UNKNOWN_DELEGATE.equals(code)) {
              // not hosted by this node: nothing to migrate from it, now or later
            } else {
              src.perRoomBlocked = true;
              problems.add("legacy delegate " + legacy + " List: " + reason);
            }
            settle();
          }
        });
  }

  /**
   * @param rooms the room keys among {@code keys}, already parsed (their storage text is memoized)
   */
  private void readPerRoom(
      Bytes delegate, Source src, List<RoomKey> rooms, List<String> keys, boolean isCurrent) {
    List<String> wanted = LoadReads.slotKeys(rooms, keys);
    for (RoomKey k : rooms) {
      src.requested.put(RoomStorageKeys.roomKey(k), k);
    }
    if (!wanted.isEmpty()) {
      src.hasPerRoom = true;
    }
    if (!isCurrent) {
      // A legacy delegate is a plain key-value store: one Get per key.
      for (String key : wanted) {
        readOne(delegate, src, key, false);
      }
      return;
    }
    for (List<String> batch : LoadReads.batches(wanted)) {
      readBatch(delegate, src, batch); // the batches the shell may have sent already (LoadReads)
    }
  }

  /**
   * Current-delegate slots and meta in batches (GetMany), pipelined. A node that cannot answer a
   * batch (too_large: the values would not fit one frame; unknown_op or malformed: an older node)
   * is asked again one key at a time; any other failure fails the load as a Get would.
   */
  private void readBatch(final Bytes delegate, final Source src, List<String> batch) {
    final List<String> keys = new ArrayList<String>(batch);
    outstanding++;
    table.send(
        delegate,
        LoadReads.getMany(keys),
        new CorrelationTable.Expect<DelegateResponse.GetMany>(DelegateResponse.GetMany.class) {
          @Override
          void answered(DelegateResponse.GetMany many) {
            if (!KeyText.answers(many, keys)) {
              failed(null, "a GetManyResponse for other keys");
              return;
            }
            for (int i = 0; i < keys.size(); i++) {
              absorb(delegate, src, keys.get(i), many.value(i), many.generation(i));
            }
            settle();
          }

          @Override
          void failed(String code, String reason) {
            if (!fallsBackToSingleGets(code)) {
              fail("GetMany of " + keys.size() + " keys from the current delegate: " + reason);
              return;
            }
            for (String key : keys) {
              readOne(delegate, src, key, true);
            }
            settle();
          }
        });
  }

  /** An error code (null: not an error) on which a batch is asked again one key at a time. */
  static boolean fallsBackToSingleGets(String code) {
    return ErrorCodes.TOO_LARGE.equals(code)
        || ErrorCodes.UNKNOWN_OP.equals(code)
        || ErrorCodes.MALFORMED.equals(code);
  }

  private void readOne(
      final Bytes delegate, final Source src, final String key, final boolean isCurrent) {
    outstanding++;
    table.send(
        delegate,
        new DelegateRequest.Get(KeyText.bytes(key)),
        new CorrelationTable.Expect<DelegateResponse.Get>(DelegateResponse.Get.class) {
          @Override
          void answered(DelegateResponse.Get read) {
            absorb(delegate, src, key, read.value(), 0);
            settle();
          }

          @Override
          void failed(String code, String reason) {
            readFailed(reason, key, isCurrent, src, false);
          }
        });
  }

  /** One slot or meta value read from {@code delegate} (null: absent) at {@code generation}. */
  private void absorb(Bytes delegate, Source src, String key, byte[] v, long generation) {
    if (v == null) {
      return;
    }
    try {
      if (RoomStorageKeys.ROOMS_META.equals(key)) {
        src.meta = codec.decodeMeta(v);
        src.metaGeneration = generation;
      } else {
        RoomKey room = src.requested.get(key);
        if (room == null) {
          room = RoomStorageKeys.parseRoomKey(key);
        }
        src.slots.put(room, codec.decodeSlot(v));
        src.generations.put(room, generation);
      }
    } catch (RoomsDecodeException e) {
      problems.add(key + " (" + delegate + ") is unreadable: " + e.getMessage());
    }
  }

  private void readBlob(final Bytes delegate, final Source src, final boolean isCurrent) {
    outstanding++;
    table.send(
        delegate,
        new DelegateRequest.Get(KeyText.bytes(RoomStorageKeys.ROOMS_DATA)),
        new CorrelationTable.Expect<DelegateResponse.Get>(DelegateResponse.Get.class) {
          @Override
          void answered(DelegateResponse.Get read) {
            byte[] v = read.value();
            if (v != null) {
              try {
                src.blob = codec.decodeLegacyBlob(v);
              } catch (RoomsDecodeException e) {
                problems.add("rooms_data (" + delegate + ") is unreadable: " + e.getMessage());
              }
            }
            settle();
          }

          @Override
          void failed(String code, String reason) {
            readFailed(reason, RoomStorageKeys.ROOMS_DATA, isCurrent, src, true);
          }
        });
  }

  /** A Get that was not answered by a GetResponse (error, or a response of another kind). */
  private void readFailed(String reason, String key, boolean isCurrent, Source src, boolean blob) {
    if (isCurrent) {
      fail("Get " + key + " from the current delegate: " + reason);
    } else {
      if (blob) {
        src.blobBlocked = true;
      } else {
        src.perRoomBlocked = true;
      }
      problems.add("legacy Get " + key + ": " + reason);
      settle();
    }
  }

  private void settle() {
    if (state != State.READING) {
      return;
    }
    if (--outstanding > 0) {
      return;
    }
    List<Rooms> sources = new ArrayList<Rooms>();
    boolean foundOld = false;
    if (plan.kind() == LoadPlan.Kind.PER_ROOM) {
      sources.add(RoomsRebuild.fromSlots(currentSource.slots, currentSource.meta));
    }
    if (currentSource.blob != null) {
      sources.add(currentSource.blob);
      foundOld = true;
    }
    // Sources are used in rank order up to the first one that could not be read: a source below
    // an unread one may hold a tombstone or a room the unread one would overrule.
    boolean cut = false;
    for (Source s : legacySources) {
      if (s.perRoomBlocked) {
        cut = true;
        break;
      }
      if (s.hasPerRoom) {
        sources.add(RoomsRebuild.fromSlots(s.slots, s.meta));
        foundOld = true;
      }
      if (s.blobBlocked) {
        cut = true;
        break;
      }
      if (s.blob != null) {
        sources.add(s.blob);
        foundOld = true;
      }
    }
    Rooms rooms = RankedMerge.merge(sources);
    // An unread legacy source counts as "migration started": the next load or resync resumes it,
    // even if the user creates rooms in the meantime (which would otherwise end the probing).
    boolean migrate = plan.migrates() && (foundOld || plan.resumeMigration() || cut);
    state = State.LOADED;
    listener.onLoaded(
        new LoadResult(
            plan,
            rooms,
            currentSource.slots,
            currentSource.generations,
            currentSource.meta,
            currentSource.metaGeneration,
            migrate,
            !cut,
            problems));
  }

  private void fail(String reason) {
    if (state == State.FAILED || state == State.LOADED) {
      return;
    }
    state = State.FAILED;
    listener.onFailed(reason);
  }
}
