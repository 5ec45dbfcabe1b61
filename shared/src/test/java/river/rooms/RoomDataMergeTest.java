package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-field RoomData merge: one test per rule, and commutativity / associativity / idempotence. */
class RoomDataMergeTest {
  @Test
  void newerIdentityGenerationWinsTheWholeIdentity() {
    RoomData old = room(1, 2);
    RoomData neu = room(1, 5);
    RoomData m = RoomDataMerge.merge(old, neu);
    assertEquals(5, m.identityGeneration());
    assertEquals(neu.signingKey(), m.signingKey());
    assertEquals(neu.verifyingKey(), m.verifyingKey());
    assertEquals(neu.membership(), m.membership());
  }

  @Test
  void newerNicknameVersionWinsIndependentlyOfIdentity() {
    RoomData a = room(1, 5).toBuilder().nickname("old").nicknameVersion(1).build();
    RoomData b = room(1, 2).toBuilder().nickname("new").nicknameVersion(4).build();
    RoomData m = RoomDataMerge.merge(a, b);
    assertEquals("new", m.nickname());
    assertEquals(4, m.nicknameVersion());
    assertEquals(5, m.identityGeneration());
  }

  @Test
  void aNicknameAskedForTravelsWithItsVersionAndIsEndedByTheSameNicknameSeenLanded() {
    RoomData asked = room(1).toBuilder().nickname("al").nicknameVersion(3).build();
    asked = asked.toBuilder().nicknameAskedAt(500).build();
    RoomData older = room(1).toBuilder().nickname("alice").nicknameVersion(2).build();
    assertEquals(500, RoomDataMerge.merge(older, asked).nicknameAskedAt(), "newer version wins");
    assertEquals(500, RoomDataMerge.merge(asked, older).nicknameAskedAt());
    RoomData landed = asked.withNicknameLanded();
    assertEquals(0, RoomDataMerge.merge(asked, landed).nicknameAskedAt(), "landed is later");
    assertEquals(0, RoomDataMerge.merge(landed, asked).nicknameAskedAt());
    RoomData newer = landed.withNickname("al2", 900);
    assertEquals("al2", RoomDataMerge.merge(landed, newer).nickname(), "a new request wins");
    assertEquals(900, RoomDataMerge.merge(newer, asked).nicknameAskedAt());
  }

  @Test
  void lastReadNeverMovesBackwards() {
    RoomData a = room(1).withRead(new LastRead(10, Bytes.ofInts(10)));
    RoomData b = room(1).withRead(new LastRead(3, Bytes.ofInts(3)));
    assertEquals(10, RoomDataMerge.merge(a, b).lastRead().position());
    assertEquals(10, RoomDataMerge.merge(b, a).lastRead().position());
  }

  @Test
  void invitationSecretsAreUnioned() {
    RoomData a = room(1).toBuilder().addInvitationSecret(Bytes.ofInts(1)).build();
    RoomData b = room(1).toBuilder().addInvitationSecret(Bytes.ofInts(2)).build();
    assertEquals(2, RoomDataMerge.merge(a, b).invitationSecrets().size());
  }

  @Test
  void mergingDifferentRoomsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RoomDataMerge.merge(room(1), room(2)));
  }

  static RoomData random(Random r) {
    RoomData.Builder b =
        room(1, r.nextInt(3)).toBuilder()
            .nickname("n" + r.nextInt(3))
            .nicknameVersion(r.nextInt(3))
            .nicknameAskedAt(r.nextInt(3) * 100)
            .lastRead(new LastRead(r.nextInt(3), Bytes.ofInts(r.nextInt(3))));
    if (r.nextBoolean()) {
      b.signingKey(Bytes.ofInts(r.nextInt(4)));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      b.addInvitationSecret(Bytes.ofInts(r.nextInt(5)));
    }
    return b.build();
  }

  @Test
  void mergeIsCommutativeAssociativeAndIdempotent() {
    Random r = new Random(7);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      RoomData a = random(r), b = random(r), c = random(r);
      if (!RoomDataMerge.merge(a, b).equals(RoomDataMerge.merge(b, a)))
        failures.add("comm " + a + b);
      if (!RoomDataMerge.merge(a, a).equals(a)) failures.add("idem " + a);
      if (!RoomDataMerge.merge(RoomDataMerge.merge(a, b), c)
          .equals(RoomDataMerge.merge(a, RoomDataMerge.merge(b, c))))
        failures.add("assoc " + a + b + c);
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void preferredSourceKeepsItsIdentityOnAGenerationTie() {
    RoomData newer = room(1, 0).toBuilder().signingKey(Bytes.ofInts(1)).build();
    RoomData older =
        room(1, 0).toBuilder().signingKey(Bytes.ofInts(9)).nicknameVersion(7).nickname("x").build();
    RoomData m = RoomDataMerge.mergePreferringIdentity(newer, older);
    assertEquals(Bytes.ofInts(1), m.signingKey());
    assertEquals("x", m.nickname());
    RoomData higherGen = room(1, 4);
    assertEquals(
        4, RoomDataMerge.mergePreferringIdentity(room(1, 2), higherGen).identityGeneration());
  }
}
