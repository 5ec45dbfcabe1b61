package river.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OfflineNoticeTest {
  @Test
  void aWorkingPathShowsNoBanner() {
    assertFalse(OfflineNotice.shows(OfflineNotice.NONE, 50_000));
    assertEquals(OfflineNotice.NONE, OfflineNotice.nextChangeAt(OfflineNotice.NONE, 1, 50_000));
  }

  @Test
  void aBlipOfTwoSecondsShowsNoBanner() {
    assertFalse(OfflineNotice.shows(10_000, 10_000));
    assertFalse(OfflineNotice.shows(10_000, 12_000));
  }

  @Test
  void downForMoreThanTwoSecondsShowsTheBanner() {
    assertTrue(OfflineNotice.shows(10_000, 12_001));
  }

  @Test
  void theBannerIsDueJustAfterTheTwoSeconds() {
    long at = OfflineNotice.nextChangeAt(10_000, OfflineNotice.NONE, 10_500);
    assertEquals(12_001, at);
    assertTrue(OfflineNotice.shows(10_000, at));
  }

  @Test
  void theCountdownRoundsUpSoItNeverSaysZeroBeforeTheAttempt() {
    assertEquals(5, OfflineNotice.retryInSeconds(20_000, 15_000));
    assertEquals(5, OfflineNotice.retryInSeconds(20_000, 15_001));
    assertEquals(1, OfflineNotice.retryInSeconds(20_000, 19_999));
  }

  @Test
  void anAttemptUnderWayCountsAsZero() {
    assertEquals(0, OfflineNotice.retryInSeconds(OfflineNotice.NONE, 15_000));
    assertEquals(0, OfflineNotice.retryInSeconds(15_000, 15_000));
    assertEquals(0, OfflineNotice.retryInSeconds(14_000, 15_000));
  }

  @Test
  void theNextTickIsWhenTheShownSecondsDrop() {
    // 4.3 s left shows 5; at 4.0 s left it shows 4.
    long at = OfflineNotice.nextChangeAt(0, 24_300, 20_000);
    assertEquals(20_300, at);
    assertEquals(5, OfflineNotice.retryInSeconds(24_300, at - 1));
    assertEquals(4, OfflineNotice.retryInSeconds(24_300, at));
    // Exactly 3 s left shows 3, and 2 once a whole second has passed.
    assertEquals(21_000, OfflineNotice.nextChangeAt(0, 23_000, 20_000));
    assertEquals(2, OfflineNotice.retryInSeconds(23_000, 21_000));
  }

  @Test
  void nothingChangesByItselfWhileAnAttemptIsUnderWay() {
    assertEquals(OfflineNotice.NONE, OfflineNotice.nextChangeAt(0, OfflineNotice.NONE, 20_000));
  }
}
