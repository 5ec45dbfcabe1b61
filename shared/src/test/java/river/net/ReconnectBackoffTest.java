package river.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  @Test
  void firstRetryIsBetweenHalfTheBaseAndTheBase() {
    assertEquals(ReconnectBackoff.BASE_MS / 2, ReconnectBackoff.delayMs(0, 0.0));
    assertEquals(ReconnectBackoff.BASE_MS, ReconnectBackoff.delayMs(0, 0.999999));
  }

  @Test
  void growsExponentiallyWithFailedAttempts() {
    assertEquals(400, ReconnectBackoff.delayMs(1, 0.999999));
    assertEquals(800, ReconnectBackoff.delayMs(2, 0.999999));
  }

  @Test
  void neverExceedsTheCapEvenAfterManyAttempts() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int d = ReconnectBackoff.delayMs(attempt, 0.999999);
      assertTrue(d <= ReconnectBackoff.MAX_MS, "attempt " + attempt + " gave " + d);
    }
    assertEquals(ReconnectBackoff.MAX_MS / 2, ReconnectBackoff.delayMs(1000, 0.0));
  }

  @Test
  void jitterSpreadsTabsThatFailedTogether() {
    assertTrue(ReconnectBackoff.delayMs(3, 0.1) < ReconnectBackoff.delayMs(3, 0.9));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> ReconnectBackoff.delayMs(-1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> ReconnectBackoff.delayMs(0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> ReconnectBackoff.delayMs(0, Double.NaN));
  }
}
