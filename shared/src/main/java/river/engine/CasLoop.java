package river.engine;

import java.util.Arrays;
import river.rooms.Bytes;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * The bounded read-merge-CAS loop for one key (DESIGN "Saving" step 3), sans I/O: GetVersioned, let
 * the target reconcile, CasStore at the generation read; on Conflict reconcile against the value
 * the conflict returned and retry after a random delay, at most {@code maxAttempts} CAS attempts.
 * If the merged bytes equal the stored bytes nothing is written. When the target can guess from
 * what the tab last saw ({@link CasTarget#guess}), the loop starts with that CAS instead of the
 * read; a conflict on the guess is a stale cache, not contention, so it is reconciled at once and
 * does not count against the attempts. A key other tabs are writing ({@link
 * CasTarget#othersWriting}) is read after a random delay, like a retry's. Delays are drawn over a
 * few of this tab's CAS round trips ({@link RoundTrip#spread}), doubling per retry. Hazard: tabs
 * that retry in step (at once, or within one round trip of each other) conflict again, hence the
 * spread.
 */
public final class CasLoop {
  /** Told once, when the loop ends. */
  public interface Done {
    void onDone(CasOutcome outcome, String message);
  }

  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  static final long MAX_BACKOFF_MILLIS = 2000;

  private final CorrelationTable table;
  private final Bytes delegate;
  private final CasTarget target;
  private final Clock clock;
  private final RandomSource random;
  private final int maxAttempts;
  private final RoundTrip roundTrip;
  private final Done done;
  private int attempts;
  private long casSentAt;
  private boolean finished;
  private boolean guessing;

  public CasLoop(
      CorrelationTable table,
      Bytes delegate,
      CasTarget target,
      Clock clock,
      RandomSource random,
      int maxAttempts,
      RoundTrip roundTrip,
      Done done) {
    this.table = table;
    this.delegate = delegate;
    this.target = target;
    this.clock = clock;
    this.random = random;
    this.maxAttempts = maxAttempts;
    this.roundTrip = roundTrip;
    this.done = done;
  }

  public void start() {
    CasTarget.Guess guess = target.guess();
    if (guess != null) {
      guessing = true;
      sendCas(guess.bytes, guess.generation);
      return;
    }
    if (target.othersWriting()) {
      // Other tabs saw the same push and are about to write this key too: reading at once would
      // put every such tab's CAS in the same round trip (issue 18, see README).
      table.wakeupAt(
          clock.nowMillis() + delay(0),
          new CorrelationTable.WakeupHandler() {
            @Override
            public void onWakeup() {
              read();
            }
          });
      return;
    }
    read();
  }

  private void read() {
    table.send(
        delegate,
        new DelegateRequest.GetVersioned(KeyText.bytes(target.storageKey())),
        new CorrelationTable.Expect<DelegateResponse.GetVersioned>(
            DelegateResponse.GetVersioned.class) {
          @Override
          void answered(DelegateResponse.GetVersioned read) {
            attempt(read.value(), read.generation());
          }

          @Override
          void failed(String code, String reason) {
            finish(CasOutcome.FAILED, "GetVersioned " + target.storageKey() + ": " + reason);
          }
        });
  }

  private void attempt(final byte[] stored, final long generation) {
    byte[] toWrite = target.decide(stored, generation);
    if (toWrite == null) {
      finish(target.declineOutcome(), target.declineMessage());
      return;
    }
    if (stored != null && Arrays.equals(stored, toWrite)) {
      target.settled(generation, false);
      finish(CasOutcome.UNCHANGED, null);
      return;
    }
    attempts++;
    sendCas(toWrite, generation);
  }

  private void sendCas(byte[] value, long expectedGeneration) {
    casSentAt = clock.nowMillis();
    table.send(
        delegate,
        new DelegateRequest.CasStore(KeyText.bytes(target.storageKey()), value, expectedGeneration),
        new CorrelationTable.Expect<DelegateResponse.CasStore>(DelegateResponse.CasStore.class) {
          @Override
          void answered(DelegateResponse.CasStore cas) {
            onCasResult(cas.result());
          }

          @Override
          void failed(String code, String reason) {
            finish(CasOutcome.FAILED, "CasStore " + target.storageKey() + ": " + reason);
          }
        });
  }

  private void onCasResult(CasStoreResult result) {
    roundTrip.sample(clock.nowMillis() - casSentAt);
    if (result instanceof CasStoreResult.Stored) {
      guessing = false;
      target.settled(((CasStoreResult.Stored) result).generation(), true);
      finish(CasOutcome.WRITTEN, null);
      return;
    }
    if (!(result instanceof CasStoreResult.Conflict)) {
      finish(
          CasOutcome.FAILED,
          "CasStore "
              + target.storageKey()
              + ": Failed "
              + ((CasStoreResult.Failed) result).message());
      return;
    }
    CasStoreResult.Conflict conflict = (CasStoreResult.Conflict) result;
    final byte[] value = conflict.currentValue();
    final long generation = conflict.currentGeneration();
    if (guessing) {
      guessing = false;
      retryOn(value, generation);
      return;
    }
    if (attempts >= maxAttempts) {
      finish(
          CasOutcome.EXHAUSTED,
          target.storageKey() + ": " + attempts + " CAS attempts all conflicted");
      return;
    }
    table.wakeupAt(
        clock.nowMillis() + delay(attempts),
        new CorrelationTable.WakeupHandler() {
          @Override
          public void onWakeup() {
            retryOn(value, generation);
          }
        });
  }

  /**
   * Decides again on a conflict's value, unless the tab learned meanwhile (a push) that the store
   * moved past it: that CAS would surely conflict too, so read the current value first.
   */
  private void retryOn(byte[] value, long generation) {
    if (target.storeMovedPast(generation)) {
      read();
    } else {
      attempt(value, generation);
    }
  }

  /**
   * A random delay in [0, spread) before contention attempt n (0: the first read of a key others
   * are writing; n >= 1: the retry after the n-th conflict).
   */
  private long delay(int n) {
    return random.nextInt((int) roundTrip.spread(n, MAX_BACKOFF_MILLIS));
  }

  private void finish(CasOutcome outcome, String message) {
    if (finished) {
      throw new IllegalStateException("CAS loop for " + target.storageKey() + " finished twice");
    }
    finished = true;
    done.onDone(outcome, message);
  }
}
