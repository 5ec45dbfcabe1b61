package river.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * The bounded read-merge-CAS loop: store, conflict retry with jitter, exhaustion, failure, no-op
 * write.
 */
class CasLoopTest {
  /** Appends "+" to whatever is stored; records what it saw and how it settled. */
  static class AppendTarget implements CasTarget {
    final List<String> seen = new ArrayList<>();
    long settledAt = -1;
    Boolean wrote;
    boolean decline;

    public String storageKey() {
      return "k";
    }

    public byte[] decide(byte[] stored, long generation) {
      String s = stored == null ? "" : new String(stored);
      seen.add(s + "@" + generation);
      if (decline) return null;
      return s.endsWith("+") ? stored : (s + "+").getBytes();
    }

    public void settled(long generation, boolean w) {
      settledAt = generation;
      wrote = w;
    }

    public CasOutcome declineOutcome() {
      return CasOutcome.NOT_WRITTEN;
    }

    public String declineMessage() {
      return "declined";
    }
  }

  final CorrelationTable table = new CorrelationTable(1);
  final List<Object> done = new ArrayList<>();
  long now = 1000;
  final RoundTrip roundTrip = new RoundTrip();

  CasLoop loop(AppendTarget t, int attempts) {
    return new CasLoop(
        table,
        Bytes.ofInts(1),
        t,
        () -> now,
        new SeededRandom(3),
        attempts,
        roundTrip,
        (o, m) -> {
          done.add(o);
          if (m != null) done.add(m);
        });
  }

  static final byte[] K = "k".getBytes(StandardCharsets.UTF_8);

  static DelegateResponse gv(byte[] value, long generation) {
    return new DelegateResponse.GetVersioned(K, value, generation);
  }

  static DelegateResponse stored(long generation) {
    return new DelegateResponse.CasStore(K, new CasStoreResult.Stored(generation));
  }

  static DelegateResponse conflict(long generation, byte[] value) {
    return new DelegateResponse.CasStore(K, new CasStoreResult.Conflict(generation, value));
  }

  static DelegateRequest.CasStore cas(Outgoing o) {
    return (DelegateRequest.CasStore) o.op().msg();
  }

  Outgoing only() {
    List<Outgoing> out = table.drain();
    assertEquals(1, out.size(), out.toString());
    return out.get(0);
  }

