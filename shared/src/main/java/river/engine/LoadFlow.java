package river.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import river.rooms.Bytes;
import river.rooms.LoadPlan;
import river.rooms.RankedMerge;
import river.rooms.RoomKey;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.rooms.RoomsCodec;
import river.rooms.RoomsDecodeException;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.ListValuesResponse;

/**
 * The load at tab start (DESIGN "Loading"), sans I/O: List the current delegate with the values
 * that fit one answer (ListValues; a plain List from a node without it), plan from its keys, then
 * read everything else the plan needs at once: the current slots and meta that did not come with
 * the keys (pipelined GetMany batches of up to 128 keys, single Gets when the node cannot batch), a
 * current blob, and, when probing or resuming a migration, every legacy delegate's blob and
 * per-room keys (one List each, then Gets). Sources are merged by rank (RankedMerge). A failure to
 * read the current delegate fails the load (the host offers a retry); a legacy source that cannot
 * be read cuts the ranked sources there (it and every lower source are left out) and blocks
 * recording the migration as done, so it is resumed later. Hazard: rooms read from legacy sources
 * must not enter the slot cache (they were never seen in the current store), or the migration
 * re-save would skip them.
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

  private final CorrelationTable table;
  private final RoomsCodec codec;
  private final Bytes current;
  private final List<Bytes> legacyNewestFirst;
  private final Listener listener;
  private final LoadSource currentSource = new LoadSource();
  private final List<LoadSource> legacySources = new ArrayList<LoadSource>();
  private final List<String> problems = new ArrayList<String>();
  private State state = State.IDLE;
  private LoadPlan plan;

  /** The current delegate's values that came with its keys (ListValues), and each key's index. */
  private DelegateResponse.GetMany currentValued;

  private HashMap<String, Integer> currentValuedAt = new HashMap<String, Integer>();
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
    table.send( // LoadReads.listValues: the shell may have sent it already
        current,
        LoadReads.listValuesRequest(),
        new CorrelationTable.Expect<ListValuesResponse>(ListValuesResponse.class) {
          @Override
          void answered(ListValuesResponse answer) {
            onCurrentKeys(KeyText.listed(answer.listed()), answer.valuedPart());
          }

          @Override
          void failed(String code, String reason) {
            if (fallsBackToSingleGets(code)) {
              listKeys(); // a node older than ListValues
            } else {
              fail("List of the current delegate: " + reason);
            }
          }
        });
  }

  /** The current delegate's keys alone, from a node that does not serve ListValues. */
  private void listKeys() {
    table.send(
        current,
        DelegateRequest.LIST,
        new CorrelationTable.Expect<DelegateResponse.ListKeys>(DelegateResponse.ListKeys.class) {
          @Override
          void answered(DelegateResponse.ListKeys list) {
            onCurrentKeys(KeyText.listed(list), null);
          }

          @Override
          void failed(String code, String reason) {
            fail("List of the current delegate: " + reason);
          }
        });
  }

  /**
   * @param valued the values that came with the keys (null: none), taken instead of reading them
   */
  private void onCurrentKeys(List<String> keys, DelegateResponse.GetMany valued) {
    if (valued != null) {
      currentValued = valued;
      currentValuedAt = KeyText.indexed(valued);
    }
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
    final LoadSource src = new LoadSource();
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
      Bytes delegate, LoadSource src, List<RoomKey> rooms, List<String> keys, boolean isCurrent) {
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
    List<String> unread = new ArrayList<String>();
    for (String key : wanted) {
      Integer at = currentValuedAt.get(key);
      if (at != null) {
        absorb(delegate, src, key, currentValued.value(at), currentValued.generation(at));
      } else {
        unread.add(key);
      }
    }
    for (List<String> batch : LoadReads.batches(unread)) {
      readBatch(delegate, src, batch);
    }
  }

  /**
   * Current-delegate slots and meta in batches (GetMany), pipelined. A node that cannot answer a
   * batch (too_large: the values would not fit one frame; unknown_op or malformed: an older node)
   * is asked again one key at a time; any other failure fails the load as a Get would.
   */
  private void readBatch(final Bytes delegate, final LoadSource src, List<String> batch) {
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
      final Bytes delegate, final LoadSource src, final String key, final boolean isCurrent) {
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
  private void absorb(Bytes delegate, LoadSource src, String key, byte[] v, long generation) {
    if (state != State.READING) {
      return; // failed: nothing is used; loaded: the slots were handed to the LoadResult
    }
    try {
      src.absorb(codec, key, v, generation);
    } catch (RoomsDecodeException e) {
      problems.add(key + " (" + delegate + ") is unreadable: " + e.getMessage());
    }
  }

  private void readBlob(final Bytes delegate, final LoadSource src, final boolean isCurrent) {
    Integer at = isCurrent ? currentValuedAt.get(RoomStorageKeys.ROOMS_DATA) : null;
    if (at != null) {
      blobRead(delegate, src, currentValued.value(at));
      return;
    }
    outstanding++;
    table.send(
        delegate,
        new DelegateRequest.Get(KeyText.bytes(RoomStorageKeys.ROOMS_DATA)),
        new CorrelationTable.Expect<DelegateResponse.Get>(DelegateResponse.Get.class) {
          @Override
          void answered(DelegateResponse.Get read) {
            blobRead(delegate, src, read.value());
            settle();
          }

          @Override
          void failed(String code, String reason) {
            readFailed(reason, RoomStorageKeys.ROOMS_DATA, isCurrent, src, true);
          }
        });
  }

  /** A {@code rooms_data} value read from {@code delegate} (null: absent). */
  private void blobRead(Bytes delegate, LoadSource src, byte[] v) {
    try {
      src.absorbBlob(codec, v);
    } catch (RoomsDecodeException e) {
      problems.add("rooms_data (" + delegate + ") is unreadable: " + e.getMessage());
    }
  }

  /** A Get that was not answered by a GetResponse (error, or a response of another kind). */
  private void readFailed(
      String reason, String key, boolean isCurrent, LoadSource src, boolean blob) {
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
      sources.add(currentSource.perRoom());
    }
    if (currentSource.blob != null) {
      sources.add(currentSource.blob);
      foundOld = true;
    }
    // Sources are used in rank order up to the first one that could not be read: a source below
    // an unread one may hold a tombstone or a room the unread one would overrule.
    boolean cut = false;
    for (LoadSource s : legacySources) {
      if (s.perRoomBlocked) {
        cut = true;
        break;
      }
      if (s.hasPerRoom) {
        sources.add(s.perRoom());
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
