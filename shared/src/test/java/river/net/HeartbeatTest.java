package river.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import river.net.Heartbeat.Action;

/** The heartbeat's timing rules, driven by a fake clock (milliseconds as plain numbers). */
class HeartbeatTest {
  private static final int IDLE = 1000;
  private static final int ANSWER = 300;
  private static final int OPEN = 2000;

  private long now = 50_000;
  private final Heartbeat beat = new Heartbeat(IDLE, ANSWER, OPEN);

  private Action at(long t) {
    now = t;
    return beat.check(now);
  }

  @Test
  void aBusySocketNeverPings() {
    beat.opened(now);
    long start = now;
    for (int i = 1; i <= 50; i++) {
      now = start + i * (IDLE - 1);
      beat.heard(now);
      assertEquals(Action.WAIT, beat.check(now));
    }
  }

  @Test
  void anIdleSocketPingsOnceAfterTheIdlePeriod() {
    beat.opened(now);
    long start = now;
    assertEquals(Action.WAIT, at(start + IDLE - 1));
    assertEquals(Action.PING, at(start + IDLE));
    assertEquals(Action.WAIT, at(start + IDLE + 1), "one Ping at a time");
    assertEquals(start + IDLE + ANSWER, beat.nextCheckAt());
  }

  @Test
  void anAnsweredPingKeepsTheSocket() {
    beat.opened(now);
    long start = now;
    assertEquals(Action.PING, at(start + IDLE));
    beat.heard(start + IDLE + 40); // the Pong
    assertEquals(Action.WAIT, at(start + IDLE + ANSWER + 10));
    assertEquals(start + IDLE + 40 + IDLE, beat.nextCheckAt(), "idle again from the Pong");
  }

  @Test
  void aSilentSocketIsGivenUpOnceThePingGoesUnanswered() {
    beat.opened(now);
    long start = now;
    assertEquals(Action.PING, at(start + IDLE));
    assertEquals(Action.WAIT, at(start + IDLE + ANSWER - 1));
    assertEquals(Action.GIVE_UP, at(start + IDLE + ANSWER));
  }

  @Test
  void aLateTimerDoesNotKillASocketThatAnsweredMeanwhile() {
    // A throttled background tab runs the deadline check long after the Pong arrived.
    beat.opened(now);
    long start = now;
    assertEquals(Action.PING, at(start + IDLE));
    beat.heard(start + IDLE + 100);
    assertEquals(Action.PING, at(start + IDLE + 60_000), "a fresh question, not a verdict");
  }

  @Test
  void aLateFirstCheckAsksBeforeGivingUp() {
    // Woken after a long sleep: the socket may be fine, so ask instead of dropping it at once.
    beat.opened(now);
    assertEquals(Action.PING, at(now + 10 * IDLE));
  }

  @Test
  void anAttemptThatNeverOpensIsGivenUpAfterTheOpenPeriod() {
    beat.connecting(now);
    long start = now;
    assertEquals(start + OPEN, beat.nextCheckAt());
    assertEquals(Action.WAIT, at(start + OPEN - 1));
    beat.heard(start + OPEN - 1); // nothing is heard before opening, but even so
    assertEquals(Action.GIVE_UP, at(start + OPEN));
  }

  @Test
  void openingStartsTheIdlePeriodAfresh() {
    beat.connecting(now);
    long start = now;
    beat.opened(start + OPEN - 1);
    assertEquals(Action.WAIT, at(start + OPEN + 10));
    assertEquals(start + OPEN - 1 + IDLE, beat.nextCheckAt());
  }

  @Test
  void aNewAttemptForgetsTheUnansweredPing() {
    beat.opened(now);
    long start = now;
    assertEquals(Action.PING, at(start + IDLE));
    beat.connecting(start + IDLE + ANSWER);
    assertEquals(Action.WAIT, at(start + IDLE + ANSWER + OPEN - 1));
  }

  @Test
  void defaultsDetectASilentSocketWithinFifteenSeconds() {
    Heartbeat real = new Heartbeat();
    real.opened(0);
    assertEquals(Action.PING, real.check(Heartbeat.IDLE_MS));
    assertEquals(Action.GIVE_UP, real.check(Heartbeat.IDLE_MS + Heartbeat.ANSWER_MS));
    assertEquals(15_000, Heartbeat.IDLE_MS + Heartbeat.ANSWER_MS);
  }

  @Test
  void rejectsNonsensePeriods() {
    assertThrows(IllegalArgumentException.class, () -> new Heartbeat(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Heartbeat(1, -1, 1));
  }
}