  @Test
  void readsThenStoresAtTheGenerationRead() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    Outgoing get = only();
    assertTrue(get.op().msg() instanceof DelegateRequest.GetVersioned);
    assertArrayEquals(new byte[] {1}, get.op().delegate());
    assertArrayEquals(K, ((DelegateRequest.GetVersioned) get.op().msg()).key());
    table.deliver(get.id(), gv("a".getBytes(), 4));
    Outgoing cas = only();
    assertArrayEquals(K, cas(cas).key());
    assertEquals(4, cas(cas).expectedGeneration());
    assertArrayEquals("a+".getBytes(), cas(cas).value());
    table.deliver(cas.id(), stored(5));
    assertEquals(List.of(CasOutcome.WRITTEN), done);
    assertEquals(5, t.settledAt);
    assertTrue(t.wrote);
  }

  @Test
  void aGuessFromTheCacheIsWrittenWithoutReadingFirst() {
    AppendTarget t =
        new AppendTarget() {
          @Override
          public Guess guess() {
            return new Guess("a+".getBytes(), 4);
          }
        };
    loop(t, 8).start();
    Outgoing cas = only();
    assertTrue(
        cas.op().msg() instanceof DelegateRequest.CasStore, "one round trip, no GetVersioned");
    assertEquals(4, cas(cas).expectedGeneration());
    table.deliver(cas.id(), stored(5));
    assertEquals(List.of(CasOutcome.WRITTEN), done);
    assertEquals(5, t.settledAt);
  }

  @Test
  void aStaleGuessIsReconciledAtOnceAgainstTheConflictValueAndDoesNotCountAsAnAttempt() {
    AppendTarget t =
        new AppendTarget() {
          @Override
          public Guess guess() {
            return new Guess("a+".getBytes(), 4);
          }
        };
    loop(t, 1).start();
    table.deliver(only().id(), conflict(9, "b".getBytes()));
    Outgoing cas = only();
    assertTrue(
        cas.op().msg() instanceof DelegateRequest.CasStore,
        "no backoff wakeup: a stale cache is not contention");
    assertEquals(9, cas(cas).expectedGeneration());
    assertArrayEquals("b+".getBytes(), cas(cas).value());
    assertEquals(List.of("b@9"), t.seen);
    table.deliver(cas.id(), stored(10));
    assertEquals(
        List.of(CasOutcome.WRITTEN), done, "the one allowed attempt was the reconciled one");
  }

  @Test
  void aConflictValueThatAPushAlreadyOvertookIsReadAgainRatherThanWrittenOver() {
    long[] known = {0};
    AppendTarget t =
        new AppendTarget() {
          @Override
          public boolean storeMovedPast(long generation) {
            return known[0] > generation;
          }
        };
    loop(t, 8).start();
    table.deliver(only().id(), gv("a".getBytes(), 1));
    table.deliver(only().id(), conflict(7, "b".getBytes()));
    known[0] = 8; // a push during the backoff: the store is at 8 now
    table.wake(only().id());
    Outgoing read = only();
    assertTrue(read.op().msg() instanceof DelegateRequest.GetVersioned, "read, not a doomed CAS");
    table.deliver(read.id(), gv("c".getBytes(), 8));
    Outgoing cas = only();
    assertEquals(8, cas(cas).expectedGeneration());
    assertArrayEquals("c+".getBytes(), cas(cas).value());
    assertEquals(List.of("a@1", "c@8"), t.seen, "the overtaken value 'b' was never decided on");
  }

  @Test
  void absentReadsAsGenerationZero() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    table.deliver(only().id(), gv(null, 0));
    assertEquals(0, cas(only()).expectedGeneration());
  }

  @Test
  void conflictReconcilesAgainstTheReturnedValueAfterARandomWaitOfAFewRoundTrips() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    table.deliver(only().id(), gv("a".getBytes(), 1));
    Outgoing first = only();
    now += 40; // the CasStore took 40 ms to be answered
    table.deliver(first.id(), conflict(7, "b".getBytes()));
    Outgoing wake = only();
    assertTrue(wake.isWakeup());
    assertEquals(40, roundTrip.millis());
    assertTrue(wake.wakeupAt() >= now && wake.wakeupAt() < now + 240, "" + (wake.wakeupAt() - now));
    assertTrue(done.isEmpty());
    table.wake(wake.id());
    Outgoing cas = only();
    assertEquals(7, cas(cas).expectedGeneration());
    assertArrayEquals("b+".getBytes(), cas(cas).value());
    assertEquals(List.of("a@1", "b@7"), t.seen);
  }

  @Test
  void retryDelaysAreSpreadOverWiderWindowsAsConflictsRepeat() {
    AppendTarget t = new AppendTarget();
    roundTrip.sample(50);
    loop(t, 8).start();
    table.deliver(only().id(), gv(null, 0));
    long widest = 0;
    for (int i = 0; i < 40; i++) { // the first retry's window is 300 ms; later ones 600, 1200 ..
      Outgoing cas = only();
      table.deliver(cas.id(), conflict(i + 1, ("v" + i).getBytes()));
      if (!done.isEmpty()) break;
      Outgoing wake = only();
      widest = Math.max(widest, wake.wakeupAt() - now);
      table.wake(wake.id());
    }
    assertTrue(widest >= 300 && widest < CasLoop.MAX_BACKOFF_MILLIS, "" + widest);
    assertEquals(CasOutcome.EXHAUSTED, done.get(0));
  }

  @Test
  void aKeyOtherTabsAreWritingIsReadAfterARandomWaitNotAtOnce() {
    AppendTarget t =
        new AppendTarget() {
          @Override
          public boolean othersWriting() {
            return true;
          }
        };
    roundTrip.sample(30);
    loop(t, 8).start();
    Outgoing wake = only();
    assertTrue(wake.isWakeup(), "no GetVersioned in the same round trip as the other tabs'");
    assertTrue(wake.wakeupAt() >= now && wake.wakeupAt() < now + 180, "" + (wake.wakeupAt() - now));
    table.wake(wake.id());
    Outgoing read = only();
    assertTrue(read.op().msg() instanceof DelegateRequest.GetVersioned);
    table.deliver(read.id(), gv("a".getBytes(), 3));
    assertEquals(3, cas(only()).expectedGeneration());
  }

  @Test
  void aKeyNobodyElseIsWritingIsReadAtOnce() {
    loop(new AppendTarget(), 8).start();
    assertTrue(only().op().msg() instanceof DelegateRequest.GetVersioned);
  }

  @Test
  void givesUpAfterTheFixedNumberOfAttempts() {
    AppendTarget t = new AppendTarget();
    loop(t, 3).start();
    table.deliver(only().id(), gv(null, 0));
    for (int i = 0; i < 3; i++) {
      Outgoing cas = only();
      table.deliver(cas.id(), conflict(i + 1, ("v" + i).getBytes()));
      if (i < 2) table.wake(only().id());
    }
    assertEquals(CasOutcome.EXHAUSTED, done.get(0));
    assertEquals(0, table.waiting());
    assertEquals(-1, t.settledAt);
  }

  @Test
  void mergedBytesEqualToStoredWriteNothing() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    table.deliver(only().id(), gv("a+".getBytes(), 3));
    assertTrue(table.drain().isEmpty(), "no CasStore");
    assertEquals(List.of(CasOutcome.UNCHANGED), done);
    assertEquals(3, t.settledAt);
    assertFalse(t.wrote);
  }

  @Test
  void failedAndErrorRepliesEndTheLoopAsFailed() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    table.deliver(only().id(), gv(null, 0));
    table.deliver(
        only().id(), new DelegateResponse.CasStore(K, new CasStoreResult.Failed("disk full")));
    assertEquals(CasOutcome.FAILED, done.get(0));
    done.clear();
    loop(new AppendTarget(), 8).start();
    table.deliverError(only().id(), "unknown_delegate", "x");
    assertEquals(CasOutcome.FAILED, done.get(0));
    assertTrue(((String) done.get(1)).contains("unknown_delegate"));
  }

  @Test
  void aReplyOfTheWrongKindIsNeverTakenForTheAwaitedOne() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    table.deliver(only().id(), new DelegateResponse.Get(K, "stolen".getBytes()));
    assertEquals(CasOutcome.FAILED, done.get(0));
    assertTrue(t.seen.isEmpty(), "a plain Get response was not reconciled as if versioned");
  }

  @Test
  void aCasStoreWaiterTakesNoOtherKindOfResponseEither() {
    AppendTarget t = new AppendTarget();
    loop(t, 8).start();
    table.deliver(only().id(), gv(null, 0));
    table.deliver(only().id(), gv("x".getBytes(), 9));
    assertEquals(CasOutcome.FAILED, done.get(0));
    assertEquals(-1, t.settledAt, "a GetVersioned response to the CasStore settled nothing");
    assertTrue(((String) done.get(1)).contains("GetVersionedResponse"), done.toString());
  }

  @Test
  void targetDeclineEndsWithoutWriting() {
    AppendTarget t = new AppendTarget();
    t.decline = true;
    loop(t, 8).start();
    table.deliver(only().id(), gv("x".getBytes(), 2));
    assertTrue(table.drain().isEmpty());
    assertEquals(Arrays.asList(CasOutcome.NOT_WRITTEN, "declined"), done);
  }
}
