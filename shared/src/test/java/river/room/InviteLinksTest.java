package river.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import river.chat.InviteLinks;

/** Which links are invitations ({@link InviteLinks}): the honest link, then every near miss. */
class InviteLinksTest {
  final Random rnd = new Random(11);
  final TestKey owner = TestKey.random(rnd);
  final TestKey invitee = TestKey.random(rnd);
  final String code =
      new Invitation(owner.pub, invitee.seed, new RoomFixture(owner).invite(owner, invitee), null)
          .encode();

  @Test
  void anOriginThenTheQueryThenAnInvitationCodeIsAnInvitationLink() {
    assertEquals(code, InviteLinks.codeOf(InviteLinks.link("https://x.org", code)));
    assertEquals(code, InviteLinks.codeOf("http://127.0.0.1:8080/?invitation=" + code));
  }

  @Test
  void nearMissesAreOnlyLinks() {
    assertNull(InviteLinks.codeOf("https://x.org/?invitation=3xYz")); // far too short
    assertNull(InviteLinks.codeOf("https://x.org/?invitation=0" + code)); // not base58
    assertNull(InviteLinks.codeOf("https://x.org/?invitation="));
    assertNull(InviteLinks.codeOf("https://x.org/?invitation=" + "2".repeat(2_001))); // too long
    assertNull(InviteLinks.codeOf("https://x.org/path/?invitation=" + code));
    assertNull(InviteLinks.codeOf("https://x.org/?other=1"));
    assertNull(InviteLinks.codeOf("/?invitation=" + code));
  }

  @Test
  void theMessageNamesTheRoomAndCarriesTheLink() {
    assertEquals(
        "Join me in \u201cLobby\u201d: https://x.org/?invitation=abc",
        InviteLinks.message("Lobby", InviteLinks.link("https://x.org", "abc")));
  }

  @Test
  void theRoomsOfferedAreTheUsersOthersWhereTheyAreStillAMember() {
    RoomFixture f = new RoomFixture(owner);
    RoomState member = f.created(); // the owner: always a member of their room
    RoomState removed =
        f.apply(f.created(), RoomDelta.builder().member(f.invite(owner, invitee)).build());
    removed = f.apply(removed, RoomDelta.builder().ban(f.ban(owner, invitee, 1)).build());
    river.rooms.RoomKey here = key(1);
    river.rooms.RoomKey other = key(2);
    river.rooms.RoomKey banned = key(3);
    river.rooms.RoomKey unloaded = key(4);
    river.rooms.Rooms rooms = river.rooms.Rooms.EMPTY;
    for (river.rooms.RoomKey k : java.util.List.of(here, other, unloaded)) {
      rooms = rooms.withRoom(data(k, owner));
    }
    rooms = rooms.withRoom(data(banned, invitee));
    java.util.Map<river.rooms.RoomKey, RoomState> states =
        java.util.Map.of(here, member, other, member, banned, removed);
    assertEquals(
        java.util.List.of(other),
        InviteLinks.roomsToOffer(
            java.util.List.of(here, other, banned, unloaded), states::get, rooms, here));
  }

  static river.rooms.RoomKey key(int n) {
    byte[] b = new byte[32];
    b[0] = (byte) n;
    return river.rooms.RoomKey.of(river.rooms.Bytes.of(b));
  }

  static river.rooms.RoomData data(river.rooms.RoomKey k, TestKey me) {
    return river.rooms.RoomData.builder(k).verifyingKey(river.rooms.Bytes.of(me.pub)).build();
  }
}
