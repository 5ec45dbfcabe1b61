package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Outbox entries round-trip, and re-signing one gives the same message: delivery is idempotent. */
class PendingMessageTest {
  final Random rnd = new Random(3);
  final TestKey owner = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  @Test
  void roundTripsAndResigningIsTheSameMessage() {
    RoomMessage unsigned =
        new RoomMessage(
            f.room(),
            owner.pub,
            1234,
            MessageKind.TEXT,
            null,
            RoomFixture.text("queued"),
            new byte[0]);
    byte[] stored = PendingMessage.encode(unsigned);
    RoomMessage back = PendingMessage.decode(stored);
    assertArrayEquals(unsigned.signedBytes(), back.signedBytes());
    assertArrayEquals(f.room(), PendingMessage.room(back));
    RoomMessage first = unsigned.withSignature(owner.sign(unsigned.signedBytes()));
    RoomMessage again = back.withSignature(owner.sign(back.signedBytes()));
    assertArrayEquals(first.id(), again.id());
    RoomState once = f.apply(f.created(), RoomDelta.builder().message(first).build());
    RoomState twice = f.apply(once, RoomDelta.builder().message(again).build());
    assertEquals(once, twice);
    assertEquals(1, MessageView.of(twice).size());
  }

  @Test
  void deliveredOnlyOnceTheRoomHoldsTheSameSignedBody() {
    RoomMessage unsigned =
        new RoomMessage(
            f.room(),
            owner.pub,
            1234,
            MessageKind.TEXT,
            null,
            RoomFixture.text("queued"),
            new byte[0]);
    RoomMessage sameTextLater =
        new RoomMessage(
            f.room(),
            owner.pub,
            1235,
            MessageKind.TEXT,
            null,
            RoomFixture.text("queued"),
            new byte[0]);
    RoomState before = f.created();
    assertFalse(PendingMessage.deliveredIn(before, unsigned));
    assertFalse(PendingMessage.deliveredIn(null, unsigned));
    RoomState after =
        f.apply(
            before,
            RoomDelta.builder()
                .message(unsigned.withSignature(owner.sign(unsigned.signedBytes())))
                .build());
    assertTrue(
        PendingMessage.deliveredIn(after, PendingMessage.decode(PendingMessage.encode(unsigned))));
    assertFalse(
        PendingMessage.deliveredIn(after, sameTextLater),
        "the same words sent again are another message");
  }

  @Test
  void garbageIsRefused() {
    assertThrows(RuntimeException.class, () -> PendingMessage.decode(new byte[] {1, 2, 3}));
    assertThrows(RuntimeException.class, () -> PendingMessage.decode(new byte[] {(byte) 0xa0}));
  }
}
