package river.client.shell;

import elemental2.core.ArrayBuffer;
import elemental2.core.JsArray;
import elemental2.indexeddb.IDBCursorWithValue;
import elemental2.indexeddb.IDBRequest;
import elemental2.indexeddb.IDBTransaction;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;

/**
 * The durable outbox: messages the app composed but the node has not acknowledged, kept in the
 * shell origin's IndexedDB (its own database, so the profile database never needs a migration)
 * until the app says they were delivered. The shell stores opaque bytes under the app's key; what
 * they mean, and the sending, is the app's business. A put is confirmed only once its transaction
 * has committed.
 */
final class OutboxStore {
  interface Saved {
    void saved(boolean ok);
  }

  interface Listed {
    void listed(JsArray<Object> items);
  }

  private static final String DB_NAME = "river-outbox";
  private static final String STORE = "messages";

  private final OneStoreDatabase database;

  /** Told after each committed put or delete (the shell tells the browser's other tabs). */
  private final Runnable changed;

  OutboxStore(Runnable changed) {
    this.changed = changed;
    this.database =
        new OneStoreDatabase(
            DB_NAME,
            STORE,
            "River: the outbox database is unavailable; messages are sent without it",
            db -> {});
  }

  void put(String key, ArrayBuffer bytes, Saved done) {
    database.whenOpen(
        db -> {
          if (db == null) {
            done.saved(false);
            return;
          }
          IDBTransaction tx = db.transaction(STORE, "readwrite");
          tx.objectStore(STORE).put(bytes, key);
          tx.oncomplete =
              e -> {
                done.saved(true);
                changed.run();
                return null;
              };
          tx.onabort =
              e -> {
                done.saved(false);
                return null;
              };
        });
  }

  void remove(String key) {
    database.whenOpen(
        db -> {
          if (db != null) {
            IDBTransaction tx = db.transaction(STORE, "readwrite");
            tx.objectStore(STORE).delete(key);
            tx.oncomplete =
                e -> {
                  changed.run();
                  return null;
                };
          }
        });
  }

  /** Every entry as {@code {key, b}}. */
  void list(Listed done) {
    database.whenOpen(
        db -> {
          JsArray<Object> items = new JsArray<>();
          if (db == null) {
            done.listed(items);
            return;
          }
          IDBTransaction tx = db.transaction(STORE, "readonly");
          IDBRequest cursor = tx.objectStore(STORE).openCursor();
          cursor.onsuccess =
              e -> {
                IDBCursorWithValue c = Js.uncheckedCast(cursor.result);
                if (c == null) {
                  done.listed(items);
                  return null;
                }
                if ("string".equals(Js.typeof(c.key)) && c.value instanceof ArrayBuffer) {
                  JsPropertyMap<Object> item = JsPropertyMap.of();
                  item.set("key", c.key);
                  item.set("b", c.value);
                  items.push(item);
                }
                c.continue_();
                return null;
              };
          cursor.onerror =
              e -> {
                done.listed(items);
                return null;
              };
        });
  }
}
