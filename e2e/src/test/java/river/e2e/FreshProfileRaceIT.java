package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.roomItem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three tabs opened at the same moment on a fresh browser profile: every shell finds no profile,
 * every shell mints one, exactly one is stored, and all three adopt it. They are one user: a room
 * created in any of them shows live in the others and is listed by all of them after a reload. A
 * few rounds (each a fresh profile), because the race is the point.
 */
class FreshProfileRaceIT extends NodeAndBrowser {
  private static final int TABS = 3;
  private static final int ROUNDS = 2;

  @Test
  void tabsOpenedAtOnceOnAFreshProfileAreOneUser() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      BrowserContext profile = browser.newContext();
      List<Tab> tabs = new ArrayList<>();
      for (int i = 0; i < TABS; i++) {
        tabs.add(new Tab(profile.newPage()));
      }
      // Start every navigation before any shell runs: COMMIT returns as the document starts.
      for (Tab t : tabs) {
        t.page.navigate(node.url(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
      }
      for (Tab t : tabs) {
        loaded(t);
      }
      String token = tabs.get(0).storedToken();
      for (Tab t : tabs) {
        assertEquals(token, t.storedToken(), "round " + round + ": one stored profile");
      }

      List<String> rooms = new ArrayList<>();
      for (int i = 0; i < TABS; i++) {
        String room = create(tabs.get(i), "Round " + round + " tab " + i, "me");
        rooms.add(room);
        for (Tab other : tabs) {
          // One user: the room shows live in every tab, not only in the one that made it.
          assertThat(roomItem(other, room)).isVisible();
        }
      }
      for (Tab t : tabs) {
        t.page.reload();
        loaded(t);
        assertThat(t.appHook("room-item")).hasCount(TABS);
        for (String room : rooms) {
          assertThat(roomItem(t, room)).isVisible();
        }
        assertEquals(List.of(), t.errors());
      }
      profile.close();
    }
  }
}
