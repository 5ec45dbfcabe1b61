package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private-room secret rotation in the browser: alice (owner), bob and carol in a private room;
 * alice bans carol; the room moves to a new key version that only alice and bob receive; a message
 * posted after the ban reaches carol's tab (the room state is readable by anyone with the room key)
 * but carol, who kept every older version, cannot open it, while bob reads it. Then alice makes a
 * new key on demand and bob's open room details show the new version live.
 */
class SecretRotationIT extends TwoTabFixture {
  static final Page.WaitForConditionOptions LONG =
      new Page.WaitForConditionOptions().setTimeout(30_000);

  /** carol, a third user. */
  Tab c;

  @Override
  boolean sameProfile() {
    return false;
  }

  @BeforeEach
  void openThirdUser() {
    c = new Tab(browser.newContext().newPage()).open(node.url());
    loaded(c);
  }

  @AfterEach
  void thirdUserLoggedNoErrors() {
    assertEquals(List.of(), c.errors());
  }

  static String createPrivate(Tab t, String name, String nickname) {
    t.appHook("create-room-open").click();
    t.appHook("create-room-name").fill(name);
    t.appHook("create-room-nickname").fill(nickname);
    t.appHook("create-room-private").check();
    t.appHook("create-room-submit").click();
    assertThat(t.appHook("room-item")).hasCount(1);
    String room = currentRoomKey(t);
    assertThat(roomItem(t, room).locator("[data-testid=room-name]")).hasText(name);
    return room;
  }

  static Locator version(Tab t) {
    return t.appHook("room-secret-version");
  }

  static long shown(Tab t) {
    return Long.parseLong(version(t).textContent().trim());
  }

  /** The tab shows the room at {@code v} and holds that version. */
  static boolean holds(Tab t, long v) {
    return version(t).isVisible()
        && shown(t) == v
        && "true".equals(version(t).getAttribute("data-held"));
  }

  @Test
  void aBannedMemberWhoKeptTheOldKeysCannotReadWhatIsPostedAfterTheBan() {
    String room = createPrivate(a, "Vault", "alice");
    join(b, invite(a), "bob", room);
    join(c, invite(a), "carol", room);
    send(a, "alice before the ban");
    for (Tab t : List.of(a, b, c)) {
      assertThat(message(t, "alice before the ban")).hasCount(1);
      t.appHook("room-settings-open").click();
      assertThat(version(t)).isVisible();
    }
    // every member published a key and holds the room's newest version (the owner's tab wraps
    // one for members its last version missed)
    a.page.waitForCondition(
        () -> {
          long v = shown(a);
          return holds(a, v) && holds(b, v) && holds(c, v);
        },
        LONG);
    long before = shown(a);
    assertThat(c.appHook("room-rotate-secret")).isHidden();
    assertThat(a.appHook("room-rotate-secret")).isVisible();
    for (Tab t : List.of(a, c)) {
      t.appHook("room-settings-close").click();
    }

    member(a, "carol").locator("[data-testid=member-ban]").click();
    a.appHook("member-ban-confirm").click();
    assertThat(c.appHook("room-notice")).containsText("no longer a member");

    // the ban is followed by a new version: alice and bob hold it
    a.appHook("room-settings-open").click();
    a.page.waitForCondition(
        () -> shown(a) > before && holds(a, shown(a)) && holds(b, shown(a)), LONG);
    long after = shown(a);
    a.appHook("room-settings-close").click();
    send(a, "after the ban");
    assertThat(message(b, "after the ban")).hasCount(1);

    // carol's tab gets the room state with the new message but cannot open it with what she has
    assertThat(c.app().locator("[data-testid=message-item]")).hasCount(2);
    assertThat(message(c, "alice before the ban")).hasCount(1);
    assertThat(message(c, "(encrypted)")).hasCount(1);
    assertThat(message(c, "after the ban")).hasCount(0);

    // a new key on demand: bob's open details follow live
    a.appHook("room-settings-open").click();
    a.appHook("room-rotate-secret").click();
    assertThat(version(b)).hasText(String.valueOf(after + 1));
    b.page.waitForCondition(() -> holds(b, after + 1), LONG);
    assertThat(version(a)).hasText(String.valueOf(after + 1));
  }
}
