package river.chat;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.LastRead;

/** {@link ReadMarks#advance}: one test per row of its table. */
class ReadMarksAdvanceTest {
  private static LastRead mark(long position, int id) {
    return new LastRead(position, Bytes.of(new byte[] {(byte) id}));
  }

  @Test
  void nothingSeenRecordsNothing() {
    assertNull(ReadMarks.advance(null, mark(5, 1)));
    assertNull(ReadMarks.advance(null, null));
  }

  @Test
  void aFirstMarkIsRecorded() {
    LastRead seen = mark(5, 1);
    assertSame(seen, ReadMarks.advance(seen, null));
    assertSame(seen, ReadMarks.advance(seen, LastRead.NONE));
  }

  @Test
  void theMarkAlreadyKeptIsNotRecordedAgain() {
    assertNull(ReadMarks.advance(mark(5, 1), mark(5, 1)));
  }

  @Test
  void anEarlierMarkNeverMovesTheReaderBack() {
    assertNull(ReadMarks.advance(mark(4, 9), mark(5, 1)));
    assertNull(ReadMarks.advance(mark(5, 1), mark(5, 2)));
  }

  @Test
  void aLaterMarkIsRecorded() {
    LastRead later = mark(6, 1);
    assertSame(later, ReadMarks.advance(later, mark(5, 9)));
  }

  @Test
  void atTheSamePositionTheLargerIdIsLater() {
    LastRead larger = mark(5, 2);
    assertSame(larger, ReadMarks.advance(larger, mark(5, 1)));
  }
}
