package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edits and deletes count only for the author's own message; reactions add and withdraw. */
class MessageViewTest {
  final Random rnd = new Random(11);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);
  final RoomMessage hello = f.text(alice, 10, "hello");

  List<VisibleMessage> view(RoomMessage... actions) {
    RoomDelta.Builder d =
        RoomDelta.builder()
            .member(f.invite(owner, alice))
            .member(f.invite(owner, bob))
            .message(hello);
    for (RoomMessage m : actions) {
      d.message(m);
    }
    // merged without the contract: the node refuses others' edits, and the view must still
    // ignore them in a state that holds some (one written before that rule, or a hostile node's)
    return MessageView.of(RoomMerge.merge(f.created(), d.build()));
  }

  static String text(VisibleMessage m) {
    return new String(m.content().data(), StandardCharsets.UTF_8);
  }

  RoomMessage act(TestKey who, long t, MessageKind k, RoomMessage target, String body) {
    return f.message(who, t, k, target.id(), body);
  }

  @Test
  void authorsLatestEditWins() {
    List<VisibleMessage> v =
        view(
            act(alice, 12, MessageKind.EDIT, hello, "second"),
            act(alice, 11, MessageKind.EDIT, hello, "first"));
    assertEquals(1, v.size());
    assertEquals("second", text(v.get(0)));
    assertTrue(v.get(0).edited());
  }

  @Test
  void someoneElsesEditOrDeleteIsIgnored() {
    List<VisibleMessage> v =
        view(
            act(bob, 11, MessageKind.EDIT, hello, "hijacked"),
            act(bob, 12, MessageKind.DELETE, hello, ""));
    assertEquals(1, v.size());
    assertEquals("hello", text(v.get(0)));
    assertFalse(v.get(0).edited());
  }

  @Test
  void authorsDeleteHidesTheMessage() {
    assertTrue(view(act(alice, 11, MessageKind.DELETE, hello, "")).isEmpty());
  }

  @Test
  void reactionsAddAndOnlyTheirAuthorWithdrawsThem() {
    RoomMessage bobLikes = act(bob, 11, MessageKind.REACT, hello, "+1");
    RoomMessage aliceLikes = act(alice, 12, MessageKind.REACT, hello, "+1");
    List<VisibleMessage> v =
        view(
            bobLikes,
            aliceLikes,
            act(bob, 13, MessageKind.UNREACT, bobLikes, ""),
            act(bob, 14, MessageKind.UNREACT, aliceLikes, ""));
    assertEquals(1, v.get(0).reactions().size());
    assertArrayEquals(alice.pub, v.get(0).reactions().get(0).author());
  }

  @Test
  void repliesPointAtTheirTarget() {
    List<VisibleMessage> v = view(act(bob, 11, MessageKind.REPLY, hello, "hi back"));
    assertEquals(2, v.size());
    assertNull(v.get(0).replyTo());
    assertArrayEquals(hello.id(), v.get(1).replyTo());
    assertEquals("hi back", text(v.get(1)));
  }
}
