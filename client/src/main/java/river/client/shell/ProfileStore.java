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
import river.chat.PlainErrors;
import river.net.ProfileCheck;
import river.net.ProfileClaim;

/**
 * The user's profile credential, kept in the shell origin's IndexedDB so that every tab of a
 * browser profile is the same user. First visit: {@code POST /v1/profiles} mints a token, and which
 * token the tab uses is {@link ProfileClaim}'s decision, taken inside one read-write transaction:
 * tabs opened at the same moment on a fresh profile all mint one, the first stored wins and every
 * tab adopts it. When the node no longer knows the token (its data was reset), the user may replace
 * it, by the same rule: the replacement is written only over that same unknown token, so the tabs
 * that ask one after the other all end up on the first new profile.
 */
final class ProfileStore {
  interface TokenCallback {
    void onToken(String token);
  }

  interface ErrorCallback {
    /** {@code message}: for a person ({@code river.chat.PlainErrors}). */
    void onError(String message);
  }

  private static final String DB_NAME = "river-shell";
  private static final String STORE = "profile";
  private static final String KEY = "token";

  private IDBDatabase db;

  void loadOrCreate(TokenCallback onToken, ErrorCallback onError) {
    IDBOpenDBRequest open = IndexedDbGlobal.indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded =
        event -> {
          IDBDatabase upgrading = Js.uncheckedCast(open.result);
          upgrading.createObjectStore(STORE);
          return null;
        };
    open.onerror =
        event -> {
          onError.onError(PlainErrors.PROFILE_STORAGE);
          return null;
        };
    open.onsuccess =
        event -> {
          db = Js.uncheckedCast(open.result);
          readToken(
              stored -> {
                if (stored != null) {
                  onToken.onToken(stored);
                } else {
                  mintAndStore(onToken, onError);
                }
              },
              onError);
          return null;
        };
  }

  /** How long the question may take: a node that does not answer by then counts as away. */
  static final int CHECK_TIMEOUT_MS = 5_000;

  /**
   * Asks the node whether it knows {@code token}: the HTTP status (204 known, 401 unknown), or
   * {@link river.net.ProfileCheck#NO_ANSWER} when the node cannot be reached or does not answer in
   * time (a request into a dead connection would otherwise hang for minutes).
   */
  static void check(String token, NodeSocket.StatusCallback answer) {
    elemental2.dom.AbortController abort = new elemental2.dom.AbortController();
    boolean[] answered = {false};
    double timer =
        DomGlobal.setTimeout(
            ignored -> {
              if (!answered[0]) {
                answered[0] = true;
                abort.abort();
                answer.onStatus(ProfileCheck.NO_ANSWER);
              }
            },
            CHECK_TIMEOUT_MS);
    RequestInit init = RequestInit.create();
    init.setMethod("GET");
    init.setSignal(abort.signal);
    elemental2.dom.Headers headers = new elemental2.dom.Headers();
    headers.set("Authorization", "Bearer " + token);
    init.setHeaders(headers);
    DomGlobal.fetch("/v1/profiles/current", init)
        .then(
            response -> {
              if (!answered[0]) {
                answered[0] = true;
                DomGlobal.clearTimeout(timer);
                answer.onStatus(response.status);
              }
              return null;
            })
        .catch_(
            error -> {
              if (!answered[0]) {
                answered[0] = true;
                DomGlobal.clearTimeout(timer);
                answer.onStatus(ProfileCheck.NO_ANSWER); // node down: the socket keeps trying
              }
              return null;
            });
  }

  /**
   * Mints a new profile in place of {@code unknown}, or adopts the one another tab already put
   * there.
   */
  void replaceUnknown(String unknown, TokenCallback onToken, ErrorCallback onError) {
    mint(minted -> claim(unknown, minted, onToken, onError), onError);
  }

  private void readToken(TokenCallback onResult, ErrorCallback onError) {
    IDBTransaction tx = db.transaction(STORE, "readonly");
    IDBRequest get = tx.objectStore(STORE).get(KEY);
    get.onsuccess =
        event -> {
          Object value = get.result;
          onResult.onToken(
              "string".equals(Js.typeof(value)) ? Js.<String>uncheckedCast(value) : null);
          return null;
        };
    get.onerror =
        event -> {
          onError.onError(PlainErrors.PROFILE_STORAGE);
          return null;
        };
  }

  private void mintAndStore(TokenCallback onToken, ErrorCallback onError) {
    mint(minted -> claim(null, minted, onToken, onError), onError);
  }

  private static void mint(TokenCallback onMinted, ErrorCallback onError) {
    RequestInit init = RequestInit.create();
    init.setMethod("POST");
    DomGlobal.fetch("/v1/profiles", init)
        .then(
            response -> {
              if (!response.ok) {
                throw new IllegalStateException(
                    "profile creation refused: HTTP " + response.status);
              }
              return response.json();
            })
        .then(
            json -> {
              Object token = Js.asPropertyMap(json).get("token");
              if (!"string".equals(Js.typeof(token))) {
                throw new IllegalStateException("profile response without a token");
              }
              onMinted.onToken(Js.<String>uncheckedCast(token));
              return null;
            })
        .catch_(
            error -> {
              DomGlobal.console.warn("River: cannot create a profile", error);
              onError.onError(PlainErrors.PROFILE_UNREACHABLE);
              return null;
            });
  }

  /**
   * Reads the stored token and writes {@code minted} in one read-write transaction (IndexedDB runs
   * those one at a time across tabs), as {@link ProfileClaim} decides; the tab uses the adopted
   * token only once the transaction committed.
   */
  private void claim(
      String replacing, String minted, TokenCallback onToken, ErrorCallback onError) {
    IDBTransaction tx = db.transaction(STORE, "readwrite");
    IDBObjectStore store = tx.objectStore(STORE);
    String[] adopted = {null};
    IDBRequest get = store.get(KEY);
    get.onsuccess =
        event -> {
          Object value = get.result;
          String stored =
              "string".equals(Js.typeof(value)) ? Js.<String>uncheckedCast(value) : null;
          ProfileClaim.Outcome outcome = ProfileClaim.decide(stored, replacing, minted);
          if (outcome.write != null) {
            store.put(outcome.write, KEY);
          }
          adopted[0] = outcome.adopt;
          return null;
        };
    tx.oncomplete =
        event -> {
          if (adopted[0] != null) {
            onToken.onToken(adopted[0]);
          } else {
            onError.onError(PlainErrors.PROFILE_STORAGE);
          }
          return null;
        };
    tx.onabort =
        event -> {
          onError.onError(PlainErrors.PROFILE_STORAGE);
          return null;
        };
  }
}
