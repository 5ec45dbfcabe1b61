package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.chat.Names;
import river.chat.ReadMarks;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.store.Base58;

/** Unread counts and display names over real signed room states (river.chat helpers). */
class ReadMarksAndNamesTest {
  final Random rnd = new Random(5);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  RoomState withMessages(RoomMessage... ms) {
    RoomDelta.Builder d = RoomDelta.builder().member(f.invite(owner, alice));
    for (RoomMessage m : ms) {
      d.message(m);
    }
    return f.apply(f.created(), d.build());
  }

  @Test
  void countsOthersMessagesAfterTheMark() {
    RoomMessage a1 = f.text(alice, 10, "one");
    RoomMessage o2 = f.text(owner, 20, "mine");
    RoomMessage a3 = f.text(alice, 30, "three");
    List<VisibleMessage> v = MessageView.of(withMessages(a1, o2, a3));
    assertEquals(2, ReadMarks.unread(v, LastRead.NONE, owner.pub));
    assertEquals(1, ReadMarks.unread(v, new LastRead(10, Bytes.of(a1.id())), owner.pub));
    assertEquals(
        1,
        ReadMarks.unread(v, new LastRead(20, Bytes.of(o2.id())), owner.pub),
        "own message is not unread");
    LastRead all = ReadMarks.latest(v);
    assertEquals(30, all.position());
    assertEquals(0, ReadMarks.unread(v, all, owner.pub));
    assertFalse(ReadMarks.newer(30, a3.id(), all), "the mark covers the newest message itself");
    assertNull(ReadMarks.latest(MessageView.of(withMessages())));
  }

  @Test
  void theDividerGoesBeforeTheFirstOfOthersMessagesAfterTheMark() {
    RoomMessage a1 = f.text(alice, 10, "one");
    RoomMessage o2 = f.text(owner, 20, "mine");
    RoomMessage a3 = f.text(alice, 30, "three");
    List<VisibleMessage> v = MessageView.of(withMessages(a1, o2, a3));
    assertArrayEquals(a1.id(), ReadMarks.firstUnread(v, LastRead.NONE, owner.pub));
    assertArrayEquals(
        a3.id(),
        ReadMarks.firstUnread(v, new LastRead(10, Bytes.of(a1.id())), owner.pub),
        "own message is not unread");
    assertNull(ReadMarks.firstUnread(v, ReadMarks.latest(v), owner.pub), "all read");
    assertArrayEquals(
        o2.id(),
        ReadMarks.firstUnread(v, LastRead.NONE, alice.pub),
        "for alice, the owner's is news");
  }

  @Test
  void equalTimesBreakByIdSoTheMarkIsExact() {
    RoomMessage x = f.text(alice, 50, "x");
    RoomMessage y = f.text(alice, 50, "y");
    boolean xFirst = Bytes.of(x.id()).compareTo(Bytes.of(y.id())) < 0;
    RoomMessage first = xFirst ? x : y;
    RoomMessage second = xFirst ? y : x;
    LastRead mark = new LastRead(50, Bytes.of(first.id()));
    assertFalse(ReadMarks.newer(50, first.id(), mark));
    assertTrue(ReadMarks.newer(50, second.id(), mark));
    assertFalse(ReadMarks.newer(49, second.id(), mark));
    assertEquals(1, ReadMarks.unread(MessageView.of(withMessages(x, y)), mark, owner.pub));
  }

  @Test
  void titleShowsTheTotal() {
    assertEquals("River", ReadMarks.title(0));
    assertEquals("(3) River", ReadMarks.title(3));
  }

  @Test
  void namesUseTheNewestNicknameElseAShortKey() {
    RoomState s =
        f.apply(
            withMessages(), RoomDelta.builder().memberInfo(f.info(alice, alice, 1, "al")).build());
    s = f.apply(s, RoomDelta.builder().memberInfo(f.info(alice, alice, 2, "alice")).build());
    Names n = Names.of(s);
    assertEquals("alice", n.of(alice.pub));
    assertEquals(2, n.version(alice.pub));
    String ownerKey = Base58.encode(owner.pub);
    assertEquals(ownerKey.substring(0, 8) + "…", n.of(owner.pub));
    assertNull(n.nickname(owner.pub));
    assertEquals(0, n.version(owner.pub));
  }

  @Test
  void aLookAlikeNameIsShownWithItsKeyOnBothMembers() {
    TestKey bob = TestKey.random(rnd);
    RoomState s =
        f.apply(
            withMessages(),
            RoomDelta.builder()
                .member(f.invite(owner, bob))
                .memberInfo(f.info(alice, alice, 1, "alice"))
                .memberInfo(f.info(bob, bob, 1, "\u0430lice")) // a Cyrillic а
                .build());
    Names n = Names.of(s);
    String aliceShort = Names.shortKey(Base58.encode(alice.pub));
    String bobShort = Names.shortKey(Base58.encode(bob.pub));
    assertEquals("\u2068alice\u2069 (" + aliceShort + ")", n.of(alice.pub));
    assertEquals("\u2068\u0430lice\u2069 (" + bobShort + ")", n.of(bob.pub));
    assertTrue(n.looksLikeAnother(alice.pub));
    assertTrue(n.looksLikeAnother(bob.pub));
    assertFalse(n.looksLikeAnother(owner.pub));
    assertEquals("alice", n.nickname(alice.pub)); // the nickname itself is unchanged

    // bob renames: both names are plain again
    s = f.apply(s, RoomDelta.builder().memberInfo(f.info(bob, bob, 2, "bob")).build());
    n = Names.of(s);
    assertEquals("alice", n.of(alice.pub));
    assertEquals("bob", n.of(bob.pub));
    assertFalse(n.looksLikeAnother(alice.pub));
  }

  @Test
  void aNicknameMadeToLookLikeAKeyIsShownWithItsOwnKey() {
    String ownerShort = Names.shortKey(Base58.encode(owner.pub));
    RoomState s =
        f.apply(
            withMessages(),
            RoomDelta.builder().memberInfo(f.info(alice, alice, 1, ownerShort)).build());
    Names n = Names.of(s);
    assertEquals(ownerShort, n.of(owner.pub)); // a key needs no key after it
    assertEquals(
        "\u2068" + ownerShort + "\u2069 (" + Names.shortKey(Base58.encode(alice.pub)) + ")",
        n.of(alice.pub));
    assertTrue(n.looksLikeAnother(owner.pub));
  }

  @Test
  void theEditorIsToldWhoseNameANicknameWouldLookLike() {
    RoomState s =
        f.apply(
            withMessages(),
            RoomDelta.builder().memberInfo(f.info(alice, alice, 1, "alice")).build());
    Names n = Names.of(s);
    assertEquals("alice", n.lookAlikeOf("ALIC\u0415", owner.pub));
    assertNull(n.lookAlikeOf("alice", alice.pub)); // her own name is hers to keep
    assertNull(n.lookAlikeOf("alicia", owner.pub));
    assertNull(n.lookAlikeOf("\u200b", owner.pub));
  }
}
