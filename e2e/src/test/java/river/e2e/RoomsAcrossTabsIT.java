package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's core promise with two tabs of one browser profile: no tab makes another tab's
 * work disappear. Rooms created in either tab survive the other tab's saves and every reload,
 * a room left in one tab is not resurrected by a background save in the other, and a room
 * created in one tab shows up in the other live, without a reload.
 */
class RoomsAcrossTabsIT {
  private static final LocatorAssertions.HasAttributeOptions SLOW =
      new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

  @TempDir
  Path dataDir;
  NodeProcess node;
  Playwright playwright;
  Browser browser;
  Tab a;
  Tab b;

  @BeforeEach
  void open() throws Exception {
    node = new NodeProcess(dataDir).start();
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
    BrowserContext profile = browser.newContext();
    a = new Tab(profile.newPage()).open(node.url());
    loaded(a);
    b = new Tab(profile.newPage()).open(node.url());
    loaded(b);
  }

  @AfterEach
  void close() throws Exception {
    try {
      assertEquals(List.of(), a.errors());
      assertEquals(List.of(), b.errors());
    } finally {
      browser.close();
      playwright.close();
      node.close();
    }
  }

  @Test
  void aRoomCreatedInOneTabAppearsInTheOtherWithinASecond() {
    String key = create(a, "Alpha", "alice");
    long created = System.nanoTime();
    assertThat(roomItem(b, key)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(1_000));
    long ms = (System.nanoTime() - created) / 1_000_000;
    System.out.println("cross-tab propagation: " + ms + " ms");
    assertThat(roomItem(b, key).locator("[data-testid=room-name]")).hasText("Alpha");
  }

  @Test
  void roomsCreatedConcurrentlyInBothTabsBothSurviveEverySaveAndReload() {
    // B acts before it could have heard of A's room: its save must not clobber A's.
    openCreateDialog(a, "Alpha", "alice");
    openCreateDialog(b, "Beta", "bob");
    a.appHook("create-room-submit").click();
    b.appHook("create-room-submit").click();
    String alpha = currentRoomKey(a);
    String beta = currentRoomKey(b);
    for (Tab t : List.of(a, b)) {
      assertThat(roomItem(t, alpha)).isVisible();
      assertThat(roomItem(t, beta)).isVisible();
    }
    for (Tab t : List.of(a, b)) {
      t.page.reload();
      loaded(t);
      assertThat(t.appHook("room-item")).hasCount(2);
      assertThat(roomItem(t, alpha).locator("[data-testid=room-name]")).hasText("Alpha");
      assertThat(roomItem(t, beta).locator("[data-testid=room-name]")).hasText("Beta");
    }
  }

  @Test
  void aRoomLeftInOneTabStaysLeftAfterABackgroundChangeInTheOther() {
    String alpha = create(a, "Alpha", "alice");
    String beta = create(a, "Beta", "alice");
    assertThat(roomItem(b, alpha)).isVisible();
    assertThat(roomItem(b, beta)).isVisible();

    roomItem(a, alpha).click();
    a.appHook("leave-room").click();
    a.appHook("leave-confirm").click();
    assertThat(roomItem(a, alpha)).hasCount(0);

    // A background change in B (a setting on another room) saves B's view of the rooms.
    roomItem(b, beta).click();
    b.appHook("notification-mode").selectOption("muted");
    roomItem(b, beta).focus();
    b.page.keyboard().press("Alt+ArrowUp");
    assertThat(roomItem(b, alpha)).hasCount(0);

    for (int round = 0; round < 2; round++) {
      for (Tab t : List.of(a, b)) {
        t.page.reload();
        loaded(t);
        assertThat(roomItem(t, alpha)).hasCount(0);
        assertThat(roomItem(t, beta)).isVisible();
      }
    }
    roomItem(a, beta).click();
    assertThat(a.appHook("notification-mode")).hasValue("muted");
  }

  // --- helpers ---------------------------------------------------------------------------

  private static void loaded(Tab t) {
    assertThat(t.appHook("load-state")).hasAttribute("data-state", "loaded", SLOW);
  }

  private static Locator roomItem(Tab t, String key) {
    return t.app().locator("[data-testid=room-item][data-room-key='" + key + "']");
  }

  private static void openCreateDialog(Tab t, String name, String nickname) {
    t.appHook("create-room-open").click();
    t.appHook("create-room-name").fill(name);
    t.appHook("create-room-nickname").fill(nickname);
  }

  /** Creates a room through the UI and returns its key once the tab lists it as current. */
  private static String create(Tab t, String name, String nickname) {
    int before = t.appHook("room-item").count();
    openCreateDialog(t, name, nickname);
    t.appHook("create-room-submit").click();
    assertThat(t.appHook("room-item")).hasCount(before + 1);
    String key = currentRoomKey(t);
    assertThat(roomItem(t, key).locator("[data-testid=room-name]")).hasText(name);
    return key;
  }

  private static String currentRoomKey(Tab t) {
    Locator current = t.app().locator("[data-testid=room-item][aria-current=true]");
    assertThat(current).hasCount(1);
    String key = current.getAttribute("data-room-key");
    assertTrue(key != null && !key.isEmpty());
    return key;
  }
}
