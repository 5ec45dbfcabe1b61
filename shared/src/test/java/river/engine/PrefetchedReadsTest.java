package river.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's store of reads the shell sent early: one test per rule. */
class PrefetchedReadsTest {
  private static final byte[] LIST = {1};
  private static final byte[] MANY = {2};
  private static final byte[] ANSWER = {9, 9};

  @Test
  void anAnsweredReadIsTakenOnce() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    p.announced(LIST);
    assertNull(p.answered(LIST, ANSWER));
    assertEquals(PrefetchedReads.Found.ANSWER, p.take(LIST, "r1"));
    assertArrayEquals(ANSWER, p.answer());
    assertEquals(PrefetchedReads.Found.NONE, p.take(LIST, "r2"), "the second asks the node");
  }

  @Test
  void itExpectsRequestsOnlyWhileAnAnnouncedReadIsNotTaken() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    assertFalse(p.expects(), "nothing announced: no request is the shell's");
    p.announced(LIST);
    p.announced(MANY);
    assertTrue(p.expects());
    p.answered(LIST, ANSWER);
    assertEquals(PrefetchedReads.Found.ANSWER, p.take(LIST, "r1"));
    assertTrue(p.expects(), "the GetMany is still to come");
    assertEquals(PrefetchedReads.Found.WAITING, p.take(MANY, "r2"));
    assertEquals("r2", p.answered(MANY, ANSWER));
    assertFalse(p.expects(), "every read taken");
    p.announced(LIST);
    p.close();
    assertFalse(p.expects(), "closed");
  }

  @Test
  void aRequestWaitsForAnAnnouncedReadAndGetsItsAnswer() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    p.announced(LIST);
    assertEquals(PrefetchedReads.Found.WAITING, p.take(LIST, "r1"));
    assertEquals(PrefetchedReads.Found.NONE, p.take(LIST, "r2"), "one request per read");
    assertEquals("r1", p.answered(LIST, ANSWER));
    assertEquals(PrefetchedReads.Found.NONE, p.take(LIST, "r3"));
  }

  @Test
  void aReadNeverAnnouncedIsAskedOfTheNode() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    p.announced(LIST);
    assertEquals(PrefetchedReads.Found.NONE, p.take(MANY, "r1"));
    assertNull(p.answered(MANY, ANSWER), "an answer to a read never announced is dropped");
    assertEquals(PrefetchedReads.Found.NONE, p.take(MANY, "r2"));
  }

  @Test
  void closingHandsBackTheWaitingRequestsAndTakesNothingMore() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    p.announced(LIST);
    p.announced(MANY);
    p.answered(MANY, ANSWER);
    assertEquals(PrefetchedReads.Found.WAITING, p.take(LIST, "r1"));
    assertEquals(List.of("r1"), p.close());
    assertFalse(p.isOpen());
    assertEquals(PrefetchedReads.Found.NONE, p.take(MANY, "r2"), "a kept answer is dropped too");
    assertNull(p.answered(LIST, ANSWER), "an answer after closing reaches no one");
    p.announced(LIST);
    assertEquals(PrefetchedReads.Found.NONE, p.take(LIST, "r3"), "nor is a later read taken");
  }

  @Test
  void aRequestThatGaveUpIsNotHandedALateAnswer() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    p.announced(LIST);
    assertEquals(PrefetchedReads.Found.WAITING, p.take(LIST, "r1"));
    p.forget("r1");
    assertNull(p.answered(LIST, ANSWER));
    assertEquals(List.of(), p.close());
  }

  @Test
  void aLostConnectionClosesOnlyOnceAReadWasAnnounced() {
    PrefetchedReads<String> p = new PrefetchedReads<>();
    assertEquals(List.of(), p.lost(), "the app hears 'connecting' before the socket opened");
    assertTrue(p.isOpen());
    p.announced(LIST);
    assertEquals(PrefetchedReads.Found.WAITING, p.take(LIST, "r1"));
    assertEquals(List.of("r1"), p.lost(), "its answer can no longer come");
    assertFalse(p.isOpen());
  }
}
