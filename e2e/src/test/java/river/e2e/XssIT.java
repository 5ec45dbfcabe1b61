package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything a user typed renders as text: markup, script, event handlers, javascript: URLs and
 * bidi overrides used as room names, nicknames and messages (by the author and by another user who
 * joined) are shown literally; none of their elements exists and no dialog ever opens.
 */
class XssIT extends TwoTabFixture {
  static final String ROOM = "<img src=x onerror=alert('room')>";
  static final String NICK_A = "\"><svg onload=alert('a')>";
  static final String NICK_B = "<script>alert('b')</script>";
  static final List<String> MESSAGES =
      List.of(
          "<img src=x onerror=alert(1)>",
          "<script>alert(2)</script>",
          "\"><svg/onload=alert(3)>",
          "javascript:alert(4)",
          "<a href=\"javascript:alert(5)\">click</a>",
          "<iframe srcdoc=\"<script>parent.alert(6)</script>\"></iframe>",
          "&lt;b&gt;entities stay&lt;/b&gt; &amp;",
          "\u202Egnp.exe\u202C and \u2066isolate\u2069",
          "{{constructor.constructor('alert(7)')()}}",
          "<style>*{display:none}</style>");

  final List<String> dialogs = new ArrayList<>();

  @Override
  boolean sameProfile() {
    return false;
  }

  /** A payload that ran would most likely open a dialog: each one is recorded and dismissed. */
  @BeforeEach
  void recordDialogs() {
    for (Tab t : List.of(a, b)) {
      t.page.onDialog(
          d -> {
            synchronized (dialogs) {
              dialogs.add(d.type() + ": " + d.message());
            }
            d.dismiss();
          });
    }
  }

  @AfterEach
  void noDialogOpened() {
    assertEquals(List.of(), dialogs);
  }

  @Test
  void payloadsAsRoomNamesNicknamesAndMessagesRenderInert() {
    String room = create(a, ROOM, NICK_A);
    a.appHook("invite-create").click();
    assertThat(a.appHook("invite-code")).not().isEmpty();
    String code = a.appHook("invite-code").textContent();
    a.appHook("invite-close").click();
    b.appHook("join-open").click();
    b.appHook("join-code").fill(code);
    b.appHook("join-nickname").fill(NICK_B);
    b.appHook("join-submit").click();
    assertThat(roomItem(b, room)).isVisible();

    for (int i = 0; i < MESSAGES.size(); i++) {
      send(i % 2 == 0 ? a : b, MESSAGES.get(i));
      assertThat(message(a, MESSAGES.get(i))).hasCount(1);
    }
    for (Tab t : List.of(a, b)) {
      assertThat(roomItem(t, room).locator("[data-testid=room-name]")).hasText(ROOM);
      assertThat(t.app().locator(".room-header [data-testid=room-name]")).hasText(ROOM);
      assertThat(t.app().locator("[data-testid=message-text]"))
          .hasText(MESSAGES.toArray(new String[0]));
      List<String> authors = t.app().locator("[data-testid=message-author]").allTextContents();
      for (int i = 0; i < authors.size(); i++) {
        assertEquals(i % 2 == 0 ? NICK_A : NICK_B, authors.get(i));
      }
      assertThat(t.app().locator("[data-testid=member-name]")).hasCount(2);
      Locator app = t.app().locator("#app-root");
      for (String tag : List.of("img", "svg", "script", "iframe", "style", "b")) {
        assertThat(app.locator(tag)).hasCount(0);
      }
      // the only links are the room items, to the rooms' addresses (and the backup dialog's
      // download link, which has no address until the user makes a backup)
      assertThat(app.locator("a:not([data-testid=room-item]):not([data-testid=backup-download])"))
          .hasCount(0);
      assertThat(app.locator("[data-testid=backup-download][href]")).hasCount(0);
      assertThat(roomItem(t, room)).hasAttribute("href", node.url() + "#/room/" + room);
      assertThat(t.page.locator("body img, body svg, body iframe:not(#app-frame)")).hasCount(0);
      assertEquals(ROOM + " — River", t.page.title()); // a title is text: nothing to inject
      // the app is still whole: nothing hid or replaced it
      assertThat(t.appHook("message-input")).isVisible();
    }
  }
}
