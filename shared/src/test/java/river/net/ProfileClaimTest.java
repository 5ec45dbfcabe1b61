package river.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileClaimTest {
  @Test
  void theFirstTabOnAFreshProfileWritesAndUsesItsToken() {
    ProfileClaim.Outcome o = ProfileClaim.decide(null, null, "mine");
    assertEquals("mine", o.write);
    assertEquals("mine", o.adopt);
  }

  @Test
  void aTabThatLostTheFirstOpenRaceAdoptsTheStoredTokenAndWritesNothing() {
    ProfileClaim.Outcome o = ProfileClaim.decide("winner", null, "mine");
    assertNull(o.write);
    assertEquals("winner", o.adopt);
  }

  @Test
  void replacingTheUnknownTokenWritesTheNewOne() {
    ProfileClaim.Outcome o = ProfileClaim.decide("gone", "gone", "fresh");
    assertEquals("fresh", o.write);
    assertEquals("fresh", o.adopt);
  }

  @Test
  void aTabReplacingAfterAnotherTabDidAdoptsThatReplacement() {
    ProfileClaim.Outcome o = ProfileClaim.decide("first-fresh", "gone", "fresh");
    assertNull(o.write);
    assertEquals("first-fresh", o.adopt);
  }

  @Test
  void replacingIntoAnEmptiedStoreWritesTheNewOne() {
    ProfileClaim.Outcome o = ProfileClaim.decide(null, "gone", "fresh");
    assertEquals("fresh", o.write);
    assertEquals("fresh", o.adopt);
  }

  @Test
  void aClaimWithoutAMintedTokenIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ProfileClaim.decide(null, null, ""));
  }
}
