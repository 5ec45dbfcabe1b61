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
}
