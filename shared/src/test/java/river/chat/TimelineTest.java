package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date separators and grouping: one test per rule. */
class TimelineTest {
  static final long MIN = 60_000L;

  static String layout(Timeline.Entry... entries) {
    List<String> out = new ArrayList<>();
    for (Timeline.Place p : Timeline.of(List.of(entries))) {
      out.add((p.startsDay ? "|" : "") + (p.showsAuthor ? "A" : "-"));
    }
    return String.join(" ", out);
  }

  static Timeline.Entry e(String author, long minute, int day) {
    return new Timeline.Entry(author, minute * MIN, day, false);
  }

  @Test
  void theFirstMessageStartsADayAndShowsItsAuthor() {
    assertEquals("|A", layout(e("a", 0, 1)));
  }

  @Test
  void consecutiveMessagesOfOneAuthorWithinFiveMinutesAreGrouped() {
    assertEquals("|A - - A", layout(e("a", 0, 1), e("a", 2, 1), e("a", 7, 1), e("b", 8, 1)));
  }

  @Test
  void aLongerPauseStartsANewGroup() {
    assertEquals("|A A", layout(e("a", 0, 1), e("a", 6, 1)));
  }

  @Test
  void aNewDayGetsASeparatorAndShowsTheAuthorAgain() {
    assertEquals("|A |A", layout(e("a", 0, 1), e("a", 1, 2)));
  }

  @Test
  void aReplyAlwaysShowsItsAuthor() {
    assertEquals("|A A", layout(e("a", 0, 1), new Timeline.Entry("a", MIN, 1, true)));
  }

  @Test
  void aMessageOlderThanTheOneAboveIsNotGrouped() {
    assertEquals("|A A", layout(e("a", 5, 1), e("a", 4, 1)));
  }
}
