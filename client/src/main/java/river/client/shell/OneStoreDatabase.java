package river.client.shell;

import elemental2.core.JsArray;
import elemental2.dom.DomGlobal;
import elemental2.indexeddb.IDBDatabase;
import elemental2.indexeddb.IDBOpenDBRequest;
import elemental2.indexeddb.IndexedDbGlobal;
import jsinterop.base.Js;

/**
 * An IndexedDB database of the shell's origin holding one object store, opened once. Work asked for
 * before it is open waits, in order, and then runs with the database, or with null when it could
 * not be opened (private browsing, storage turned off): each user says what it does then. Each
 * feature has its own database, so none ever needs another's migration.
 */
final class OneStoreDatabase {
  interface Use {
    /** {@code db} is null when the database could not be opened. */
    void with(IDBDatabase db);
  }

  private IDBDatabase db;
  private boolean failed;
  private final JsArray<Runnable> waiting = new JsArray<>();

  /**
   * Opens {@code name} (creating {@code store} the first time); {@code unavailable} is logged when
   * it cannot be opened, and {@code opened} runs once it is, before any waiting work.
   */
  OneStoreDatabase(String name, String store, String unavailable, Use opened) {
    IDBOpenDBRequest open = IndexedDbGlobal.indexedDB.open(name, 1);
    open.onupgradeneeded =
        event -> {
          IDBDatabase upgrading = Js.uncheckedCast(open.result);
          upgrading.createObjectStore(store);
          return null;
        };
    open.onerror =
        event -> {
          failed = true;
          DomGlobal.console.warn(unavailable);
          runWaiting();
          return null;
        };
    open.onsuccess =
        event -> {
          db = Js.uncheckedCast(open.result);
          opened.with(db);
          runWaiting();
          return null;
        };
  }

  /** Runs {@code use} once the database is open (or could not be). */
  void whenOpen(Use use) {
    if (db != null || failed) {
      use.with(db);
    } else {
      waiting.push(() -> use.with(db));
    }
  }

  private void runWaiting() {
    while (waiting.length > 0) {
      waiting.shift().run();
    }
  }
}
