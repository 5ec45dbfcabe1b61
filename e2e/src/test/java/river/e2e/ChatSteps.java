package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import river.chat.RoomLabels;

/** UI-CONTRACT steps shared by the chat tests: load, create a room, send, find messages. */
final class ChatSteps {
  static final LocatorAssertions.HasAttributeOptions SLOW =
      new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

  private ChatSteps() {}

  /**
   * Two users, one per browser profile, both loaded; user A creates a room, user B joins it by A's
   * invitation and opens it. Returns {A's tab, B's tab}.
   */
  static Tab[] twoUsersInARoom(
      com.microsoft.playwright.BrowserContext userA,
      com.microsoft.playwright.BrowserContext userB,
      String url,
      String roomName) {
    Tab a = new Tab(userA.newPage()).open(url);
    Tab b = new Tab(userB.newPage()).open(url);
    loaded(a);
    loaded(b);
    String room = create(a, roomName, "alice");
    join(b, invite(a), "bob", room);
    roomItem(b, room).click();
    return new Tab[] {a, b};
  }

  static void loaded(Tab t) {
    assertThat(t.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
  }

  static Locator roomItem(Tab t, String key) {
    return t.app().locator("[data-testid=room-item][data-room-key='" + key + "']");
  }

  /** Creates a room through the UI and returns its key once the tab lists it as current. */
  static String create(Tab t, String name, String nickname) {
    int before = t.appHook("room-item").count();
    t.appHook("create-room-open").click();
    t.appHook("create-room-name").fill(name);
    t.appHook("create-room-nickname").fill(nickname);
    t.appHook("create-room-submit").click();
    assertThat(t.appHook("room-item")).hasCount(before + 1);
    String key = currentRoomKey(t);
    assertThat(roomItem(t, key).locator("[data-testid=room-name]")).hasText(name);
    return key;
  }

  static String currentRoomKey(Tab t) {
    Locator current = t.app().locator("[data-testid=room-item][aria-current=true]");
    assertThat(current).hasCount(1);
    String key = current.getAttribute("data-room-key");
    assertTrue(key != null && !key.isEmpty());
    return key;
  }

  /** Types into the composer and presses Enter. */
  static void send(Tab t, String text) {
    t.appHook("message-input").fill(text);
    t.appHook("message-input").press("Enter");
  }

  /** The message items of the current room whose text is exactly {@code text}. */
  static Locator message(Tab t, String text) {
    return t.app()
        .locator("[data-testid=message-item]")
        .filter(
            new Locator.FilterOptions()
                .setHas(
                    t.app()
                        .locator("[data-testid=message-text]")
                        .getByText(text, new Locator.GetByTextOptions().setExact(true))));
  }

  /**
   * Reacts to a message through the picker: opens it, searches {@code name} (e.g. "thumbs up") and
   * chooses {@code emoji}.
   */
  static void react(Tab t, Locator item, String name, String emoji) {
    item.locator("[data-testid=message-react]").click();
    assertThat(t.appHook("reaction-picker")).isVisible();
    t.appHook("reaction-search").fill(name);
    t.app().locator("[data-testid=reaction-option][data-emoji='" + emoji + "']").click();
    assertThat(t.appHook("reaction-picker")).isHidden();
  }

  /** Creates an invitation for the current room and returns its code. */
  static String invite(Tab t) {
    t.appHook("invite-create").click();
    assertThat(t.appHook("invite-code")).not().isEmpty();
    String code = t.appHook("invite-code").textContent();
    t.appHook("invite-close").click();
    return code;
  }

  /** Joins with a code and waits until the room is listed and loaded. */
  static void join(Tab t, String code, String nickname, String room) {
    t.appHook("join-open").click();
    t.appHook("join-code").fill(code);
    t.appHook("join-nickname").fill(nickname);
    t.appHook("join-submit").click();
    assertThat(roomItem(t, room)).isVisible();
    // and its state has arrived (its name shows): before that a send is refused as not loaded
    assertThat(roomItem(t, room).locator("[data-testid=room-name]"))
        .not()
        .hasText(RoomLabels.LOADING);
  }

  static Locator member(Tab t, String name) {
    return t.app()
        .locator("[data-testid=member-item]")
        .filter(
            new Locator.FilterOptions()
                .setHas(t.app().locator("[data-testid=member-name]").getByText(name)));
  }
}
