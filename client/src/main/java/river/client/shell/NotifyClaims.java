package river.client.shell;

import elemental2.core.JsDate;
import elemental2.indexeddb.IDBCursorWithValue;
import elemental2.indexeddb.IDBDatabase;
import elemental2.indexeddb.IDBObjectStore;
import elemental2.indexeddb.IDBRequest;
import elemental2.indexeddb.IDBTransaction;
import jsinterop.base.Js;
import river.net.NotifyClaim;

/**
 * The tabs' claims on message notifications, in the shell origin's IndexedDB (database {@code
 * river-notifications}, its own, so the profile database never needs a migration): message id to
 * the time it was claimed. A claim reads and writes in one read-write transaction, which IndexedDB
 * runs one at a time across the profile's tabs, so of the tabs that claim one message exactly one
 * takes it ({@link NotifyClaim}). Claims older than a day are dropped when the store opens.
 */
final class NotifyClaims {
  interface Claimed {
    void claimed(boolean won);
  }

  private static final String DB_NAME = "river-notifications";
  private static final String STORE = "claims";

  private final OneStoreDatabase database;

  NotifyClaims() {
    this.database =
        new OneStoreDatabase(
            DB_NAME, STORE, "River: the notification store is unavailable", this::dropExpired);
  }

  /** Claims message {@code id}; {@code done} hears whether this tab took it. */
  void claim(String id, Claimed done) {
    database.whenOpen(
        db -> {
          if (db == null) {
            done.claimed(false); // no claims: no notifications, rather than one per tab
            return;
          }
          IDBTransaction tx = db.transaction(STORE, "readwrite");
          IDBObjectStore store = tx.objectStore(STORE);
          boolean[] won = {false};
          IDBRequest get = store.get(id);
          get.onsuccess =
              e -> {
                Object at = get.result;
                double now = JsDate.now();
                Double storedAt = "number".equals(Js.typeof(at)) ? Js.asDouble(at) : null;
                if (NotifyClaim.takes(storedAt, now)) {
                  store.put(now, id);
                  won[0] = true;
                }
                return null;
              };
          tx.oncomplete =
              e -> {
                done.claimed(won[0]); // only once the claim is committed
                return null;
              };
          tx.onabort =
              e -> {
                done.claimed(false);
                return null;
              };
        });
  }

  /** Keeps the store small: a claim older than a day has done its work. */
  private void dropExpired(IDBDatabase db) {
    IDBTransaction tx = db.transaction(STORE, "readwrite");
    IDBRequest cursor = tx.objectStore(STORE).openCursor();
    double now = JsDate.now();
    cursor.onsuccess =
        e -> {
          IDBCursorWithValue c = Js.uncheckedCast(cursor.result);
          if (c == null) {
            return null;
          }
          if (!"number".equals(Js.typeof(c.value))
              || NotifyClaim.isExpired(Js.asDouble(c.value), now)) {
            c.delete();
          }
          c.continue_();
          return null;
        };
  }
}
