package river.engine;

import java.util.List;
import java.util.Map;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.Rooms;
import river.rooms.RoomsCodec;
import river.wire.DelegateResponse;

/**
 * Everything one tab runs, sans I/O, behind one small host interface: the load flow, then the save
 * engine, the live ROOMS with rejoin flags and slot cache, live cross-tab pushes and, when the load
 * found legacy rooms, the migration's bookkeeping ({@link MigrationProgress}, which holds its
 * hazard). The host sends what {@link #drainOutgoing()} returns, feeds responses to {@link
 * #onReply}, fires wakeups with {@link #onWakeup}, forwards DelegateKeyChanged pushes to {@link
 * #onKeyChanged}, and calls the user-action methods. Single-threaded by contract.
 */
public final class TabSession {
  public enum LoadState {
    LOADING,
    MIGRATING,
    LOADED,
    FAILED
  }

  /** What the host shows. Every method has an empty default so hosts implement what they need. */
  public interface Listener {
    default void onLoadState(LoadState state, String detail) {}

    default void onRoomsChanged(Rooms before, Rooms after) {}

    default void onSaveFinished(SaveReport report) {}

    /** A value that could not be read, a failed write: shown or logged, never fatal. */
    default void onProblem(String message) {}
  }

  private final TabConfig config;
  private final RoomsCodec codec;
  private final CorrelationTable table = new CorrelationTable(1);
  private final LiveRooms live = new LiveRooms();
  private final SaveEngine save;
  private final LiveUpdates updates;
  private final MigrationProgress migration;
  private Listener listener;
  private LoadState loadState = LoadState.LOADING;
  private boolean loadStarted;
  private boolean savesAllowed;
  private boolean saveWanted;

  public TabSession(TabConfig config, RoomsCodec codec, Clock clock, RandomSource random) {
    this.config = config;
    this.codec = codec;
    this.save =
        new SaveEngine(
            table, config.currentDelegate(), codec, live, clock, random, config.maxCasAttempts());
    this.save.setListener(
        new SaveEngine.Listener() {
          @Override
          public void onSaveFinished(SaveReport report) {
            afterSave(report);
          }
        });
    this.updates =
        new LiveUpdates(
            table,
            codec,
            config.currentDelegate(),
            live,
            new LiveUpdates.Host() {
              @Override
              public boolean loaded() {
                return isReady();
              }

              @Override
              public void requestSave() {
                TabSession.this.requestSave();
              }

              @Override
              public void problem(String message) {
                TabSession.this.problem(message);
              }
            });
    this.migration =
        new MigrationProgress(
            table,
            config,
            codec,
            clock,
            random,
            save,
            live,
            new MigrationProgress.Host() {
              @Override
              public LoadState loadState() {
                return loadState;
              }

              @Override
              public void setLoadState(LoadState state, String detail) {
                TabSession.this.setLoadState(state, detail);
              }

              @Override
              public void startSaving() {
                saveWanted = true;
                allowSaves();
              }

              @Override
              public void problem(String message) {
                TabSession.this.problem(message);
              }
            });
    this.live.setListener(
        new LiveRooms.Listener() {
          @Override
          public void onRoomsChanged(Rooms before, Rooms after) {
            if (listener != null) {
              listener.onRoomsChanged(before, after);
            }
          }
        });
  }

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  // ---- host plumbing ----

  /** Starts the load; after FAILED, the retry button calls it again. */
  public void start() {
    if (loadStarted && loadState != LoadState.FAILED) {
      throw new IllegalStateException("load already " + loadState);
    }
    loadStarted = true;
    setLoadState(LoadState.LOADING, null);
    LoadFlow.forTab(
            table,
            codec,
            config,
            new LoadFlow.Listener() {
              @Override
              public void onLoaded(LoadResult result) {
                loaded(result);
              }

              @Override
              public void onFailed(String reason) {
                setLoadState(LoadState.FAILED, reason);
              }
            })
        .start();
  }

  public List<Outgoing> drainOutgoing() {
    return table.drain();
  }

  /**
   * The node answered request {@code id} with a delegate response (the {@code DelegateResponse} of
   * an {@code OpResult.Delegate}); false when nothing waited for it (late or duplicate).
   */
  public boolean onResponse(long id, DelegateResponse response) {
    return table.deliver(id, response);
  }

  /**
   * Request {@code id} failed: an error frame's code and message, or the host's own {@code
   * "timeout"} / {@code "disconnected"}; false when nothing waited for it.
   */
  public boolean onError(long id, String code, String message) {
    return table.deliverError(id, code, message);
  }

  public boolean onWakeup(long id) {
    return table.wake(id);
  }

  /**
   * DelegateKeyChanged push: apply the value it carries, or re-read the key when it carries none
   * ({@code value} null), by the reconcile rules.
   */
  public void onKeyChanged(Bytes delegate, String key, long generation, byte[] value) {
    updates.onKeyChanged(delegate, key, generation, value);
  }

  /**
   * After a reconnect (pushes may have been missed): re-list and re-read every room slot, and
   * resume a migration that could not read every legacy source.
   */
  public void resync() {
    if (!isReady()) {
      return;
    }
    migration.resumeIfIncomplete();
    updates.resync();
  }

  /** A slot value read from the current store (bytes, null = absent) at a generation. */
  public void applyRemoteSlot(RoomKey room, byte[] value, long generation) {
    updates.applyRemoteSlot(room, value, generation);
  }

  // ---- state for the host ----

