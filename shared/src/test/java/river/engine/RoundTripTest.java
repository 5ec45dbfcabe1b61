package river.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The smoothed CAS round trip and the spread of contention delays it implies. */
class RoundTripTest {
  @Test
  void beforeAnyAnswerTheEstimateIsAQuietMachines() {
    assertEquals(RoundTrip.INITIAL_MILLIS, new RoundTrip().millis());
  }

  @Test
  void theFirstAnswerIsTakenAsIsAndLaterOnesMoveItAnEighth() {
    RoundTrip r = new RoundTrip();
    r.sample(40);
    assertEquals(40, r.millis());
    r.sample(120);
    assertEquals(50, r.millis());
    r.sample(50);
    assertEquals(50, r.millis());
  }

  @Test
  void aNegativeElapsedTimeFromAClockStepIsIgnored() {
    RoundTrip r = new RoundTrip();
    r.sample(30);
    r.sample(-500);
    assertEquals(30, r.millis());
  }

  @Test
  void theSpreadIsSixRoundTripsDoublingPerRetryWithinItsBounds() {
    RoundTrip r = new RoundTrip();
    r.sample(50);
    assertEquals(300, r.spread(0, 2000), "first read of a key others are writing");
    assertEquals(300, r.spread(1, 2000), "first retry");
    assertEquals(600, r.spread(2, 2000));
    assertEquals(1200, r.spread(3, 2000));
    assertEquals(2000, r.spread(4, 2000), "capped");
    assertEquals(2000, r.spread(30, 2000), "capped");
    RoundTrip fast = new RoundTrip();
    fast.sample(1);
    assertEquals(RoundTrip.MIN_SPREAD_MILLIS, fast.spread(1, 2000), "a fast machine still spreads");
  }
}
