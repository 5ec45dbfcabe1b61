package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --db}: absent means SQLite; only a jdbc:postgresql:// URL is taken. */
class NodeOptionsDbTest {

  @Test
  void noDbMeansTheSqliteStore() {
    assertNull(NodeOptions.parse(new String[] {"--port", "0"}).db());
  }

  @Test
  void aPostgresUrlIsTakenAsIs() {
    String url = "jdbc:postgresql://127.0.0.1:5432/river?user=river&password=x";
    assertEquals(url, NodeOptions.parse(new String[] {"--db", url}).db());
  }

  @Test
  void anythingElseIsAUsageError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NodeOptions.parse(new String[] {"--db", "jdbc:sqlite:x.db"}));
    assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NodeOptions.parse(new String[] {"--db"}));
  }
}
