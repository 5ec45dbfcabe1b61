package river.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.chat.NewArrivals;

/** Which messages of a room state arrived live in a tab. */
class NewArrivalsTest {
  final Random rnd = new Random(15);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);
  final RoomMessage first = f.text(alice, 10, "one");
  final RoomMessage second = f.text(alice, 20, "two");
  final RoomMessage third = f.text(alice, 30, "three");
  final TestKey bob = TestKey.random(rnd);
  final TestKey carol = TestKey.random(rnd);

  DirectMessage dm(TestKey from, TestKey to, long time) {
    DirectMessage.Copy copy = new DirectMessage.Copy(new byte[65], new byte[12], new byte[40]);
    DirectMessage m = new DirectMessage(f.room(), from.pub, to.pub, time, copy, copy, new byte[0]);
    return m.withSignature(from.sign(m.signedBytes()));
  }

  static String times(List<DirectMessage> ms) {
    StringBuilder s = new StringBuilder();
    for (DirectMessage m : ms) {
      s.append(m.time()).append(';');
    }
    return s.toString();
  }

  List<VisibleMessage> room(RoomMessage... ms) {
    RoomDelta.Builder d = RoomDelta.builder().member(f.invite(owner, alice));
    for (RoomMessage m : ms) {
      d.message(m);
    }
    return MessageView.of(f.apply(f.created(), d.build()));
  }

  static String texts(List<VisibleMessage> v) {
    StringBuilder s = new StringBuilder();
    for (VisibleMessage m : v) {
      s.append(new String(m.content().data(), java.nio.charset.StandardCharsets.UTF_8)).append(';');
    }
    return s.toString();
  }

  @Test
  void theFirstStateOfARoomIsHistoryAndYieldsNothing() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    assertEquals("", texts(arrivals.arrived("r", room(first, second))));
  }

  @Test
  void aLaterStateYieldsOnlyTheMessagesNotSeenBefore() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    arrivals.arrived("r", room(first));
    assertEquals("two;three;", texts(arrivals.arrived("r", room(first, second, third))));
    assertEquals("", texts(arrivals.arrived("r", room(first, second, third))), "once only");
  }

  @Test
  void roomsAreTrackedApart() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    arrivals.arrived("r", room(first));
    assertEquals("", texts(arrivals.arrived("s", room(first, second))));
  }

  @Test
  void aForgottenRoomStartsOverWithHistory() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    arrivals.arrived("r", room(first));
    arrivals.forget("r");
    assertEquals("", texts(arrivals.arrived("r", room(first, second))));
  }

  // ---- direct messages: bob's tab ----

  @Test
  void theFirstStateOfARoomsDirectMessagesIsHistory() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    assertEquals("", times(arrivals.arrivedDirect("r", List.of(dm(alice, bob, 1)), bob.pub)));
  }

  @Test
  void aDirectMessageToTheUserNotSeenBeforeArrivesOnce() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    DirectMessage one = dm(alice, bob, 1);
    DirectMessage two = dm(alice, bob, 2);
    arrivals.arrivedDirect("r", List.of(one), bob.pub);
    assertEquals("2;", times(arrivals.arrivedDirect("r", List.of(one, two), bob.pub)));
    assertEquals("", times(arrivals.arrivedDirect("r", List.of(one, two), bob.pub)), "once");
  }

  @Test
  void theUsersOwnAndOtherMembersDirectMessagesAreNotNews() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    arrivals.arrivedDirect("r", List.of(), bob.pub);
    List<DirectMessage> later =
        List.of(dm(bob, alice, 1), dm(alice, carol, 2), dm(carol, bob, 3), dm(bob, bob, 4));
    assertEquals("3;", times(arrivals.arrivedDirect("r", later, bob.pub)));
  }

  @Test
  void directMessagesAndRoomMessagesAreRememberedApart() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    arrivals.arrived("r", room(first)); // the room's messages were seen, its DMs not yet
    assertEquals("", times(arrivals.arrivedDirect("r", List.of(dm(alice, bob, 1)), bob.pub)));
    assertEquals("two;", texts(arrivals.arrived("r", room(first, second))));
  }

  @Test
  void aForgottenRoomsDirectMessagesStartOverWithHistory() {
    NewArrivals<String> arrivals = new NewArrivals<>();
    arrivals.arrivedDirect("r", List.of(), bob.pub);
    arrivals.forget("r");
    assertEquals("", times(arrivals.arrivedDirect("r", List.of(dm(alice, bob, 1)), bob.pub)));
  }
}