  public Rooms rooms() {
    return live.rooms();
  }

  public LoadState loadState() {
    return loadState;
  }

  /**
   * The rooms are known (LOADED, or MIGRATING: listed while a migration re-saves them): user
   * actions and saves are allowed.
   */
  public boolean isReady() {
    return loadState == LoadState.LOADED || loadState == LoadState.MIGRATING;
  }

  public boolean isSaving() {
    return save.isSaving();
  }

  /** Requests and wakeups still in flight (0 and nothing queued = this tab is quiet). */
  public int inFlight() {
    return table.waiting();
  }

  public boolean isRejoinFlagged(RoomKey key) {
    return live.flags().isSet(key);
  }

  // ---- user actions ----

  public void createRoom(RoomData data) {
    requireLoaded();
    live.join(data);
    requestSave();
  }

  /** Accepting an invitation or importing an identity: an explicit (re)join. */
  public void join(RoomData data) {
    requireLoaded();
    live.join(data);
    requestSave();
  }

  public void leave(RoomKey key) {
    requireLoaded();
    live.leave(key);
    requestSave();
  }

  /** Sets the nickname kept for the room, with nothing to publish (tests' plain room edit). */
  public void setNickname(RoomKey key, String nickname) {
    askNickname(key, nickname, 0);
  }

  /**
   * Keeps the nickname the user asked for at {@code timeMillis} until a tab sees it in the room's
   * member info ({@link #nicknameLanded}): saved first, so any tab of the profile can publish it if
   * this one closes or loses the connection before the room takes it.
   */
  public void askNickname(RoomKey key, String nickname, long timeMillis) {
    requireLoaded();
    live.setNickname(key, nickname, timeMillis);
    requestSave();
  }

  /** The room's member info carries the nickname asked for: nothing left to publish. */
  public void nicknameLanded(RoomKey key, String nickname) {
    requireLoaded();
    if (live.nicknameLanded(key, nickname)) {
      requestSave();
    }
  }

  /** Keeps room secrets (private rooms) the user picked up, made or was given. */
  public void addSecrets(RoomKey key, List<Bytes> entries) {
    requireLoaded();
    if (live.addSecrets(key, entries)) {
      requestSave();
    }
  }

  public void markRead(RoomKey key, LastRead read) {
    requireLoaded();
    live.markRead(key, read);
    requestSave();
  }

  /** The user read the direct-message thread with {@code peer} in this room up to {@code read}. */
  public void markDmRead(RoomKey key, Bytes peer, LastRead read) {
    requireLoaded();
    live.markDmRead(key, peer, read);
    requestSave();
  }

  /**
   * Hides the direct-message thread with {@code peer} up to {@code upTo} (its newest message), and
   * marks it read that far: it leaves the thread list until a later message arrives either way.
   */
  public void hideDm(RoomKey key, Bytes peer, LastRead upTo) {
    requireLoaded();
    live.hideDm(key, peer, upTo);
    requestSave();
  }

  /**
   * Records that the user named {@code member} a deputy in the room (or took it back) as of {@code
   * timeMillis}: saved like every room change, so every tab of the profile makes the member info
   * follow it ({@code river.chat.Deputies}).
   */
  public void markDeputy(RoomKey key, Bytes member, long timeMillis, boolean named) {
    requireLoaded();
    live.markDeputy(key, member, timeMillis, named);
    requestSave();
  }

  public void setMode(RoomKey key, NotificationMode mode) {
    requireLoaded();
    live.setMode(key, mode);
    requestSave();
  }

  public void setCurrentRoom(RoomKey key) {
    requireLoaded();
    live.setCurrentRoom(key);
    requestSave();
  }

  public void setOrder(List<RoomKey> order) {
    requireLoaded();
    live.setOrder(order);
    requestSave();
  }

  // ---- internals ----

  private void requireLoaded() {
    if (!isReady()) {
      throw new IllegalStateException("rooms are not loaded yet (" + loadState + ")");
    }
  }

  private void requestSave() {
    if (savesAllowed) {
      save.requestSave();
    } else {
      saveWanted = true;
    }
  }

  private void loaded(LoadResult result) {
    for (String p : result.problems()) {
      problem(p);
    }
    for (Map.Entry<RoomKey, RoomSlot> e : result.currentSlots().entrySet()) {
      live.observeLoaded(e.getKey(), e.getValue(), result.currentGeneration(e.getKey()));
    }
    if (result.currentMeta() != null) {
      live.observeMeta(result.currentMeta(), result.currentMetaGeneration());
    }
    live.replaceAfterLoad(result.rooms());
    if (result.migrate()) {
      migration.begin(result.migrationCanComplete(), result.plan().toString());
    } else {
      setLoadState(LoadState.LOADED, null);
      allowSaves();
    }
    updates.afterLoad();
  }

  private void allowSaves() {
    savesAllowed = true;
    if (saveWanted || loadState == LoadState.MIGRATING) {
      saveWanted = false;
      save.requestSave();
    }
  }

  private void afterSave(SaveReport report) {
    for (String e : report.errors()) {
      problem(e);
    }
    if (listener != null) {
      listener.onSaveFinished(report);
    }
    migration.afterSave(report);
  }

  private void setLoadState(LoadState state, String detail) {
    loadState = state;
    if (listener != null) {
      listener.onLoadState(state, detail);
    }
  }

  private void problem(String message) {
    if (listener != null) {
      listener.onProblem(message);
    }
  }
}
