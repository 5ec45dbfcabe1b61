package river.room;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import river.chat.Bans;

/** The UI offers a ban exactly where the contract accepts it, and the cascade removes invitees. */
class BansTest {
  final Random rnd = new Random(9);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final TestKey carol = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  @Test
  void ownerAndUpstreamInvitersMayBanAndTheBanCascades() {
    // owner -> alice -> bob -> carol
    RoomState s =
        f.apply(
            f.created(),
            RoomDelta.builder()
                .member(f.invite(owner, alice))
                .member(f.invite(alice, bob))
                .member(f.invite(bob, carol))
                .build());
    assertTrue(Bans.canBan(s, owner.pub, carol.pub));
    assertTrue(Bans.canBan(s, alice.pub, carol.pub));
    assertTrue(Bans.canBan(s, alice.pub, bob.pub));
    assertFalse(Bans.canBan(s, bob.pub, alice.pub), "not up the chain");
    assertFalse(Bans.canBan(s, carol.pub, bob.pub));
    assertFalse(Bans.canBan(s, alice.pub, owner.pub), "never the owner");
    assertFalse(Bans.canBan(s, alice.pub, alice.pub), "never yourself");

    RoomState banned = f.apply(s, RoomDelta.builder().ban(f.ban(alice, bob, 100)).build());
    assertFalse(banned.isMember(bob.pub));
    assertFalse(banned.isMember(carol.pub), "the cascade removes bob's invitee");
    assertTrue(banned.isMember(alice.pub));
    assertFalse(Bans.canBan(banned, alice.pub, carol.pub), "already gone");
    assertFalse(Bans.canBan(banned, bob.pub, carol.pub), "a banned member bans no one");
  }
}
