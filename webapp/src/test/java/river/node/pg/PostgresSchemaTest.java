package river.node.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import river.node.store.PostgresDelegateStore;

/**
 * The PostgreSQL schema is versioned: created once, reopened as is, a newer one refused; no
 * password in messages.
 */
class PostgresSchemaTest {

  @Test
  void createdOnceAndReopenedAsIs() throws Exception {
    String db = PostgresCluster.shared().newDatabaseUrl();
    PostgresDelegateStore.open(db).close();
    PostgresDelegateStore.open(db).close(); // a second node (or a restart) migrates nothing
    try (Connection c = DriverManager.getConnection(db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertFalse(rs.next(), "one row per applied version");
    }
  }

  @Test
  void aSchemaNewerThanTheNodeIsRefused() throws Exception {
    String db = PostgresCluster.shared().newDatabaseUrl();
    PostgresDelegateStore.open(db).close();
    try (Connection c = DriverManager.getConnection(db);
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO schema_version VALUES (99, 0)");
    }
    IOException e = assertThrows(IOException.class, () -> PostgresDelegateStore.open(db));
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingIt() {
    String url = PostgresCluster.shared().url("no_such_database") + "&password=s3cret-value";
    IOException e = assertThrows(IOException.class, () -> PostgresDelegateStore.open(url));
    assertFalse(e.getMessage().contains("s3cret-value"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
  }
}
