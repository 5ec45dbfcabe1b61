package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;

/**
 * Rejoin flags: set by explicit rejoin, cleared by leave, consumed by the landed write made under
 * them.
 */
class RejoinFlagsTest {
  @Test
  void setByExplicitRejoin() {
    RejoinFlags f = new RejoinFlags();
    assertFalse(f.isSet(key(1)));
    f.mark(key(1));
    assertTrue(f.isSet(key(1)));
    assertFalse(f.isSet(key(2)));
  }

  @Test
  void clearedByLeave() {
    RejoinFlags f = new RejoinFlags();
    f.mark(key(1));
    f.clear(key(1));
    assertFalse(f.isSet(key(1)));
    assertEquals(0, f.epoch(key(1)));
  }

  @Test
  void consumedWhenThePresentWriteMadeUnderItLands() {
    RejoinFlags f = new RejoinFlags();
    f.mark(key(1));
    long e = f.epoch(key(1));
    assertTrue(f.consume(key(1), e));
    assertFalse(f.isSet(key(1)));
  }

  @Test
  void anOlderWriteCannotConsumeANewerRejoin() {
    RejoinFlags f = new RejoinFlags();
    f.mark(key(1));
    long old = f.epoch(key(1));
    f.clear(key(1));
    f.mark(key(1));
    assertFalse(f.consume(key(1), old));
    assertTrue(f.isSet(key(1)));
  }

  @Test
  void sessionScopedANewTabStartsWithNone() {
    RejoinFlags first = new RejoinFlags();
    first.mark(key(1));
    assertFalse(new RejoinFlags().isSet(key(1)));
  }
}
