package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edit, delete, reply and react, between two users: only the author is offered edit and delete;
 * every change shows live for both.
 */
class MessageActionsIT extends TwoTabFixture {
  @Override
  boolean sameProfile() {
    return false;
  }

  static Locator in(Locator item, String testId) {
    return item.locator("[data-testid=" + testId + "]");
  }

  @Test
  void editDeleteReplyAndReactShowLiveForBothUsers() {
    String room = create(a, "Lobby", "alice");
    a.appHook("invite-create").click();
    assertThat(a.appHook("invite-code")).not().isEmpty();
    String code = a.appHook("invite-code").textContent();
    a.appHook("invite-close").click();
    b.appHook("join-open").click();
    b.appHook("join-code").fill(code);
    b.appHook("join-nickname").fill("bob");
    b.appHook("join-submit").click();
    assertThat(roomItem(b, room)).isVisible();

    send(a, "helo");
    assertThat(message(b, "helo")).hasCount(1);
    assertThat(in(message(b, "helo"), "message-edit")).hasCount(0);
    assertThat(in(message(b, "helo"), "message-delete")).hasCount(0);

    // alice fixes her typo
    in(message(a, "helo"), "message-edit").click();
    assertThat(a.appHook("composer-mode")).isVisible();
    assertThat(a.appHook("message-input")).hasValue("helo");
    send(a, "hello");
    for (Tab t : List.of(a, b)) {
      assertThat(message(t, "hello")).hasCount(1);
      assertThat(in(message(t, "hello"), "message-edited")).isVisible();
      assertThat(message(t, "helo")).hasCount(0);
    }
    assertThat(a.appHook("composer-mode")).isHidden();

    // bob replies and reacts; alice sees both, then bob withdraws the reaction
    in(message(b, "hello"), "message-reply").click();
    send(b, "hi there");
    for (Tab t : List.of(a, b)) {
      assertThat(in(message(t, "hi there"), "message-reply-to")).hasText("↪ alice: hello");
    }
    ChatSteps.react(b, message(b, "hello"), "thumbs up", "👍");
    for (Tab t : List.of(a, b)) {
      assertThat(in(message(t, "hello"), "message-reaction")).hasText("👍 1");
    }
    assertThat(in(message(b, "hello"), "message-reaction")).hasAttribute("aria-pressed", "true");
    assertThat(in(message(a, "hello"), "message-reaction")).hasAttribute("aria-pressed", "false");
    in(message(a, "hello"), "message-reaction").click();
    assertThat(in(message(b, "hello"), "message-reaction")).hasText("👍 2");
    in(message(b, "hello"), "message-reaction").click();
    for (Tab t : List.of(a, b)) {
      assertThat(in(message(t, "hello"), "message-reaction")).hasText("👍 1");
    }

    // alice deletes her message, which asks first: nothing goes until she confirms
    in(message(a, "hello"), "message-delete").click();
    in(message(a, "hello"), "message-delete-cancel").click();
    assertThat(in(message(a, "hello"), "message-delete-confirm")).hasCount(0);
    in(message(a, "hello"), "message-delete").click();
    assertThat(message(b, "hello")).hasCount(1);
    // confirmed: gone for both; bob's reply now quotes nothing
    in(message(a, "hello"), "message-delete-confirm").click();
    for (Tab t : List.of(a, b)) {
      assertThat(message(t, "hello")).hasCount(0);
      assertThat(in(message(t, "hi there"), "message-reply-to"))
          .hasText("↪ a message that is no longer here");
    }
  }
}
