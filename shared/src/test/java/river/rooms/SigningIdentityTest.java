package river.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import river.rooms.SigningIdentity.Join;

class SigningIdentityTest {
  private static RoomData joined(int n, int who) {
    return RoomData.builder(Fixtures.key(n))
        .signingKey(Bytes.filled(32, 0x10 + who))
        .verifyingKey(Bytes.filled(32, 0x20 + who))
        .membership(Bytes.ofInts(0x4d, who))
        .identityGeneration(1000 + who)
        .contractKey(Fixtures.key(n).bytes())
        .build();
  }

  private static RoomData owned(int n) {
    // A room this user created: the node made the key and keeps it; the slot has no seed.
    return RoomData.builder(Fixtures.key(n))
        .signingKey(Bytes.EMPTY)
        .verifyingKey(Fixtures.key(n).bytes())
        .identityGeneration(5)
        .build();
  }

  private static Rooms holding(RoomData... rooms) {
    TreeMap<RoomKey, RoomData> map = new TreeMap<>();
    for (RoomData r : rooms) {
      map.put(r.owner(), r);
    }
    return new Rooms(map, new TreeSet<>(), null, new TreeMap<>(), new ArrayList<>());
  }

  @Test
  void aRoomTheProfileDoesNotHoldIsJoined() {
    assertEquals(Join.ACCEPT, SigningIdentity.join(Rooms.EMPTY, Fixtures.key(1)));
    assertEquals(Join.ACCEPT, SigningIdentity.join(holding(joined(2, 1)), Fixtures.key(1)));
  }

  @Test
  void aRoomTheProfileHoldsKeepsItsIdentity() {
    assertEquals(Join.ALREADY_MEMBER, SigningIdentity.join(holding(joined(1, 1)), Fixtures.key(1)));
  }

  @Test
  void aRoomTheProfileLeftCanBeJoinedAgain() {
    TreeSet<RoomKey> left = new TreeSet<>();
    left.add(Fixtures.key(1));
    Rooms rooms = new Rooms(new TreeMap<>(), left, null, new TreeMap<>(), new ArrayList<>());
    assertEquals(Join.ACCEPT, SigningIdentity.join(rooms, Fixtures.key(1)));
  }

  @Test
  void theNodeGetsTheHeldSeedWhenItHasAnotherKey() {
    RoomData held = joined(1, 1);
    assertEquals(held.signingKey(), SigningIdentity.seedToStore(held, joined(1, 2).verifyingKey()));
  }

  @Test
  void theNodeGetsTheHeldSeedWhenItHasNoKeyAtAll() {
    // A room migrated from the legacy blob: the old release kept the key in the blob only.
    RoomData held = joined(1, 1);
    assertEquals(held.signingKey(), SigningIdentity.seedToStore(held, null));
  }

  @Test
  void nothingIsStoredWhenTheNodeAlreadySignsAsTheHeldIdentity() {
    RoomData held = joined(1, 1);
    assertNull(SigningIdentity.seedToStore(held, held.verifyingKey()));
  }

  @Test
  void aKeyTheNodeCreatedIsNeverReplaced() {
    assertNull(SigningIdentity.seedToStore(owned(1), null));
    assertNull(SigningIdentity.seedToStore(owned(1), Bytes.filled(32, 9)));
    assertFalse(SigningIdentity.carriesSeed(owned(1)));
  }

  @Test
  void aSeedOfTheWrongLengthIsNotOffered() {
    RoomData odd = joined(1, 1).toBuilder().signingKey(Bytes.ofInts(1, 2, 3)).build();
    assertFalse(SigningIdentity.carriesSeed(odd));
    assertNull(SigningIdentity.seedToStore(odd, null));
    assertFalse(SigningIdentity.carriesSeed(null));
  }

  @Test
  void whicheverJoinWinsTheMergeIsTheIdentityTheNodeEndsWithInEveryTab() {
    // Two tabs joined with two invitations; each tab's ROOMS converges on the merge, and each
    // tab puts the merged identity's seed on the node, whatever the node held in between.
    RoomData a = joined(1, 1);
    RoomData b = joined(1, 2);
    RoomData winner = RoomDataMerge.merge(a, b);
    assertEquals(winner, RoomDataMerge.merge(b, a));
    for (RoomData onNode : new RoomData[] {a, b}) {
      Bytes seed = SigningIdentity.seedToStore(winner, onNode.verifyingKey());
      Bytes after = seed == null ? onNode.verifyingKey() : winner.verifyingKey();
      assertEquals(winner.verifyingKey(), after);
    }
  }

  @Test
  void identityChangesAreTheOnlyChangesThatConcernTheNodesKey() {
    RoomData a = joined(1, 1);
    assertTrue(SigningIdentity.identityChanged(null, a), "a room that appears");
    assertTrue(SigningIdentity.identityChanged(a, joined(1, 2)), "another identity won");
    assertFalse(
        SigningIdentity.identityChanged(a, a.toBuilder().nickname("x").nicknameVersion(9).build()));
    assertFalse(SigningIdentity.identityChanged(a, null), "a room that left");
  }
}
