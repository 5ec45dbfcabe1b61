package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.KeyboardModifier;
import com.microsoft.playwright.options.MouseButton;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rooms as addresses: each tab shows the room its shell URL names ({@code /#/room/ROOM}), room
 * items are links that open a room in a new tab, back and forward move between the rooms viewed in
 * a tab, a message's link opens its room scrolled to it, and an address the tab cannot follow says
 * so in plain words over the room list.
 */
class RoomAddressesIT extends TwoTabFixture {
  private final List<Tab> opened = new ArrayList<>();

  @Test
  void ctrlOrMiddleClickOnARoomOpensItInANewTabAndLeavesThisTabWhereItWas() {
    String alpha = create(a, "Alpha", "alice");
    String beta = create(a, "Beta", "alice");
    assertThat(a.page).hasURL(node.url() + "#/room/" + beta);
    assertThat(roomItem(a, alpha)).hasAttribute("href", node.url() + "#/room/" + alpha);

    Tab ctrl =
        newTabBy(
            () ->
                roomItem(a, alpha)
                    .click(
                        new Locator.ClickOptions()
                            .setModifiers(List.of(KeyboardModifier.CONTROL))));
    assertShows(ctrl, alpha, "Alpha");
    Tab middle =
        newTabBy(
            () ->
                roomItem(a, alpha).click(new Locator.ClickOptions().setButton(MouseButton.MIDDLE)));
    assertShows(middle, alpha, "Alpha");

    // this tab did not switch, and neither did its history
    assertEquals(beta, currentRoomKey(a));
    assertThat(a.page).hasURL(node.url() + "#/room/" + beta);
    assertThat(a.page).hasTitle("Beta — River");
    // a plain click switches in place
    roomItem(a, alpha).click();
    assertEquals(alpha, currentRoomKey(a));
    assertThat(a.page).hasURL(node.url() + "#/room/" + alpha);
    // and the new tabs keep their own room when this one moves again
    roomItem(a, beta).click();
    assertShown(a, beta, "Beta");
    assertShown(ctrl, alpha, "Alpha");
    assertShown(middle, alpha, "Alpha");
  }

  @Test
  void backAndForwardMoveBetweenTheRoomsViewedInThisTab() {
    String alpha = create(a, "Alpha", "alice");
    String beta = create(a, "Beta", "alice");
    String gamma = create(a, "Gamma", "alice");
    assertThat(roomItem(b, gamma)).isVisible();
    String bShows = currentRoomKey(b);
    roomItem(a, alpha).click();
    assertShown(a, alpha, "Alpha");

    a.page.goBack();
    assertShown(a, gamma, "Gamma");
    a.page.goBack();
    assertShown(a, beta, "Beta");
    a.page.goForward();
    assertShown(a, gamma, "Gamma");
    a.page.goForward();
    assertShown(a, alpha, "Alpha");
    // a click after going back starts a new branch, as in any web page
    a.page.goBack();
    assertShown(a, gamma, "Gamma");
    roomItem(a, beta).click();
    assertShown(a, beta, "Beta");
    a.page.goBack();
    assertShown(a, gamma, "Gamma");

    // the other tab of the profile never moved
    assertEquals(bShows, currentRoomKey(b));
  }

  @Test
  void aMessageLinkIsCopiedAndOpensItsRoomScrolledToTheMessageMarked() {
    a.page
        .context()
        .grantPermissions(
            List.of("clipboard-read", "clipboard-write"),
            new BrowserContext.GrantPermissionsOptions().setOrigin(node.url()));
    String lobby = create(a, "Lobby", "alice");
    for (int i = 1; i <= 40; i++) {
      send(a, "message " + i);
    }
    assertThat(message(a, "message 40")).hasCount(1);
    assertThat(a.appHook("message-pending")).hasCount(0);
    Locator third = message(a, "message 3");
    String id = third.getAttribute("data-message-id");

    third.hover();
    third.locator("[data-testid=message-permalink]").click();
    assertThat(a.appHook("copy-status")).containsText("copied");
    String link = (String) a.page.evaluate("navigator.clipboard.readText()");
    assertEquals(node.url() + "#/room/" + lobby + "/" + id, link);

    Tab opened = open(link);
    assertShows(opened, lobby, "Lobby");
    Locator marked = opened.app().locator("[data-testid=message-item][data-highlighted=true]");
    assertThat(marked).hasCount(1);
    assertThat(marked).hasAttribute("data-message-id", id);
    assertThat(marked).isInViewport();
    assertFalse(
        isInViewport(message(opened, "message 40")), "scrolled to the message, not to the bottom");
    assertThat(a.app().locator("[data-testid=message-item][data-highlighted=true]")).hasCount(0);

    // another room and back: the room address alone marks nothing
    String other = create(opened, "Other", "alice");
    assertShown(opened, other, "Other");
    roomItem(opened, lobby).click();
    assertThat(opened.app().locator("[data-testid=message-item][data-highlighted=true]"))
        .hasCount(0);
    // back to the link's own entry: marked again
    opened.page.goBack();
    opened.page.goBack();
    assertThat(opened.page).hasURL(link);
    assertThat(marked).hasAttribute("data-message-id", id);
  }

  @Test
  void aMessageLinkToAMessageNoLongerThereSaysSo() {
    String lobby = create(a, "Lobby", "alice");
    String gone = base58(filled(64, 9));
    Tab opened = open(node.url() + "#/room/" + lobby + "/" + gone);
    assertShows(opened, lobby, "Lobby");
    assertThat(opened.appHook("address-notice")).containsText("no longer in this room");
  }

  @Test
  void anAddressOfARoomThisProfileIsNotInOrAMalformedOneSaysSoOverTheRoomList() {
    String alpha = create(a, "Alpha", "alice");
    String stranger = base58(filled(32, 7));

    Tab fresh = open(node.url() + "#/room/" + stranger);
    assertNotice(fresh, "a room you are not in", stranger, alpha);
    fresh.page.navigate(node.url() + "#/room/not-a-room"); // typed into the address bar
    assertNotice(fresh, "does not lead to a room", "not-a-room", alpha);
    roomItem(fresh, alpha).click();
    assertShown(fresh, alpha, "Alpha");
    assertThat(fresh.appHook("address-notice")).isHidden();

    // a malformed address opened in a new tab, then back in the tab that was told otherwise
    Tab bad = open(node.url() + "#/room/" + alpha + "/x");
    assertNotice(bad, "does not lead to a room", alpha, alpha);
    fresh.page.goBack();
    assertNotice(fresh, "does not lead to a room", "not-a-room", alpha);
  }

  @Test
  void fiveTabsOpenedAtOnceOnFiveRoomsEachShowTheirOwnAndLoseNothing() {
    int n = 5;
    List<String> rooms = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rooms.add(create(a, "Room " + i, "alice"));
    }
    List<Tab> tabs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tabs.add(track(new Tab(a.page.context().newPage())));
    }
    for (int i = 0; i < n; i++) { // all five start before any has loaded
      tabs.get(i)
          .page
          .navigate(
              node.url() + "#/room/" + rooms.get(i),
              new com.microsoft.playwright.Page.NavigateOptions()
                  .setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
    }
    for (int i = 0; i < n; i++) {
      assertShows(tabs.get(i), rooms.get(i), "Room " + (i + 1));
    }
    // every tab acts on its own room at once: a message and a setting (rooms_meta, shared)
    for (int i = 0; i < n; i++) {
      send(tabs.get(i), "hello from tab " + (i + 1));
      tabs.get(i).appHook("notification-mode").selectOption(mode(i));
    }
    for (int i = 0; i < n; i++) {
      Tab t = tabs.get(i);
      assertThat(message(t, "hello from tab " + (i + 1)).locator("[data-testid=message-pending]"))
          .hasCount(0);
      assertEquals(rooms.get(i), currentRoomKey(t), "no tab moved another");
      assertThat(t.appHook("room-item")).hasCount(n);
    }
    // every change reached the tabs that did not make it, live: b (opened before, untouched)
    for (int i = 0; i < n; i++) {
      roomItem(b, rooms.get(i)).click();
      assertThat(message(b, "hello from tab " + (i + 1))).hasCount(1);
      assertThat(b.appHook("notification-mode")).hasValue(mode(i));
    }
    // and after a reload each tab is back on its own room with nothing lost
    for (Tab t : tabs) {
      t.page.reload(
          new com.microsoft.playwright.Page.ReloadOptions()
              .setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
    }
    for (int i = 0; i < n; i++) {
      Tab t = tabs.get(i);
      assertShows(t, rooms.get(i), "Room " + (i + 1));
      assertThat(message(t, "hello from tab " + (i + 1))).hasCount(1);
      assertThat(t.appHook("notification-mode")).hasValue(mode(i));
    }
  }

  // --- helpers ---------------------------------------------------------------------------

  private static String mode(int i) {
    return i % 2 == 0 ? "muted" : "mentions";
  }

  private Tab newTabBy(Runnable click) {
    return track(new Tab(a.page.context().waitForPage(click)));
  }

  private Tab open(String url) {
    return track(new Tab(a.page.context().newPage())).open(url);
  }

  private Tab track(Tab t) {
    opened.add(t);
    return t;
  }

  /**
   * A tab that just loaded: it shows {@code room}, named {@code name}, in its URL and title too.
   */
  private void assertShows(Tab t, String room, String name) {
    loaded(t);
    assertShown(t, room, name);
    assertEquals(List.of(), t.errors());
  }

  private void assertShown(Tab t, String room, String name) {
    assertThat(t.app().locator("[data-testid=room-item][aria-current=true]"))
        .hasAttribute("data-room-key", room);
    assertThat(t.app().locator(".room-header [data-testid=room-name]")).hasText(name);
    // (a JavaScript regex: no \\Q..\\E quoting)
    assertThat(t.page)
        .hasURL(
            java.util.regex.Pattern.compile(
                "^"
                    + node.url().replace(".", "\\.")
                    + "#/room/"
                    + room
                    + "(/[1-9A-HJ-NP-Za-km-z]+)?$"));
    assertThat(t.page).hasTitle(name + " — River");
  }

  /** The notice, in plain words without the address, over the list, and no room open. */
  private void assertNotice(Tab t, String says, String addressPart, String listed) {
    loaded(t);
    Locator notice = t.appHook("address-notice");
    assertThat(notice).isVisible();
    assertThat(notice).containsText(says);
    assertFalse(notice.textContent().contains(addressPart), "no keys or addresses in the notice");
    assertThat(roomItem(t, listed)).isVisible();
    assertThat(t.app().locator("[data-testid=room-item][aria-current=true]")).hasCount(0);
    assertThat(t.appHook("message-input")).isHidden();
    assertThat(t.page).hasTitle("River");
  }

  private static boolean isInViewport(Locator l) {
    return (Boolean)
        l.evaluate(
            "e => { const r = e.getBoundingClientRect(); const list = e.closest('ol')"
                + ".getBoundingClientRect(); return r.bottom > list.top && r.top < list.bottom; }");
  }

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  /** Base58 (Bitcoin alphabet), as room keys and message ids are written. */
  static String base58(byte[] bytes) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      out.append(alphabet.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  @org.junit.jupiter.api.AfterEach
  void noErrorsInTheOpenedTabs() {
    for (Tab t : opened) {
      assertEquals(List.of(), t.errors(), t.page.url());
    }
  }
}
