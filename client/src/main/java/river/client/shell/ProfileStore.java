package river.client.shell;

import elemental2.dom.DomGlobal;
import elemental2.dom.RequestInit;
import elemental2.indexeddb.IDBDatabase;
import elemental2.indexeddb.IDBObjectStore;
import elemental2.indexeddb.IDBOpenDBRequest;
import elemental2.indexeddb.IDBRequest;
import elemental2.indexeddb.IDBTransaction;
import elemental2.indexeddb.IndexedDbGlobal;
import jsinterop.base.Js;

/**
 * The user's profile credential, kept in the shell origin's IndexedDB so that every tab of a
 * browser profile is the same user. First visit: {@code POST /v1/profiles} mints a token, which is
 * stored insert-if-absent. Hazard: two tabs opened at the same moment on a fresh profile both
 * mint a token; {@code add} lets exactly one win and the loser adopts the stored one, so both
 * tabs end up as the same user.
 */
final class ProfileStore {
  interface TokenCallback {
    void onToken(String token);
  }

  interface ErrorCallback {
    void onError(String message);
  }

  private static final String DB_NAME = "river-shell";
  private static final String STORE = "profile";
  private static final String KEY = "token";

  private IDBDatabase db;

  void loadOrCreate(TokenCallback onToken, ErrorCallback onError) {
    IDBOpenDBRequest open = IndexedDbGlobal.indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = event -> {
      IDBDatabase upgrading = Js.uncheckedCast(open.result);
      upgrading.createObjectStore(STORE);
      return null;
    };
    open.onerror = event -> {
      onError.onError("cannot open the profile database");
      return null;
    };
    open.onsuccess = event -> {
      db = Js.uncheckedCast(open.result);
      readToken(stored -> {
        if (stored != null) {
          onToken.onToken(stored);
        } else {
          mintAndStore(onToken, onError);
        }
      }, onError);
      return null;
    };
  }

  private void readToken(TokenCallback onResult, ErrorCallback onError) {
    IDBTransaction tx = db.transaction(STORE, "readonly");
    IDBRequest get = tx.objectStore(STORE).get(KEY);
    get.onsuccess = event -> {
      Object value = get.result;
      onResult.onToken("string".equals(Js.typeof(value)) ? Js.<String>uncheckedCast(value) : null);
      return null;
    };
    get.onerror = event -> {
      onError.onError("cannot read the profile");
      return null;
    };
  }

  private void mintAndStore(TokenCallback onToken, ErrorCallback onError) {
    RequestInit init = RequestInit.create();
    init.setMethod("POST");
    DomGlobal.fetch("/v1/profiles", init)
        .then(response -> {
          if (!response.ok) {
            throw new IllegalStateException("profile creation refused: HTTP " + response.status);
          }
          return response.json();
        })
        .then(json -> {
          Object token = Js.asPropertyMap(json).get("token");
          if (!"string".equals(Js.typeof(token))) {
            throw new IllegalStateException("profile response without a token");
          }
          storeIfAbsent(Js.<String>uncheckedCast(token), onToken, onError);
          return null;
        })
        .catch_(error -> {
          onError.onError("cannot create a profile: " + error);
          return null;
        });
  }

  private void storeIfAbsent(String minted, TokenCallback onToken, ErrorCallback onError) {
    IDBTransaction tx = db.transaction(STORE, "readwrite");
    IDBObjectStore store = tx.objectStore(STORE);
    IDBRequest add = store.add(minted, KEY);
    add.onerror = event -> {
      // Another tab stored its token first (ConstraintError): adopt that one, first writer wins.
      event.preventDefault();
      return null;
    };
    tx.oncomplete = event -> {
      onToken.onToken(minted);
      return null;
    };
    tx.onabort = event -> {
      readToken(stored -> {
        if (stored != null) {
          onToken.onToken(stored);
        } else {
          onError.onError("cannot store the profile");
        }
      }, onError);
      return null;
    };
  }
}
