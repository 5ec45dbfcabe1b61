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
}
