package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.chat.StickToBottom.Scroll.BOTTOM;
import static river.chat.StickToBottom.Scroll.KEEP;

import org.junit.jupiter.api.Test;

/** The message list's scroll rules: one test per rule. */
class StickToBottomTest {
  @Test
  void aListAtTheBottomStaysThere() {
    assertEquals(BOTTOM, StickToBottom.scroll(false, true, false));
  }

  @Test
  void aListScrolledUpKeepsItsPlace() {
    assertEquals(KEEP, StickToBottom.scroll(false, false, false));
  }

  @Test
  void ownMessagesAlwaysScrollToTheBottom() {
    assertEquals(BOTTOM, StickToBottom.scroll(false, false, true));
  }

  @Test
  void anotherRoomOpensAtTheBottom() {
    assertEquals(BOTTOM, StickToBottom.scroll(true, false, false));
  }

  @Test
  void jumpToLatestShowsWhenScrolledUpAndANewerMessageArrives() {
    assertTrue(StickToBottom.jumpShown(false, KEEP, true));
    assertFalse(StickToBottom.jumpShown(false, KEEP, false), "nothing new: no button");
    assertTrue(StickToBottom.jumpShown(true, KEEP, false), "stays until the user is back");
    assertFalse(StickToBottom.jumpShown(true, BOTTOM, true), "at the bottom: gone");
  }
}
