package river.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import river.net.ProfileCheck.Next;

class ProfileCheckTest {
  @Test
  void theFirstAttemptAndTheFirstReconnectAfterAnOpenSocketGoStraightToTheSocket() {
    assertFalse(ProfileCheck.askBeforeAttempt(0));
  }

  @Test
  void everyAttemptAfterAFailedOneAsksFirstSoTheNodesReturnIsNoticedAtOnce() {
    for (int failed = 1; failed <= 40; failed++) {
      assertTrue(ProfileCheck.askBeforeAttempt(failed), "after " + failed + " failed attempts");
    }
  }

  @Test
  void aKnownProfileOpensTheSocket() {
    assertEquals(Next.OPEN_SOCKET, ProfileCheck.after(204));
  }

  @Test
  void anUnknownProfileStopsTheReconnects() {
    assertEquals(Next.PROFILE_UNKNOWN, ProfileCheck.after(401));
  }

  @Test
  void noAnswerMeansTheNodeIsStillAwayAndTheBackoffContinues() {
    assertEquals(Next.RETRY_LATER, ProfileCheck.after(ProfileCheck.NO_ANSWER));
  }

  @Test
  void anUnexpectedAnswerLeavesTheDecisionToTheSocket() {
    // An older node without the endpoint (404), a server error: reachable, so try the socket.
    assertEquals(Next.OPEN_SOCKET, ProfileCheck.after(404));
    assertEquals(Next.OPEN_SOCKET, ProfileCheck.after(500));
    assertEquals(Next.OPEN_SOCKET, ProfileCheck.after(403));
  }
}
