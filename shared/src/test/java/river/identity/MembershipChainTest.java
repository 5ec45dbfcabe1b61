package river.identity;

import static org.junit.jupiter.api.Assertions.*;
import static river.identity.IdentityFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import river.room.AuthorizedMember;
import river.room.RoomDelta;
import river.room.RoomState;

class MembershipChainTest {
  static RoomState room(AuthorizedMember... members) {
    RoomDelta.Builder d = RoomDelta.builder();
    for (AuthorizedMember m : members) {
      d.member(m);
    }
    return RoomState.decodeTrusted(OWNER, d.build().encode());
  }

  @Test
  void theChainRunsThroughTheInvitersUpToTheOwner() {
    RoomState state = room(ALICE_MEMBERSHIP, BOB_MEMBERSHIP);
    assertEquals(List.of(ALICE_MEMBERSHIP), MembershipChain.of(state, BOB));
  }

  @Test
  void aMemberInvitedByTheOwnerAndTheOwnerHaveNoChain() {
    RoomState state = room(ALICE_MEMBERSHIP, BOB_MEMBERSHIP);
    assertEquals(List.of(), MembershipChain.of(state, ALICE));
    assertEquals(List.of(), MembershipChain.of(state, OWNER));
  }

  @Test
  void aMissingLinkEndsTheChain() {
    assertEquals(List.of(), MembershipChain.of(room(BOB_MEMBERSHIP), BOB));
  }
}
