package river.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Renaming a room: the owner signs the next config version; nobody else can; the newer one wins.
 */
class RenameTest {
  final Random rnd = new Random(21);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  RoomConfig signed(TestKey by, RoomConfig unsigned) {
    return unsigned.withSignature(by.sign(unsigned.signedBytes()));
  }

  @Test
  void theOwnersRenameIsTheNextVersionAndKeepsEverythingElse() {
    RoomState s = f.created();
    RoomConfig next = signed(owner, s.config().renamed(RoomFixture.text("Main hall")));
    assertEquals(s.config().version() + 1, next.version());
    assertEquals(s.config().maxMessageBytes(), next.maxMessageBytes());
    RoomState renamed = f.apply(s, RoomDelta.builder().config(next).build());
    assertEquals(
        "Main hall",
        new String(renamed.config().name().data(), java.nio.charset.StandardCharsets.UTF_8));
    // the older config arriving late does not undo it: it is refused
    assertThrows(
        RoomValidationException.class,
        () -> f.apply(renamed, RoomDelta.builder().config(s.config()).build()));
  }

  @Test
  void aMemberCannotRename() {
    RoomState s = f.apply(f.created(), RoomDelta.builder().member(f.invite(owner, alice)).build());
    RoomConfig forged = signed(alice, s.config().renamed(RoomFixture.text("mine now")));
    assertThrows(
        RoomValidationException.class,
        () -> f.apply(s, RoomDelta.builder().config(forged).build()));
  }

  @Test
  void aNameOverTheRoomsLimitIsRefused() {
    RoomState s = f.created();
    StringBuilder longName = new StringBuilder();
    for (int i = 0; i <= s.config().maxNameBytes(); i++) {
      longName.append('x');
    }
    RoomConfig tooLong = signed(owner, s.config().renamed(RoomFixture.text(longName.toString())));
    assertThrows(
        RoomValidationException.class,
        () -> f.apply(s, RoomDelta.builder().config(tooLong).build()));
  }
}
