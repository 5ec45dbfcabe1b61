package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.SLOW;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable outbox: a message written while the node is down is kept in the shell's IndexedDB and
 * shown as pending; it survives the node's restart and a closed tab, and is delivered exactly once
 * even though every open tab of the user drains the same outbox.
 */
class OutboxIT extends NodeAndBrowser {
  BrowserContext profile;
  final List<Tab> tabs = new ArrayList<>();
  Tab a;
  Tab b;

  @BeforeEach
  void open() throws Exception {
    profile = browser.newContext();
    a = tab();
    b = tab();
  }

  Tab tab() {
    Tab t = new Tab(profile.newPage()).open(node.url());
    loaded(t);
    tabs.add(t);
    return t;
  }

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : tabs) {
      // While the node is down Chromium logs each refused connection; nothing else may appear.
      assertEquals(List.of(), t.errorsBesidesNodeDown());
    }
  }

  static long outboxSize(Tab t) {
    return ((Number)
            t.page.evaluate(
                "() => new Promise((resolve, reject) => {"
                    + " const open = indexedDB.open('river-outbox');"
                    + " open.onerror = () => reject(open.error);"
                    + " open.onsuccess = () => { const db = open.result;"
                    + "   if (!db.objectStoreNames.contains('messages')) { db.close(); resolve(0); return; }"
                    + "   const count = db.transaction('messages').objectStore('messages').count();"
                    + "   count.onsuccess = () => { resolve(count.result); db.close(); };"
                    + "   count.onerror = () => reject(count.error); }; })"))
        .longValue();
  }

  static void awaitOutboxSize(Tab t, long size) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (outboxSize(t) != size) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "outbox never held "
                + size
                + " (holds "
                + outboxSize(t)
                + ": "
                + t.page.evaluate(
                    "() => new Promise((resolve) => {"
                        + " const open = indexedDB.open('river-outbox');"
                        + " open.onsuccess = () => { const all = []; const c = open.result.transaction('messages').objectStore('messages').openCursor();"
                        + "   c.onsuccess = () => { const cur = c.result; if (!cur) { resolve(JSON.stringify(all)); return; }"
                        + "     all.push(cur.key + ' ' + String.fromCharCode(...new Uint8Array(cur.value)).replace(/[^ -~]/g, '.')); cur.continue(); }; }; })")
                + ")");
      }
      Thread.sleep(100);
    }
  }

  void stopNode() throws InterruptedException {
    node.stop();
    for (Tab t : tabs) {
      if (!t.page.isClosed()) {
        assertThat(t.appHook("connection-status")).hasAttribute("data-state", "disconnected", SLOW);
      }
    }
  }

  @Test
  void aMessageWrittenWhileTheNodeIsDownIsDeliveredOnceAfterItRestarts() throws Exception {
    create(a, "Lobby", "alice");
    send(a, "before");
    // delivered, not just shown: B also shows A's waiting messages (one outbox per profile)
    assertThat(message(b, "before")).hasCount(1);
    assertThat(message(b, "before").locator("[data-testid=message-pending]")).hasCount(0);
    assertThat(message(a, "before").locator("[data-testid=message-pending]")).hasCount(0);

    stopNode();
    send(a, "queued while down");
    assertThat(message(a, "queued while down").locator("[data-testid=message-pending]"))
        .hasCount(1);
    // the other tab of the profile shows it waiting too (the outbox is one per profile)
    assertThat(message(b, "queued while down").locator("[data-testid=message-pending]"))
        .hasCount(1);
    awaitOutboxSize(a, 1);

    node.start();
    for (Tab t : tabs) {
      assertThat(message(t, "queued while down").locator("[data-testid=message-pending]"))
          .hasCount(
              0,
              new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                  .setTimeout(20_000));
      assertThat(message(t, "queued while down")).hasCount(1);
      assertThat(t.app().locator("[data-testid=message-text]"))
          .hasText(new String[] {"before", "queued while down"});
    }
    awaitOutboxSize(a, 0);
    b.page.reload();
    loaded(b);
    assertThat(b.app().locator("[data-testid=message-text]"))
        .hasText(new String[] {"before", "queued while down"});
  }

  @Test
  void aMessageLeftByAClosedTabIsDeliveredOnceByTheOthers() throws Exception {
    String room = create(a, "Lobby", "alice");
    // B has the room (its slot landed) and shows it before the node goes away: the outbox only
    // covers messages, not a room save still in flight when A is closed.
    roomItem(b, room).click();
    stopNode();
    send(a, "from a tab that closes");
    send(a, "and a second one");
    assertThat(a.app().locator("[data-testid=message-pending]")).hasCount(2);
    awaitOutboxSize(b, 2);
    a.page.close();
    tabs.remove(a);

    node.start();
    assertThat(b.appHook("connection-status")).hasAttribute("data-state", "connected", SLOW);
    Tab c = tab(); // a second drainer, racing b over the same outbox
    roomItem(c, room).click();
    for (Tab t : List.of(b, c)) {
      assertThat(t.app().locator("[data-testid=message-text]"))
          .hasText(new String[] {"from a tab that closes", "and a second one"});
      assertThat(t.app().locator("[data-testid=message-pending]")).hasCount(0);
    }
    awaitOutboxSize(b, 0);
    Tab d = tab();
    roomItem(d, room).click();
    assertThat(d.app().locator("[data-testid=message-item]")).hasCount(2);
  }
}
