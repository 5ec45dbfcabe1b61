package river.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which tab shows a message's notification: one test per rule. */
class NotifyClaimTest {
  @Test
  void aVisibleTabClaimsAtOnceAndAHiddenOneLetsItGoFirst() {
    assertEquals(0, NotifyClaim.waitMs(false));
    assertTrue(NotifyClaim.waitMs(true) > 0);
  }

  @Test
  void theFirstClaimTakesTheMessage() {
    assertTrue(NotifyClaim.takes(null, 1000));
  }

  @Test
  void aLaterClaimFindsItTaken() {
    assertFalse(NotifyClaim.takes(1000.0, 1000 + NotifyClaim.HIDDEN_WAIT_MS));
  }

  @Test
  void aClaimOlderThanADayCountsAsNone() {
    assertFalse(NotifyClaim.isExpired(0, NotifyClaim.KEEP_MS));
    assertTrue(NotifyClaim.isExpired(0, NotifyClaim.KEEP_MS + 1));
    assertTrue(NotifyClaim.takes(0.0, NotifyClaim.KEEP_MS + 1));
  }

  @Test
  void onlyAHiddenTabThatWonShows() {
    assertTrue(NotifyClaim.shows(true, true));
    assertFalse(NotifyClaim.shows(true, false), "a visible winner only silences the others");
    assertFalse(NotifyClaim.shows(false, true));
  }
}
