package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.currentRoomKey;
import static river.e2e.ChatSteps.invite;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import river.store.Base58;
import river.wire.Event;
import river.wire.Op;
import river.wire.Push;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * A message sent in a room whose state has not reached the tab yet (just joined; the same holds for
 * a room just created or a tab still loading) is not refused: the composer keeps it, says it sends
 * once the room has loaded, and sends it then.
 *
 * <p>The window is made wide on purpose, not hoped for: tab b's socket is routed, and once b's join
 * has read the room (its first subscribing fetch of the room's state passes), b's later subscribing
 * fetches of that state and the node's pushes of its changes are held until the test lets them
 * through.
 */
class SendBeforeLoadedIT extends NodeAndBrowser {
  Tab owner;
  Tab b;

  /** The room whose state is held from tab b after its first fetch; null while nothing is. */
  volatile byte[] holdRoom;

  int fetchesOfHeldRoom;
  final List<byte[]> heldFetches = new ArrayList<>();
  final List<byte[]> heldPushes = new ArrayList<>();
  WebSocketRoute toNode;
  WebSocketRoute toPage;

  @BeforeEach
  void open() throws Exception {
    owner = new Tab(browser.newContext().newPage()).open(node.url());
    Page pageB = browser.newContext().newPage();
    pageB.routeWebSocket(
        Pattern.compile(".*/v1/ws.*"),
        page -> {
          WebSocketRoute server = page.connectToServer();
          toNode = server;
          toPage = page;
          page.onMessage(
              frame -> {
                byte[] bytes = frame.binary();
                synchronized (heldFetches) {
                  if (isFetchOfHeldRoom(bytes) && ++fetchesOfHeldRoom > 1) {
                    heldFetches.add(bytes);
                    return;
                  }
                }
                server.send(bytes);
              });
          server.onMessage(
              frame -> {
                byte[] bytes = frame.binary();
                synchronized (heldFetches) {
                  if (isPushOfHeldRoom(bytes)) {
                    heldPushes.add(bytes);
                    return;
                  }
                }
                page.send(bytes);
              });
        });
    b = new Tab(pageB).open(node.url());
    loaded(owner);
    loaded(b);
  }

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : List.of(owner, b)) {
      assertEquals(List.of(), t.errors());
    }
  }

  private boolean isFetchOfHeldRoom(byte[] frame) {
    byte[] room = holdRoom;
    if (room == null) {
      return false;
    }
    try {
      Request r = WireCodec.decodeRequest(frame);
      // The join reads the room with a subscribing fetch, then re-reads it without one; the room
      // list's fetch, once the room is listed, subscribes again.
      return r.op() instanceof Op.Get
          && ((Op.Get) r.op()).subscribe()
          && Arrays.equals(((Op.Get) r.op()).key(), room);
    } catch (RuntimeException notARequest) {
      return false;
    }
  }

  private boolean isPushOfHeldRoom(byte[] frame) {
    byte[] room = holdRoom;
    if (room == null) {
      return false;
    }
    try {
      Object f = WireCodec.decodeServerFrame(frame);
      return f instanceof Push
          && ((Push) f).event() instanceof Event.ContractUpdated
          && Arrays.equals(((Event.ContractUpdated) ((Push) f).event()).key(), room);
    } catch (RuntimeException notAFrame) {
      return false;
    }
  }

  @Test
  void aMessageSentBeforeTheRoomLoadedWaitsAndIsSentWhenItHas() {
    String room = create(owner, "Lobby", "alice");
    holdRoom = Base58.decode(currentRoomKey(owner));
    String code = invite(owner);
    b.appHook("join-open").click();
    b.appHook("join-code").fill(code);
    b.appHook("join-nickname").fill("bob");
    b.appHook("join-submit").click();
    assertThat(roomItem(b, room)).hasAttribute("aria-current", "true");
    b.page.waitForCondition(
        () -> {
          synchronized (heldFetches) {
            return !heldFetches.isEmpty(); // b has asked for the room's state: it is held
          }
        });

    send(b, "hello before the room loaded");
    assertThat(b.appHook("composer-waiting")).isVisible();
    assertThat(b.appHook("composer-waiting")).containsText("as soon as this room has loaded");
    assertThat(b.appHook("message-input")).hasValue("hello before the room loaded");
    assertThat(b.appHook("composer-error")).isHidden();
    Jargon.assertNone(b);

    // The state arrives: the waiting text is sent, once, and the composer is free again.
    synchronized (heldFetches) {
      holdRoom = null;
      heldFetches.forEach(toNode::send);
      heldPushes.forEach(toPage::send);
      heldFetches.clear();
      heldPushes.clear();
    }
    for (Tab t : List.of(owner, b)) {
      assertThat(message(t, "hello before the room loaded")).hasCount(1);
    }
    assertThat(b.appHook("message-input")).hasValue("");
    assertThat(b.appHook("composer-waiting")).isHidden();
    assertThat(b.appHook("composer-error")).isHidden();
    assertThat(message(b, "hello before the room loaded").locator("[data-testid=message-pending]"))
        .hasCount(0);
  }
}
