package river.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.chat.Attention;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.NotificationMode;

/** What counts in the tab title under each notification mode: one test per rule. */
class AttentionTest {
  final Random rnd = new Random(8);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);
  final Attention.Reader plain = c -> new String(c.data(), java.nio.charset.StandardCharsets.UTF_8);

  List<VisibleMessage> room(RoomMessage... ms) {
    RoomDelta.Builder d = RoomDelta.builder().member(f.invite(owner, alice));
    for (RoomMessage m : ms) {
      d.message(m);
    }
    return MessageView.of(f.apply(f.created(), d.build()));
  }

  int count(NotificationMode mode, List<VisibleMessage> v, LastRead read) {
    return Attention.count(mode, v, read, owner.pub, "Bob", plain);
  }

  @Test
  void allCountsEveryUnreadMessageOfOthers() {
    List<VisibleMessage> v =
        room(f.text(alice, 10, "hi"), f.text(owner, 20, "mine"), f.text(alice, 30, "there"));
    assertEquals(2, count(NotificationMode.ALL, v, LastRead.NONE));
    assertEquals(2, count(null, v, LastRead.NONE), "no mode stored means all");
  }

  @Test
  void mutedCountsNothing() {
    List<VisibleMessage> v = room(f.text(alice, 10, "@bob look"));
    assertEquals(0, count(NotificationMode.MUTED, v, LastRead.NONE));
  }

  @Test
  void mentionsCountsMentionsOfTheNickname() {
    List<VisibleMessage> v =
        room(
            f.text(alice, 10, "hello all"),
            f.text(alice, 20, "hey @BOB, look"),
            f.text(alice, 30, "@bobby is someone else"));
    assertEquals(1, count(NotificationMode.MENTIONS, v, LastRead.NONE));
  }

  @Test
  void mentionsCountsRepliesToTheUsersOwnMessages() {
    List<VisibleMessage> v = questionAnswerAndAnotherReply();
    assertEquals(1, count(NotificationMode.MENTIONS, v, LastRead.NONE));
  }

  @Test
  void aReplyIsToMineOnlyWhenItsTargetIsTheUsersMessage() {
    List<VisibleMessage> v = questionAnswerAndAnotherReply();
    assertTrue(Attention.repliesToMine(v.get(2), v, owner.pub));
    assertFalse(Attention.repliesToMine(v.get(3), v, owner.pub));
    assertFalse(Attention.repliesToMine(v.get(0), v, owner.pub), "not a reply");
  }

  @Test
  void onlyUnreadMessagesCount() {
    RoomMessage first = f.text(alice, 10, "@bob one");
    List<VisibleMessage> v = room(first, f.text(alice, 20, "@bob two"));
    assertEquals(1, count(NotificationMode.MENTIONS, v, new LastRead(10, Bytes.of(first.id()))));
  }

  @Test
  void aMentionEndsAtANonLetterAndUnreadableTextMentionsNoOne() {
    assertTrue(Attention.mentions("@bob", "bob"));
    assertTrue(Attention.mentions("thanks @Bob!", "bob"));
    assertFalse(Attention.mentions("@bob2", "bob"));
    assertFalse(Attention.mentions("bob", "bob"), "a name without @ is not a mention");
    assertFalse(Attention.mentions(null, "bob"));
    assertFalse(Attention.mentions("@", ""));
  }

  @Test
  void mentionsCountsAMentionOfTheUsersKeyWhateverTheirNickname() {
    String me = river.store.Base58.encode(owner.pub);
    String other = river.store.Base58.encode(alice.pub);
    List<VisibleMessage> v =
        room(
            f.text(alice, 10, "hey " + river.chat.Mentions.token(me) + " look"),
            f.text(alice, 20, "and " + river.chat.Mentions.token(other)));
    assertEquals(1, count(NotificationMode.MENTIONS, v, LastRead.NONE));
  }

  /** The owner's question, alice's unrelated message, a reply to each (the first to the owner). */
  private List<VisibleMessage> questionAnswerAndAnotherReply() {
    RoomMessage mine = f.text(owner, 10, "question");
    RoomMessage other = f.text(alice, 20, "unrelated");
    return room(
        mine,
        other,
        f.message(alice, 30, MessageKind.REPLY, mine.id(), "answer"),
        f.message(alice, 40, MessageKind.REPLY, other.id(), "not to you"));
  }
}
