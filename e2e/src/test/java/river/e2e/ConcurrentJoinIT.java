package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import river.wire.DelegateRequest;
import river.wire.Op;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * Two tabs of one profile accept two different invitations to the same room at the same time.
 * Whichever identity the profile ends up holding, the node must sign with that one: afterwards both
 * tabs post, and every message is delivered.
 *
 * <p>The dangerous interleaving is forced, not hoped for: tab b's key import is held on its way to
 * the node (a routed WebSocket) until tab a has joined and tab b lists the room, so b's key
 * replaces a's on the node after a's identity is the one the profile holds. Then two rounds without
 * any help: both joins clicked at the same instant by timers in the tabs, and 40 ms apart.
 */
class ConcurrentJoinIT extends NodeAndBrowser {
  Tab owner;
  Tab a;
  Tab b;

  /**
   * While true, tab b's StoreSigningKey requests wait in {@link #held} instead of reaching the
   * node.
   */
  boolean holdKeyImports;

  final List<byte[]> held = new ArrayList<>();
  WebSocketRoute bToNode;

  @BeforeEach
  void open() throws Exception {
    owner = new Tab(browser.newContext().newPage()).open(node.url());
    BrowserContext bob = browser.newContext();
    a = new Tab(bob.newPage()).open(node.url());
    Page pageB = bob.newPage();
    pageB.routeWebSocket(
        Pattern.compile(".*/v1/ws.*"),
        page -> {
          WebSocketRoute server = page.connectToServer();
          bToNode = server;
          page.onMessage(
              frame -> {
                byte[] bytes = frame.binary();
                if (holdKeyImports && isKeyImport(bytes)) {
                  held.add(bytes);
                } else {
                  server.send(bytes);
                }
              });
        });
    b = new Tab(pageB).open(node.url());
    for (Tab t : List.of(owner, a, b)) {
      loaded(t);
    }
  }

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : List.of(owner, a, b)) {
      assertEquals(List.of(), t.errors());
    }
  }

  private static boolean isKeyImport(byte[] frame) {
    try {
      Request r = WireCodec.decodeRequest(frame);
      return r.op() instanceof Op.Delegate
          && ((Op.Delegate) r.op()).msg() instanceof DelegateRequest.StoreSigningKey;
    } catch (RuntimeException notARequest) {
      return false;
    }
  }

  @Test
  void twoTabsAcceptingTwoInvitationsToOneRoomAtOnceCanBothPost() {
    // Round 0: b's key lands on the node after a joined.
    String room = create(owner, "Race 0", "owner");
    String first = invite(owner);
    String second = invite(owner);
    holdKeyImports = true;
    fillJoin(b, second);
    b.appHook("join-submit").click();
    b.page.waitForCondition(() -> held.size() == 1);
    fillJoin(a, first);
    a.appHook("join-submit").click();
    assertThat(roomItem(a, room)).isVisible();
    assertThat(roomItem(b, room)).isVisible(); // b's ROOMS holds a's identity now
    holdKeyImports = false;
    bToNode.send(held.remove(0));
    settleJoins(room);
    bothPost(room, 0);

    // Rounds 1 and 2: clicked by timers in the tabs, at the same instant and 40 ms apart.
    int[] staggerMs = {0, 40};
    for (int i = 0; i < staggerMs.length; i++) {
      int round = i + 1;
      room = create(owner, "Race " + round, "owner");
      first = invite(owner);
      second = invite(owner);
      fillJoin(a, first);
      fillJoin(b, second);
      double at = ((Number) a.page.evaluate("() => Date.now()")).doubleValue() + 300;
      clickAt(a, at);
      clickAt(b, at + staggerMs[i]);
      settleJoins(room);
      bothPost(room, round);
    }
  }

  private static void fillJoin(Tab t, String code) {
    t.appHook("join-open").click();
    t.appHook("join-code").fill(code);
    t.appHook("join-nickname").fill("bob");
  }

  private static void clickAt(Tab t, double at) {
    t.appHook("join-submit")
        .evaluate("(button, at) => setTimeout(() => button.click(), at - Date.now())", at);
  }

  /** Both tabs list the room; a tab that lost the race says so and its dialog is closed. */
  private void settleJoins(String room) {
    for (Tab t : List.of(a, b)) {
      assertThat(roomItem(t, room)).isVisible();
      assertThat(t.appHook("join-submit")).isEnabled(); // the join finished one way or the other
      if (t.appHook("join-error").isVisible()) {
        assertThat(t.appHook("join-error")).containsText("already a member");
      }
      if (t.appHook("join-submit").isVisible()) {
        t.app().locator("form[aria-label='Join a room'] button.secondary").click();
      }
    }
  }

  private void bothPost(String room, int round) {
    for (Tab t : List.of(a, b)) {
      roomItem(t, room).click();
      assertThat(roomItem(t, room)).hasAttribute("aria-current", "true");
    }
    String fromA = "round " + round + " from tab a";
    String fromB = "round " + round + " from tab b";
    send(a, fromA);
    send(b, fromB);
    for (String text : List.of(fromA, fromB)) {
      assertThat(message(owner, text)).hasCount(1);
      for (Tab t : List.of(a, b)) {
        assertThat(message(t, text)).hasCount(1);
        assertThat(message(t, text).locator("[data-testid=message-pending]")).hasCount(0);
      }
    }
    for (Tab t : List.of(a, b)) {
      assertThat(t.appHook("error-banner")).not().containsText("could not be delivered");
    }
  }
}
