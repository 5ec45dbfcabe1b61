package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborDiag;
import river.chat.Names;

/** Leaving a room for the others: the member's next info says so; returning is the one after. */
class LeaveTest {
  final Random rnd = new Random(21);
  final TestKey owner = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  MemberInfo signed(TestKey k, MemberInfo unsigned) {
    return unsigned.withSignature(k.sign(unsigned.signedBytes()));
  }

  @Test
  void infoWithoutLeftKeepsItsBytesAndLeftRoundTrips() {
    MemberInfo plain = f.info(bob, bob, 1, "bob");
    assertFalse(
        CborDiag.format(plain.body()).contains("left"), "old infos keep their signed bytes");
    MemberInfo gone = signed(bob, plain.next(true));
    MemberInfo back = MemberInfo.fromCbor(Cbor.decode(gone.encoded()));
    assertTrue(back.left());
    assertEquals(2, back.version());
    assertArrayEquals(gone.encoded(), back.encoded());
  }

  @Test
  void aMemberWhoLeftIsMarkedAndReturnsWithTheNextVersion() {
    RoomState s =
        f.apply(
            f.created(),
            RoomDelta.builder()
                .member(f.invite(owner, bob))
                .memberInfo(f.info(bob, bob, 1, "bob"))
                .message(f.text(bob, 5, "hello"))
                .build());
    MemberInfo info = s.memberInfo().get(0);
    s = f.apply(s, RoomDelta.builder().memberInfo(signed(bob, info.next(true))).build());
    Names names = Names.of(s);
    assertTrue(names.hasLeft(bob.pub));
    assertEquals("bob", names.of(bob.pub), "their messages keep their name");
    assertTrue(s.isMember(bob.pub), "still a member: they can come back with the same key");
    assertEquals(1, s.messages().size());
    // nobody else can say bob left
    TestKey mallory = TestKey.random(rnd);
    RoomState withMallory =
        f.apply(s, RoomDelta.builder().member(f.invite(owner, mallory)).build());
    MemberInfo forged = s.memberInfo().get(0).next(false);
    assertThrows(
        RoomValidationException.class,
        () ->
            f.apply(withMallory, RoomDelta.builder().memberInfo(signed(mallory, forged)).build()));
    s =
        f.apply(
            s,
            RoomDelta.builder().memberInfo(signed(bob, s.memberInfo().get(0).next(false))).build());
    assertFalse(Names.of(s).hasLeft(bob.pub));
    assertEquals(1, s.members().size(), "a return keeps one member");
  }
}
