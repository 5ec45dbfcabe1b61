package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import river.room.Invitation;

/**
 * Two users (two browser profiles) with two tabs each: alice invites, bob joins with the code (or
 * the link), they chat both ways and every message shows live in all four tabs; unread counts and
 * the tab title follow; nicknames change everywhere; bad codes are refused with why.
 */
class InvitationsIT extends NodeAndBrowser {
  BrowserContext alice;
  BrowserContext bob;
  Tab a1;
  Tab a2;
  Tab b1;
  Tab b2;

  @BeforeEach
  void open() throws Exception {
    alice = browser.newContext();
    bob = browser.newContext();
    a1 = new Tab(alice.newPage()).open(node.url());
    loaded(a1);
    a2 = new Tab(alice.newPage()).open(node.url());
    loaded(a2);
    b1 = new Tab(bob.newPage()).open(node.url());
    loaded(b1);
  }

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : new Tab[] {a1, a2, b1, b2}) {
      if (t != null) {
        assertEquals(List.of(), t.errors());
      }
    }
  }

  List<Tab> all() {
    return List.of(a1, a2, b1, b2);
  }

  String invite(Tab t) {
    t.appHook("invite-create").click();
    assertThat(t.appHook("invite-code")).not().isEmpty();
    String code = t.appHook("invite-code").textContent();
    assertTrue(code.matches("[1-9A-HJ-NP-Za-km-z]{100,}"), code);
    assertThat(t.appHook("invite-link")).hasText(node.url() + "?invitation=" + code);
    t.appHook("invite-close").click();
    return code;
  }

  static Locator member(Tab t, String name) {
    return t.app()
        .locator("[data-testid=member-item]")
        .filter(
            new Locator.FilterOptions()
                .setHas(t.app().locator("[data-testid=member-name]").getByText(name)));
  }

  @Test
  void aliceInvitesBobJoinsWithTheCodeAndTheyChatLiveInAllFourTabs() {
    String room = create(a1, "Lobby", "alice");
    String code = invite(a1);
    b2 = new Tab(bob.newPage()).open(node.url());
    loaded(b2);

    b1.appHook("join-open").click();
    b1.appHook("join-code").fill(code);
    b1.appHook("join-nickname").fill("bob");
    b1.appHook("join-submit").click();
    for (Tab t : List.of(b1, b2)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-name]")).hasText("Lobby");
    }
    assertEquals(room, currentRoomKey(b1));
    for (Tab t : all()) {
      assertThat(t.appHook("member-item")).hasCount(2);
      assertThat(member(t, "bob").locator("[data-testid=member-relation]"))
          .hasText("invited by alice");
      assertThat(member(t, "alice").locator("[data-testid=member-relation]")).hasText("owner");
    }

    send(b1, "hi alice");
    send(a2, "hi bob");
    for (Tab t : all()) {
      assertThat(message(t, "hi alice").locator("[data-testid=message-author]")).hasText("bob");
      assertThat(message(t, "hi bob").locator("[data-testid=message-author]")).hasText("alice");
    }

    // bob looks at another room: alice's next message is unread in both of bob's tabs
    String bee = create(b2, "Bee", "bob");
    roomItem(b1, bee).click(); // each tab shows the room it opened itself
    assertEquals(bee, currentRoomKey(b1));
    send(a1, "are you there?");
    for (Tab t : List.of(b1, b2)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-unread]")).hasText("1");
      assertThat(t.page).hasTitle("(1) Bee — River"); // the room each tab shows, and the total
    }
    assertThat(roomItem(a2, room).locator("[data-testid=room-unread]")).hasCount(0);
    roomItem(b1, room).click();
    assertThat(message(b1, "are you there?")).hasCount(1);
    for (Tab t : List.of(b1, b2)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-unread]")).hasCount(0);
    }
    assertThat(b1.page).hasTitle("Lobby — River");
    assertThat(b2.page).hasTitle("Bee — River");

    roomItem(b2, room).click();

    // accepting again while a member is refused, and changes nothing
    b2.appHook("join-open").click();
    b2.appHook("join-code").fill(code);
    b2.appHook("join-nickname").fill("bob again");
    b2.appHook("join-submit").click();
    assertThat(b2.appHook("join-error")).containsText("already a member");
    assertThat(b2.appHook("room-item")).hasCount(2);

    // bob renames himself: every tab shows the new name, on old messages too
    b1.appHook("nickname-edit").fill("bobby");
    b1.appHook("nickname-save").click();
    for (Tab t : all()) {
      assertThat(message(t, "hi alice").locator("[data-testid=message-author]")).hasText("bobby");
      assertThat(member(t, "bobby")).hasCount(1);
    }
  }

  @Test
  void badCodesAreRefusedWithTheReasonAndALinkOpensTheJoinDialogPrefilled() {
    String room = create(a1, "Lobby", "alice");
    b1.appHook("join-open").click();
    b1.appHook("join-code").fill("this is <not> a code!");
    b1.appHook("join-nickname").fill("bob");
    b1.appHook("join-submit").click();
    assertThat(b1.appHook("join-error")).containsText("not an invitation code");
    b1.appHook("join-code").fill("3vQB7B6MrGQZaxCuFg4oh");
    b1.appHook("join-submit").click();
    assertThat(b1.appHook("join-error")).containsText("not a valid invitation");
    assertThat(b1.appHook("room-item")).hasCount(0);

    // Well-formed but forged: a membership whose signature is not the inviter's, and a private
    // key that is not the invited member's. Both are refused; bob's tab and alice's room keep
    // what they had.
    Invitation real = Invitation.decode(invite(a1));
    String badSignature =
        new Invitation(
                real.room(),
                real.inviteeSeed(),
                real.membership().withSignature(new byte[64]),
                real.secrets())
            .encode();
    byte[] otherSeed = real.inviteeSeed();
    otherSeed[0] ^= 1;
    String wrongKey =
        new Invitation(real.room(), otherSeed, real.membership(), real.secrets()).encode();
    b1.appHook("join-code").fill(badSignature);
    b1.appHook("join-submit").click();
    assertThat(b1.appHook("join-error")).containsText("did not accept this invitation");
    b1.appHook("join-code").fill(wrongKey);
    b1.appHook("join-submit").click();
    assertThat(b1.appHook("join-error")).containsText("forged");
    assertThat(b1.appHook("room-item")).hasCount(0);
    // alice alone: the record the real inviter signed has nobody speaking for it (no member info:
    // the key never reached bob's node), so no list shows it
    assertThat(a1.appHook("member-item")).hasCount(1);

    String code = invite(a1);
    b2 = new Tab(bob.newPage()).open(node.url() + "?invitation=" + code);
    loaded(b2);
    assertThat(b2.appHook("join-code")).hasValue(code);
    assertEquals(node.url(), b2.page.url(), "the shell drops the code from its address");
    b2.appHook("join-nickname").fill("bob");
    b2.appHook("join-submit").click();
    assertThat(roomItem(b2, room)).isVisible();
    assertThat(roomItem(b1, room)).isVisible();
    send(b2, "joined by link");
    assertThat(message(a1, "joined by link")).hasCount(1);
  }
}
