package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.join;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.member;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * System notifications with a stubbed {@code window.Notification} (it records what the shell shows)
 * and a stubbed {@code document.hidden} the test switches per tab: one notification per message
 * across the profile's tabs, only for what the room's mode asks for, never for the user's own
 * messages or for history a reloaded tab loads, none while a tab of the profile is visible; a click
 * focuses the tab and opens the room; a direct message notifies like a mention, titled with its
 * sender's name, and a click opens that conversation; the {@code notifications-enable} button asks
 * the browser. To show that something did not notify, each check waits for a later message that
 * does: a tab handles its messages in order.
 */
class NotificationsIT extends NodeAndBrowser {
  /**
   * Runs in every frame before the page's scripts: the page is hidden until {@code __setHidden},
   * and {@code Notification} records constructions in {@code __notifications}. {@code
   * window.__stub} (set by an earlier init script) may change the permission and the answer.
   */
  static final String STUB =
      "(() => {"
          + " const cfg = window.__stub || {permission: 'granted', answer: 'granted'};"
          + " let hidden = true;"
          + " Object.defineProperty(Document.prototype, 'hidden',"
          + "   {configurable: true, get() { return hidden; }});"
          + " Object.defineProperty(Document.prototype, 'visibilityState',"
          + "   {configurable: true, get() { return hidden ? 'hidden' : 'visible'; }});"
          + " window.__setHidden = h => {"
          + "   hidden = h; document.dispatchEvent(new Event('visibilitychange')); };"
          + " window.__notifications = [];"
          + " window.__focused = 0;"
          + " window.focus = () => { window.__focused++; };"
          + " let permission = cfg.permission;"
          + " class StubNotification {"
          + "   constructor(title, options) {"
          + "     this.title = title; this.body = options.body; this.tag = options.tag;"
          + "     this.closed = false; this.onclick = null;"
          + "     window.__notifications.push(this); }"
          + "   close() { this.closed = true; }"
          + "   static get permission() { return permission; }"
          + "   static requestPermission() {"
          + "     permission = cfg.answer; return Promise.resolve(cfg.answer); }"
          + " }"
          + " window.Notification = StubNotification;"
          + "})()";

