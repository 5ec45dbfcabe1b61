package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import river.chat.Names;

/**
 * One member cannot pass for another: bob takes the nickname "аlice" (a Cyrillic а). His editor
 * warns him as he types; once saved, alice's tab shows both names with their short keys and a
 * warning on both members, and bob's messages carry his key. When bob renames, the keys go.
 */
class LookAlikeNamesIT extends TwoTabFixture {
  static final String FAKE_ALICE = "\u0430lice";

  @Override
  boolean sameProfile() {
    return false;
  }

  private static Locator row(Tab t, String key) {
    return t.app().locator("[data-testid=member-item][data-member-key='" + key + "']");
  }

  @Test
  void aMemberWhoTakesALookAlikeNameIsShownWithTheirKey() {
    String room = create(a, "Lobby", "alice");
    join(b, invite(a), "bob", room);
    assertThat(a.appHook("member-item")).hasCount(2);
    String aliceKey =
        a.app().locator("[data-testid=member-item].self").getAttribute("data-member-key");
    String bobKey =
        b.app().locator("[data-testid=member-item].self").getAttribute("data-member-key");
    String bobShort = Names.shortKey(bobKey);
    String aliceShort = Names.shortKey(aliceKey);

    // bob is warned as he types, not refused
    b.appHook("nickname-edit").fill(FAKE_ALICE);
    assertThat(b.appHook("nickname-lookalike")).isVisible();
    assertThat(b.appHook("nickname-lookalike")).containsText("alice");
    b.appHook("nickname-edit").fill("alicia");
    assertThat(b.appHook("nickname-lookalike")).isHidden();
    b.appHook("nickname-edit").fill(FAKE_ALICE);
    assertThat(b.appHook("nickname-lookalike")).isVisible();
    b.appHook("nickname-save").click();
    assertThat(b.appHook("nickname-error")).isHidden();

    // alice sees two names that look alike, each with its key, and a warning on both
    for (Tab t : new Tab[] {a, b}) {
      assertThat(row(t, bobKey).locator("[data-testid=member-name]"))
          .containsText("(" + bobShort + ")");
      assertThat(row(t, aliceKey).locator("[data-testid=member-name]"))
          .containsText("(" + aliceShort + ")");
      assertThat(row(t, bobKey).locator("[data-testid=member-lookalike]")).isVisible();
      assertThat(row(t, aliceKey).locator("[data-testid=member-lookalike]")).isVisible();
    }
    send(b, "hi, it's me, alice");
    Locator sent = message(a, "hi, it's me, alice");
    assertThat(sent.locator("[data-testid=message-author]")).containsText("(" + bobShort + ")");
    send(a, "the real one");
    assertThat(message(b, "the real one").locator("[data-testid=message-author]"))
        .containsText("(" + aliceShort + ")");

    // bob takes his own name back: plain names again, no warnings
    b.appHook("nickname-edit").fill("bob");
    assertThat(b.appHook("nickname-lookalike")).isHidden();
    b.appHook("nickname-save").click();
    assertThat(row(a, bobKey).locator("[data-testid=member-name]")).hasText("bob");
    assertThat(row(a, aliceKey).locator("[data-testid=member-name]")).hasText("alice (you)");
    assertThat(a.appHook("member-lookalike")).hasCount(0);
    assertThat(sent.locator("[data-testid=message-author]")).hasText("bob");
  }
}
