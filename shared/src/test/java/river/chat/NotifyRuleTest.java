package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import river.rooms.NotificationMode;

/** When an arrived message notifies, one test per row of the truth table, and its words. */
class NotifyRuleTest {
  /** Someone else's message that arrived live and is unread: news, as far as arrival goes. */
  static NotifyRule.Arrival news() {
    return new NotifyRule.Arrival().live(true).unread(true);
  }

  @Test
  void allNotifiesEveryNewMessageOfOthers() {
    assertTrue(NotifyRule.notifies(NotificationMode.ALL, news()));
  }

  @Test
  void noModeStoredMeansAll() {
    assertTrue(NotifyRule.notifies(null, news()));
  }

  @Test
  void theUsersOwnMessageNeverNotifies() {
    assertFalse(NotifyRule.notifies(NotificationMode.ALL, news().own(true)));
    assertFalse(NotifyRule.notifies(NotificationMode.ALL, news().own(true).mention(true)));
  }

  @Test
  void historyLoadedByTheTabNeverNotifies() {
    assertFalse(NotifyRule.notifies(NotificationMode.ALL, news().live(false)));
    assertFalse(NotifyRule.notifies(NotificationMode.MENTIONS, news().live(false).mention(true)));
  }

  @Test
  void aMessageAlreadyReadNeverNotifies() {
    assertFalse(NotifyRule.notifies(NotificationMode.ALL, news().unread(false)));
  }

  @Test
  void mutedNotifiesNothingNotEvenAMention() {
    assertFalse(NotifyRule.notifies(NotificationMode.MUTED, news()));
    assertFalse(NotifyRule.notifies(NotificationMode.MUTED, news().mention(true)));
  }

  @Test
  void mentionsModeIgnoresAPlainMessage() {
    assertFalse(NotifyRule.notifies(NotificationMode.MENTIONS, news()));
  }

  @Test
  void mentionsModeNotifiesAMention() {
    assertTrue(NotifyRule.notifies(NotificationMode.MENTIONS, news().mention(true)));
  }

  @Test
  void mentionsModeNotifiesAReplyToTheUsersMessage() {
    assertTrue(NotifyRule.notifies(NotificationMode.MENTIONS, news().replyToMine(true)));
  }

  @Test
  void aDirectMessageCountsLikeAMention() {
    assertTrue(NotifyRule.notifies(NotificationMode.MENTIONS, news().direct(true)));
    assertFalse(NotifyRule.notifies(NotificationMode.MUTED, news().direct(true)));
  }

  @Test
  void theTitleIsTheRoomsNameOrInADirectConversationTheSenders() {
    assertEquals("Lobby", NotifyRule.title("Lobby", "alice", false));
    assertEquals("alice", NotifyRule.title("Lobby", "alice", true));
  }

  @Test
  void aTitleWithNothingPrintableSaysRiver() {
    assertEquals("River", NotifyRule.title("\u202E\n", "alice", false));
  }

  @Test
  void theTitleDropsControlsAndBidiOverridesAndIsCut() {
    assertEquals("Lo bby", NotifyRule.title("Lo\u202E\nbby", "x", false));
    String cut = NotifyRule.title("n".repeat(200), "x", false);
    assertEquals(NotifyRule.MAX_TITLE_CHARS, cut.length());
    assertTrue(cut.endsWith("…"));
  }

  @Test
  void theBodyIsSenderAndTextWithMentionsShownAsNames() {
    Mentions.Nicknames nicknames = key -> key.equals("Bk3") ? "bob" : null;
    assertEquals(
        "alice: hi @bob, and <@Zz9>", NotifyRule.body("alice", "hi <@Bk3>, and <@Zz9>", nicknames));
  }

  @Test
  void theBodyLeavesOutMarkup() {
    Mentions.Nicknames nicknames = key -> key.equals("Bk3") ? "b_o_b" : null;
    assertEquals(
        "alice: hi @b_o_b, see code() now",
        NotifyRule.body("alice", "**hi** _<@Bk3>_, see `code()` ~~now~~", nicknames));
  }

  @Test
  void theBodyIsOneLineCutAtASensibleLength() {
    String body = NotifyRule.body("alice", "line one\nline two " + "x".repeat(500), k -> null);
    assertTrue(body.startsWith("alice: line one line two x"), body);
    assertEquals(NotifyRule.MAX_BODY_CHARS, body.length());
    assertTrue(body.endsWith("…"));
  }

  @Test
  void theBodyOfATextThatCannotBeReadIsTheSenderAlone() {
    assertEquals("alice:", NotifyRule.body("alice", null, k -> null));
  }
}
