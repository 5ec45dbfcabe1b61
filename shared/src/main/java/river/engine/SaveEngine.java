package river.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import river.rooms.Bytes;
import river.rooms.Rooms;
import river.rooms.RoomsCodec;
import river.rooms.RoomsMeta;
import river.rooms.SlotChange;
import river.rooms.SlotDiff;

/**
 * The per-tab save loop (DESIGN "Saving"), sans I/O. {@link #requestSave()} after any change of
 * ROOMS; saves are coalesced (one pass at a time; any number of requests during a pass cause
 * exactly one more pass, which starts after a random delay of a few CAS round trips: it gathers
 * more changes into each write, and tabs whose passes ended on the same push do not start the next
 * one in step). A pass snapshots ROOMS, diffs it against the slot cache, and runs one
 * read-merge-CAS loop per changed room plus one for rooms_meta when it changed, all pipelined. One
 * key's failure never stops the others; a pass with retryable failures schedules another pass after
 * a growing, jittered delay. Hazard: snapshot and cache must be read at the same instant (start of
 * the pass); a cache updated by a push mid-pass is picked up by the next pass, never half-applied
 * to this one.
 */
public final class SaveEngine {
  /** Told after every pass. */
  public interface Listener {
    void onSaveFinished(SaveReport report);
  }

  static final long RETRY_BASE_MILLIS = 200;
  static final long RETRY_MAX_MILLIS = 30000;

  private final CorrelationTable table;
  private final Bytes delegate;
  private final RoomsCodec codec;
  private final LiveRooms live;
  private final Clock clock;
  private final RandomSource random;
  private final int maxAttempts;
  private final RoundTrip roundTrip = new RoundTrip();
  private Listener listener;

  private boolean running;
  private boolean startScheduled;
  private boolean dirty;
  private boolean retryScheduled;
  private int failedPassesInARow;
  private long sequence;
  private int outstanding;
  private Map<String, CasOutcome> outcomes;
  private List<String> errors;

  public SaveEngine(
      CorrelationTable table,
      Bytes delegate,
      RoomsCodec codec,
      LiveRooms live,
      Clock clock,
      RandomSource random,
      int maxAttempts) {
    this.table = table;
    this.delegate = delegate;
    this.codec = codec;
    this.live = live;
    this.clock = clock;
    this.random = random;
    this.maxAttempts = maxAttempts;
  }

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  /** A pass is running, or changes made during the last one wait for the next. */
  public boolean isSaving() {
    return running || startScheduled;
  }

  /** Passes started so far. */
  public long sequence() {
    return sequence;
  }

  /** Something changed: save now, or once more after the running pass. */
  public void requestSave() {
    if (running || startScheduled) {
      dirty = true;
      return;
    }
    startPass();
  }

  private void startPass() {
    running = true;
    dirty = false;
    sequence++;
    outcomes = new TreeMap<String, CasOutcome>();
    errors = new ArrayList<String>();
    Rooms snapshot = live.rooms();
    List<CasTarget> targets = new ArrayList<CasTarget>();
    for (SlotChange c : SlotDiff.changes(snapshot, live.cache(), live.pendingLeaves())) {
      targets.add(
          new RoomSlotTarget(
              c.key(),
              c.wanted(),
              codec,
              live,
              new Runnable() {
                @Override
                public void run() {
                  dirty = true;
                }
              }));
    }
    RoomsMeta seen = live.seenMeta();
    if (!snapshot.meta().equals(seen == null ? RoomsMeta.EMPTY : seen)) {
      targets.add(new MetaTarget(snapshot, seen, codec, live));
    }
    outstanding = targets.size();
    if (outstanding == 0) {
      finishPass();
      return;
    }
    for (final CasTarget t : targets) {
      new CasLoop(
              table,
              delegate,
              t,
              clock,
              random,
              maxAttempts,
              roundTrip,
              new CasLoop.Done() {
                @Override
                public void onDone(CasOutcome outcome, String message) {
                  outcomes.put(t.storageKey(), outcome);
                  if (message != null && outcome != CasOutcome.NOT_WRITTEN) {
                    errors.add(message);
                  }
                  if (--outstanding == 0) {
                    finishPass();
                  }
                }
              })
          .start();
    }
  }

  private void finishPass() {
    running = false;
    SaveReport report = new SaveReport(sequence, outcomes, errors);
    failedPassesInARow = report.retryable() ? failedPassesInARow + 1 : 0;
    if (listener != null) {
      listener.onSaveFinished(report);
    }
    if (running) {
      return; // the listener asked for a save and it already started
    }
    if (dirty) {
      scheduleNextPass();
    } else if (report.retryable() && !retryScheduled) {
      scheduleRetry();
    }
  }

  /**
   * Changes arrived during the pass: the next pass starts after a random delay over a few round
   * trips (issue 18: with the contention delays of CasLoop, 1.35 -> 1.25 CAS attempts per write).
   */
  private void scheduleNextPass() {
    startScheduled = true;
    table.wakeupAt(
        clock.nowMillis() + random.nextInt((int) roundTrip.spread(0, RETRY_MAX_MILLIS)),
        new CorrelationTable.WakeupHandler() {
          @Override
          public void onWakeup() {
            startScheduled = false;
            startPass();
          }
        });
  }

  private void scheduleRetry() {
    retryScheduled = true;
    long d = RETRY_BASE_MILLIS;
    for (int i = 1; i < failedPassesInARow && d < RETRY_MAX_MILLIS; i++) {
      d *= 2;
    }
    d = Math.min(d, RETRY_MAX_MILLIS);
    table.wakeupAt(
        clock.nowMillis() + d + random.nextInt((int) d),
        new CorrelationTable.WakeupHandler() {
          @Override
          public void onWakeup() {
            retryScheduled = false;
            requestSave();
          }
        });
  }
}
