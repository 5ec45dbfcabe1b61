package river.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TabTitleTest {
  @Test
  void namesTheRoomAndTheUnreadTotal() {
    assertEquals("(3) Lobby — River", TabTitle.of(3, "Lobby"));
    assertEquals("Lobby — River", TabTitle.of(0, "Lobby"));
  }

  @Test
  void withoutARoomItIsTheAppAlone() {
    assertEquals("(3) River", TabTitle.of(3, null));
    assertEquals("River", TabTitle.of(0, null));
    assertEquals("River", TabTitle.of(0, " \u202E\n "), "nothing printable left");
  }

  @Test
  void anOverrideInANameCannotTurnTheTitleAround() {
    assertEquals("(1) gnp.532 sales — River", TabTitle.of(1, "\u202Egnp.532 sales\u202C"));
    assertEquals("a b — River", TabTitle.of(0, "a\u2067\u200F\u2069 b"));
  }

  @Test
  void controlsAndRunsOfWhitespaceBecomeOneSpace() {
    assertEquals("two lines — River", TabTitle.of(0, "  two\r\n\t lines\u2028"));
  }

  @Test
  void aLongNameIsCutWithAnEllipsisNeverInsideACharacter() {
    String name = TabTitle.name("x".repeat(58) + "😀😀😀");
    assertEquals(TabTitle.MAX_NAME_CHARS - 1, name.length(), name);
    assertTrue(name.endsWith("x…"), name);
    String exact = "y".repeat(TabTitle.MAX_NAME_CHARS);
    assertEquals(exact, TabTitle.name(exact));
  }
}
