package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages with two tabs of one user: a message sent in one tab is signed, put into the room
 * contract, and shown live in both tabs in time order with the author's nickname; a new message
 * leaves the ones already shown (and a selection in them) alone; a message over the room's size
 * limit is refused with the reason and nothing is sent.
 */
class MessagesIT extends TwoTabFixture {
  @Test
  void aMessageSentInOneTabAppearsInBothInOrder() {
    String room = create(a, "Lobby", "alice");
    assertThat(ChatSteps.roomItem(b, room)).isVisible();
    send(a, "first from A");
    assertThat(message(a, "first from A")).hasCount(1);
    assertThat(message(b, "first from A")).hasCount(1);
    assertThat(message(b, "first from A").locator("[data-testid=message-author]")).hasText("alice");
    for (Tab t : List.of(a, b)) {
      // delivered in both: until then each tab of the profile shows it pending under its outbox key
      assertThat(message(t, "first from A").locator("[data-testid=message-pending]")).hasCount(0);
    }
    String id = message(a, "first from A").getAttribute("data-message-id");
    assertTrue(id.length() > 80, "base58 of a 64-byte signature: " + id);
    assertEquals(id, message(b, "first from A").getAttribute("data-message-id"));
    assertThat(a.appHook("message-input")).hasValue("");

    send(b, "then from B");
    for (Tab t : List.of(a, b)) {
      assertThat(message(t, "then from B")).hasCount(1);
      assertThat(t.app().locator("[data-testid=message-text]"))
          .hasText(new String[] {"first from A", "then from B"});
    }
    // one user, own messages: nothing is unread, and the title (the room, no count) says so
    assertThat(a.appHook("room-unread")).hasCount(0);
    assertThat(a.page).hasTitle("Lobby — River");
  }

  @Test
  void anArrivingMessageLeavesTheReadersSelectionAndTheOlderMessagesInPlace() {
    create(a, "Lobby", "alice");
    send(a, "select me please");
    Locator older = message(b, "select me please");
    // Until the older message is drawn as it will stay: delivered, with its author's name and as
    // this profile's own (edit offered). Each can arrive in tab b after the message itself (on a
    // busy machine it did: CI), and each changes how the item looks, so it is rightly drawn again.
    assertThat(older.locator("[data-testid=message-pending]")).hasCount(0);
    assertThat(older.locator("[data-testid=message-author]")).hasText("alice");
    assertThat(older.locator("[data-testid=message-edit]")).hasCount(1);
    // The reader in tab b selects the older message's text (to copy it, say).
    older.evaluate(
        "li => { li.__keptAcrossDraws = true; const r = document.createRange();"
            + " r.selectNodeContents(li.querySelector('[data-testid=message-text]'));"
            + " const s = getSelection(); s.removeAllRanges(); s.addRange(r); }");
    send(a, "a newer one");
    Locator newer = message(b, "a newer one");
    assertThat(newer).hasCount(1);
    assertThat(newer.locator("[data-testid=message-pending]")).hasCount(0); // drawn, then again
    assertEquals(
        true,
        older.evaluate("li => li.__keptAcrossDraws === true"),
        "the older message is the element it was, not a copy drawn again");
    assertEquals(
        "select me please",
        older.evaluate("li => li.ownerDocument.getSelection().toString()"),
        "the selection survived the new message");
  }

  @Test
  void aMessageOverTheRoomLimitIsRefusedWithTheReason() {
    create(a, "Lobby", "alice");
    send(a, "x".repeat(1001));
    assertThat(a.appHook("composer-error")).containsText("too long");
    assertThat(a.appHook("composer-error")).containsText("1000");
    assertThat(a.appHook("message-input")).hasValue("x".repeat(1001));
    send(a, "short one");
    assertThat(message(a, "short one")).hasCount(1);
    assertThat(b.app().locator("[data-testid=message-item]")).hasCount(1);
    assertThat(a.appHook("composer-error")).isHidden();
  }
}