  final List<Tab> tabs = new ArrayList<>();

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : tabs) {
      assertEquals(List.of(), t.errors());
    }
  }

  BrowserContext profile(String permission, String answer) {
    BrowserContext context = browser.newContext();
    context.addInitScript(
        "window.__stub = {permission: '" + permission + "', answer: '" + answer + "'};");
    context.addInitScript(STUB);
    return context;
  }

  Tab open(BrowserContext context) {
    Tab t = new Tab(context.newPage()).open(node.url());
    tabs.add(t);
    loaded(t);
    return t;
  }

  /** Hides or shows the tab, as the browser would: in the shell and in the app's frame. */
  static void hidden(Tab t, boolean hidden) {
    for (Frame f : t.page.frames()) {
      f.evaluate("h => window.__setHidden(h)", hidden);
    }
  }

  /** The notifications the tab's shell showed, each {@code title|body}. */
  @SuppressWarnings("unchecked")
  static List<String> shown(Tab t) {
    return (List<String>)
        t.page.evaluate("() => window.__notifications.map(n => n.title + '|' + n.body)");
  }

  /**
   * Waits until the profile's notification claims store holds {@code n} claims (read from the tab's
   * shell page; the store is opened by every shell at its start, never created here).
   */
  static void waitForClaims(Tab t, int n) {
    t.page.waitForFunction(
        "async n => {"
            + " const dbs = await indexedDB.databases();"
            + " if (!dbs.some(d => d.name === 'river-notifications')) return false;"
            + " return await new Promise(resolve => {"
            + "   const r = indexedDB.open('river-notifications');"
            + "   r.onerror = () => resolve(false);"
            + "   r.onsuccess = () => {"
            + "     const db = r.result;"
            + "     if (!db.objectStoreNames.contains('claims')) { db.close(); resolve(false); return; }"
            + "     const c = db.transaction('claims').objectStore('claims').count();"
            + "     c.onsuccess = () => { db.close(); resolve(c.result >= n); };"
            + "     c.onerror = () => { db.close(); resolve(false); };"
            + "   };"
            + " });"
            + "}",
        n);
  }

  static int count(Tab t) {
    return ((Number) t.page.evaluate("() => window.__notifications.length")).intValue();
  }

  /** Waits until the tabs together showed {@code n} notifications, and returns them. */
  static List<String> waitForShown(int n, List<String> before, Tab... tabs) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      List<String> all = new ArrayList<>(before);
      for (Tab t : tabs) {
        all.addAll(shown(t));
      }
      if (all.size() >= n || System.currentTimeMillis() > deadline) {
        return all;
      }
      tabs[0].page.waitForTimeout(100); // polling a condition, not waiting out a timer
    }
  }

  @Test
  void oneNotificationPerMessageAcrossTabsOnlyWhenTheModeAsksAndTheUserIsAway() {
    BrowserContext alice = profile("granted", "granted");
    BrowserContext bob = profile("granted", "granted");
    Tab a = open(alice);
    Tab b1 = open(bob);
    Tab b2 = open(bob);
    String lobby = create(a, "Lobby", "alice");
    join(b1, invite(a), "bob", lobby);
    String other = create(b1, "Other", "bob"); // b1 now looks at another room
    assertThat(roomItem(b2, lobby).locator("[data-testid=room-name]")).hasText("Lobby");
    assertThat(roomItem(b2, other).locator("[data-testid=room-name]")).hasText("Other");
    roomItem(b2, lobby).click();

    // A visible tab of the profile: the user is there, no tab notifies.
    hidden(b1, false);
    send(a, "while you watch");
    assertThat(message(b2, "while you watch")).hasCount(1);
    // b1's claim is in (a visible tab claims at once, b2 waits 1.5 s) before b1 hides: else a slow
    // b1 would judge the message hidden, and b2 rightly notify (NotifyClaim's hazard).
    waitForClaims(b1, 1);
    hidden(b1, true);
    send(a, "hello bob");
    List<String> seen = waitForShown(1, List.of(), b1, b2);
    assertEquals(List.of("Lobby|alice: hello bob"), seen, "one notification, in one tab");

    // Muted: nothing. Mentions and replies: a plain message nothing, a mention one.
    roomItem(b1, lobby).click();
    b1.appHook("notification-mode").selectOption("muted");
    assertThat(b2.appHook("notification-mode")).hasValue("muted");
    send(a, "quiet please");
    b1.appHook("notification-mode").selectOption("mentions");
    assertThat(b2.appHook("notification-mode")).hasValue("mentions");
    send(a, "plain chat");
    send(a, "@bob look here");
    seen = waitForShown(2, List.of(), b1, b2);
    assertEquals(
        sorted(List.of("Lobby|alice: hello bob", "Lobby|alice: @bob look here")), sorted(seen));

    // The user's own message, written in another tab: nothing.
    b1.appHook("notification-mode").selectOption("all");
    assertThat(b2.appHook("notification-mode")).hasValue("all");
    send(b1, "from bob");
    assertThat(message(b2, "from bob")).hasCount(1);
    send(a, "after bob");
    seen = waitForShown(3, List.of(), b1, b2);
    assertEquals(
        sorted(
            List.of(
                "Lobby|alice: hello bob", "Lobby|alice: @bob look here", "Lobby|alice: after bob")),
        sorted(seen));

    // A reloaded tab loads unread history (no tab marked it read: both are hidden): nothing.
    List<String> beforeReload = shown(b2);
    b2.page.reload();
    loaded(b2);
    assertThat(message(b2, "after bob")).hasCount(1);
    send(a, "after reload");
    seen = waitForShown(4, beforeReload, b1, b2);
    assertEquals(
        sorted(
            List.of(
                "Lobby|alice: hello bob",
                "Lobby|alice: @bob look here",
                "Lobby|alice: after bob",
                "Lobby|alice: after reload")),
        sorted(seen));

    // A click focuses the tab that showed it and opens the room there.
    Tab shower = shown(b1).contains("Lobby|alice: after reload") ? b1 : b2;
    roomItem(shower, other).click();
    assertThat(roomItem(shower, lobby)).not().hasAttribute("aria-current", "true");
    shower.page.evaluate(
        "() => { const n = window.__notifications[window.__notifications.length - 1];"
            + " n.onclick(new Event('click')); }");
    assertThat(roomItem(shower, lobby)).hasAttribute("aria-current", "true");
    assertTrue((Boolean) shower.page.evaluate("() => window.__focused > 0"));
    assertTrue(
        (Boolean)
            shower.page.evaluate(
                "() => window.__notifications[window.__notifications.length - 1].closed"));
  }

  @Test
  void aPrivateRoomsMessageNotifiesWithItsDecryptedTextAndTheSendersName() {
    Tab a = open(profile("granted", "granted"));
    Tab b = open(profile("granted", "granted"));
    a.appHook("create-room-open").click();
    a.appHook("create-room-name").fill("Secret");
    a.appHook("create-room-nickname").fill("alice");
    a.appHook("create-room-private").check();
    a.appHook("create-room-submit").click();
    String room = ChatSteps.currentRoomKey(a);
    assertThat(roomItem(a, room).locator("[data-testid=room-name]")).hasText("Secret");
    join(b, invite(a), "bob", room);
    b.appHook("notification-mode").selectOption("mentions");
    send(a, "only between us");
    send(a, "@bob a secret for you");
    assertEquals(List.of("Secret|alice: @bob a secret for you"), waitForShown(1, List.of(), b));
  }

  @Test
  void aDirectMessageNotifiesLikeAMentionOnceWithTheSendersNameAndAClickOpensTheConversation() {
    Tab a = open(profile("granted", "granted"));
    BrowserContext bob = profile("granted", "granted");
    Tab b1 = open(bob);
    Tab b2 = open(bob);
    String lobby = create(a, "Lobby", "alice");
    join(b1, invite(a), "bob", lobby);
    assertThat(roomItem(b2, lobby)).isVisible();
    String aliceKey = member(b1, "alice").getAttribute("data-member-key");
    // Mentions and replies: a direct message counts like a mention.
    b1.appHook("notification-mode").selectOption("mentions");
    assertThat(b2.appHook("notification-mode")).hasValue("mentions");

    member(a, "bob").locator("[data-testid=dm-open]").click();
    DirectMessageIT.sendWhenTheyCanReceive(a, "just for you");
    assertEquals(
        List.of("alice|alice: just for you"),
        waitForShown(1, List.of(), b1, b2),
        "one notification across bob's hidden tabs, titled with the sender");

    // Muted: a direct message in that room notifies nobody either.
    b1.appHook("notification-mode").selectOption("muted");
    assertThat(b2.appHook("notification-mode")).hasValue("muted");
    send(a, "quiet dm");
    for (Tab t : List.of(b1, b2)) { // arrived (and judged under the mode it arrived in) in both
      assertThat(DirectMessageIT.thread(t, aliceKey).locator("[data-testid=dm-unread]"))
          .hasText("2");
    }
    b1.appHook("notification-mode").selectOption("mentions");
    assertThat(b2.appHook("notification-mode")).hasValue("mentions");
    send(a, "after quiet");
    assertEquals(
        sorted(List.of("alice|alice: just for you", "alice|alice: after quiet")),
        sorted(waitForShown(2, List.of(), b1, b2)));
    assertEquals(0, count(a), "the sender's own direct messages never notify");

    // A click focuses the tab and opens that conversation, not just the room.
    Tab shower = shown(b1).contains("alice|alice: after quiet") ? b1 : b2;
    assertThat(DirectMessageIT.thread(shower, aliceKey)).not().hasAttribute("aria-current", "true");
    shower.page.evaluate(
        "() => { const n = window.__notifications[window.__notifications.length - 1];"
            + " n.onclick(new Event('click')); }");
    assertThat(DirectMessageIT.thread(shower, aliceKey)).hasAttribute("aria-current", "true");
    assertThat(message(shower, "after quiet")).hasCount(1);
    assertTrue((Boolean) shower.page.evaluate("() => window.__focused > 0"));
  }

  @Test
  void theEnableButtonAsksTheBrowserAndSaysHowToUndoABlock() {
    Tab yes = open(profile("default", "granted"));
    assertThat(yes.appHook("notifications-enable")).hasAttribute("data-state", "default");
    yes.appHook("notifications-enable").click();
    assertThat(yes.appHook("notifications-enable")).hasAttribute("data-state", "granted");
    assertThat(yes.appHook("notifications-help")).isHidden();

    Tab no = open(profile("default", "denied"));
    no.appHook("notifications-enable").click();
    assertThat(no.appHook("notifications-enable")).hasAttribute("data-state", "denied");
    assertThat(no.appHook("notifications-help")).isVisible();
    assertThat(no.appHook("notifications-help")).containsText("site settings");
  }

  static List<String> sorted(List<String> l) {
    List<String> s = new ArrayList<>(l);
    s.sort(null);
    return s;
  }
}
