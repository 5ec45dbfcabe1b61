package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.chat.Deputies;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * What the member info should name after the user's requests ({@link Deputies#toPublish}), a test
 * per row. Room: owner -> alice, owner -> bob, owner -> carol; alice is the user.
 */
class DeputiesToPublishTest {
  final Random rnd = new Random(44);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final TestKey carol = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  RoomState room(TestKey... aliceNames) {
    List<byte[]> keys = new ArrayList<byte[]>();
    for (TestKey k : aliceNames) {
      keys.add(k.pub);
    }
    MemberInfo i =
        new MemberInfo(
            f.room(), alice.pub, 1, RoomFixture.text("alice"), false, null, keys, new byte[0]);
    return f.apply(
        f.created(),
        RoomDelta.builder()
            .member(f.invite(owner, alice))
            .member(f.invite(owner, bob))
            .member(f.invite(owner, carol))
            .memberInfo(i.withSignature(alice.sign(i.signedBytes())))
            .build());
  }

  RoomData asked(Object... keyThenNamed) {
    RoomData d = RoomData.builder(RoomKey.of(Bytes.of(f.room()))).build();
    for (int i = 0; i < keyThenNamed.length; i += 2) {
      d =
          d.withDeputyMark(
              Bytes.of(((TestKey) keyThenNamed[i]).pub), 1_000 + i, (Boolean) keyThenNamed[i + 1]);
    }
    return d;
  }

  List<byte[]> publish(RoomState s, RoomData d) {
    return Deputies.toPublish(s, d, alice.pub);
  }

  @Test
  void noRequestsChangeNothing() {
    assertNull(publish(room(bob), asked()));
  }

  @Test
  void aRequestTheInfoCarriesChangesNothing() {
    assertNull(publish(room(bob), asked(bob, true)));
    assertNull(publish(room(), asked(bob, false)));
  }

  @Test
  void aMemberAskedForIsAdded() {
    List<byte[]> want = publish(room(), asked(bob, true));
    assertEquals(1, want.size());
    assertArrayEquals(bob.pub, want.get(0));
  }

  @Test
  void aMemberTakenBackIsRemovedAndANamingTheRequestsDoNotKnowStays() {
    List<byte[]> want = publish(room(bob, carol), asked(bob, false));
    assertEquals(1, want.size());
    assertArrayEquals(carol.pub, want.get(0));
  }

  @Test
  void aMemberNoLongerInTheRoomIsNotNamedAgain() {
    RoomState s = f.apply(room(), RoomDelta.builder().ban(f.ban(owner, bob, 3)).build());
    assertNull(publish(s, asked(bob, true)));
  }

  @Test
  void nothingIsPublishedForAMemberWithoutAnInfoOrWhoLeft() {
    RoomState s = room();
    assertNull(Deputies.toPublish(s, asked(alice, true), bob.pub), "bob has no info");
    MemberInfo left = s.memberInfo().get(0).next(true);
    RoomState gone =
        f.apply(
            s,
            RoomDelta.builder()
                .memberInfo(left.withSignature(alice.sign(left.signedBytes())))
                .build());
    assertNull(publish(gone, asked(bob, true)));
  }

  @Test
  void aMemberMayNameOnlyOnceSomeoneCurrentIsBelowThem() {
    RoomState s = room();
    assertEquals(false, Deputies.hasBelow(s, alice.pub));
    assertEquals(false, Deputies.canName(s, alice.pub, bob.pub));
    TestKey k = TestKey.random(rnd);
    TestKey under = TestKey.random(rnd);
    s =
        f.apply(
            s, RoomDelta.builder().member(f.invite(alice, k)).member(f.invite(k, under)).build());
    assertEquals(true, Deputies.hasBelow(s, alice.pub));
    assertEquals(true, Deputies.canName(s, alice.pub, bob.pub));
    assertEquals(true, Deputies.hasBelow(s, owner.pub), "the owner, through alice");
    s = f.apply(s, RoomDelta.builder().ban(f.ban(owner, k, 5)).build());
    assertEquals(false, Deputies.hasBelow(s, alice.pub), "her invitee's subtree was banned");
  }

  @Test
  void pastTheCapKeysAreTakenInAscendingOrder() {
    RoomState s = room();
    List<TestKey> many = new ArrayList<TestKey>();
    RoomDelta.Builder d = RoomDelta.builder();
    for (int i = 0; i < MemberInfo.MAX_DEPUTIES + 2; i++) {
      TestKey k = TestKey.random(rnd);
      many.add(k);
      d.member(f.invite(owner, k));
    }
    s = f.apply(s, d.build());
    Object[] asks = new Object[many.size() * 2];
    for (int i = 0; i < many.size(); i++) {
      asks[2 * i] = many.get(i);
      asks[2 * i + 1] = true;
    }
    List<byte[]> want = publish(s, asked(asks));
    assertEquals(MemberInfo.MAX_DEPUTIES, want.size());
    for (int i = 1; i < want.size(); i++) {
      assertEquals(-1, Integer.signum(Bytes.of(want.get(i - 1)).compareTo(Bytes.of(want.get(i)))));
    }
  }
}
