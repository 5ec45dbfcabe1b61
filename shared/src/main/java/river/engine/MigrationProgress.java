package river.engine;

import java.util.Map;
import river.engine.TabSession.LoadState;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.RoomsCodec;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * One tab's migration bookkeeping (DESIGN.md, "Loading", rule 2), after a load found legacy rooms
 * to re-save: write the {@code rooms_migration_started} marker, let saves go, and write {@code
 * rooms_migration_done} after the first clean save pass that began after "started" landed. When a
 * legacy source could not be read the pass re-saved only what it found: "done" is not written, and
 * the migration is read again later (a growing, jittered delay, or at the next resync) until every
 * source reads.
 *
 * <p>Hazard: "done" makes every later load skip the legacy sources. Written after a pass that began
 * before "started" landed, or after a pass that was not clean, it would let an interrupted
 * migration's unsaved rooms be lost; so the pass is counted from the save sequence taken when
 * "started" landed, and only a clean report at or past it counts. The load state is the session's:
 * this class changes it through {@link Host}.
 */
final class MigrationProgress {
  /** What the session lends the migration. */
  interface Host {
    LoadState loadState();

    void setLoadState(LoadState state, String detail);

    /** The "started" marker landed: saves may go now, and one re-save of every room is wanted. */
    void startSaving();

    void problem(String message);
  }

  static final long RESUME_BASE_MILLIS = 5000;
  static final long RESUME_MAX_MILLIS = 300000;

  private final CorrelationTable table;
  private final TabConfig config;
  private final RoomsCodec codec;
  private final Clock clock;
  private final RandomSource random;
  private final SaveEngine save;
  private final LiveRooms live;
  private final Host host;

  /** The first save sequence whose clean report lets "done" be written; -1: none awaited. */
  private long saveFrom = -1;

  private boolean canComplete;
  private boolean incomplete;
  private int resumeAttempts;

  MigrationProgress(
      CorrelationTable table,
      TabConfig config,
      RoomsCodec codec,
      Clock clock,
      RandomSource random,
      SaveEngine save,
      LiveRooms live,
      Host host) {
    this.table = table;
    this.config = config;
    this.codec = codec;
    this.clock = clock;
    this.random = random;
    this.save = save;
    this.live = live;
    this.host = host;
  }

  /** The load found legacy rooms to re-save ({@code plan}: what it will do, for the host). */
  void begin(boolean canComplete, String plan) {
    this.canComplete = canComplete;
    host.setLoadState(LoadState.MIGRATING, plan);
    storeMarker(RoomStorageKeys.MIGRATION_STARTED);
  }

  /** After every save pass: a clean one at or past {@link #saveFrom} finishes the migration. */
  void afterSave(SaveReport report) {
    if (saveFrom > 0 && report.sequence() >= saveFrom && report.clean()) {
      saveFrom = -1;
      if (canComplete) {
        storeMarker(RoomStorageKeys.MIGRATION_DONE);
      } else {
        host.problem(
            "migration re-saved what it found, but a legacy source was unreadable: not done");
        incomplete = true;
        host.setLoadState(LoadState.LOADED, null);
        scheduleResume();
      }
    }
  }

  /** After a reconnect: a migration that could not read every source tries again now. */
  void resumeIfIncomplete() {
    if (incomplete && host.loadState() == LoadState.LOADED) {
      resume();
    }
  }

  private void storeMarker(final String marker) {
    table.send(
        config.currentDelegate(),
        new DelegateRequest.Store(KeyText.bytes(marker), codec.encodeMarker(marker)),
        new CorrelationTable.Expect<DelegateResponse.Store>(DelegateResponse.Store.class) {
          @Override
          void answered(DelegateResponse.Store stored) {
            if (stored.result().isOk()) {
              markerStored(marker);
            } else {
              failed(null, "Err " + stored.result().error());
            }
          }

          @Override
          void failed(String code, String reason) {
            host.problem("store " + marker + ": " + reason);
            table.wakeupAt(
                clock.nowMillis() + 1000 + random.nextInt(1000),
                new CorrelationTable.WakeupHandler() {
                  @Override
                  public void onWakeup() {
                    storeMarker(marker);
                  }
                });
          }
        });
  }

  private void markerStored(String marker) {
    if (marker.equals(RoomStorageKeys.MIGRATION_STARTED)) {
      saveFrom = save.sequence() + 1; // taken before any save the host now lets go
      host.startSaving();
    } else {
      host.setLoadState(LoadState.LOADED, null);
    }
  }

  /** Retries an incomplete migration later (growing, jittered delay) unless a resync does first. */
  private void scheduleResume() {
    long d = RESUME_BASE_MILLIS;
    for (int i = 0; i < resumeAttempts && d < RESUME_MAX_MILLIS; i++) {
      d *= 2;
    }
    d = Math.min(d, RESUME_MAX_MILLIS);
    resumeAttempts++;
    table.wakeupAt(
        clock.nowMillis() + d + random.nextInt((int) d),
        new CorrelationTable.WakeupHandler() {
          @Override
          public void onWakeup() {
            resumeIfIncomplete();
          }
        });
  }

  /** Reads every source again and folds what an interrupted migration left out into ROOMS. */
  private void resume() {
    incomplete = false;
    host.setLoadState(LoadState.MIGRATING, "resuming");
    LoadFlow.forTab(
            table,
            codec,
            config,
            new LoadFlow.Listener() {
              @Override
              public void onLoaded(LoadResult result) {
                for (String p : result.problems()) {
                  host.problem(p);
                }
                for (Map.Entry<RoomKey, RoomSlot> e : result.currentSlots().entrySet()) {
                  live.observeRemote(
                      e.getKey(), e.getValue(), result.currentGeneration(e.getKey()));
                }
                live.adoptMigrated(result.rooms());
                canComplete = result.migrationCanComplete();
                saveFrom = save.sequence() + 1;
                save.requestSave();
              }

              @Override
              public void onFailed(String reason) {
                host.problem("resuming the migration: " + reason);
                incomplete = true;
                host.setLoadState(LoadState.LOADED, null);
                scheduleResume();
              }
            })
        .start();
  }
}
