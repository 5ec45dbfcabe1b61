package river.client.app;

import elemental2.core.JsDate;
import elemental2.dom.DomGlobal;
import river.actions.ActionLink;
import river.actions.ActionRequest;
import river.actions.Cipher;
import river.actions.OutboxQueue;
import river.actions.RoomActions;
import river.chat.RoomSecrets;
import river.engine.SeededRandom;
import river.wire.OpResult;

/**
 * Runs the shared room actions engine ({@link RoomActions}, {@link OutboxQueue}) in the browser, as
 * {@link SessionDriver} runs the tab session: every request the actions emit goes out through the
 * {@link NodeLink}, every answer, timeout or lost connection comes back exactly once, and sealing
 * is WebCrypto's ({@link RoomCipher}), key agreement for private-room secret versions too ({@link
 * RoomKeyAgreement}). After each answer both engines are pumped, since an action's last step
 * usually changes ROOMS (a save to send). No decision is made here.
 */
final class ActionDriver implements Cipher {
  private final NodeLink node;
  private final RoomCipher cipher;
  private final SessionDriver session;
  private final RoomActions actions;
  private final OutboxQueue outbox;

  ActionDriver(NodeLink node, RoomCipher cipher, SessionDriver session, OutboxQueue.Host host) {
    this.node = node;
    this.cipher = cipher;
    this.session = session;
    this.actions =
        new RoomActions(
            session.session(),
            this,
            new RoomKeyAgreement(cipher, this::after),
            () -> (long) JsDate.now());
    actions.setWake(
        at ->
            DomGlobal.setTimeout(
                ignored -> {
                  actions.onWakeup();
                  after();
                },
                Math.max(0, at - JsDate.now())));
    this.outbox =
        new OutboxQueue(
            actions.link(),
            host,
            () -> (long) JsDate.now(),
            new SeededRandom((long) (Math.random() * 9.007199254740991E15)));
  }

  RoomActions actions() {
    return actions;
  }

  OutboxQueue outbox() {
    return outbox;
  }

  /**
   * A room state arrived, or the room was opened ({@code shown}: the user has it open): the actions
   * publish this member's key, pick up newer secret versions, or (the owner) wrap the newest for
   * members it missed.
   */
  void onRoomState(river.rooms.RoomKey key, river.room.RoomState state, boolean shown) {
    if (shown) {
      actions.onRoomShown(key, state);
    } else {
      actions.onRoomState(key, state);
    }
    outbox.onRoomState(key.bytes().toArray(), state); // direct messages it now holds
    pump();
    session.pump();
  }

  /** Sends whatever the actions want sent; call after every call into them. */
  void pump() {
    final ActionLink link = actions.link();
    for (final ActionRequest r : link.drain()) {
      node.request(
          r.op,
          new NodeLink.Callback() {
            @Override
            public void onResult(OpResult result) {
              link.onResult(r.id, result);
              after();
            }

            @Override
            public void onError(String code, String message) {
              link.onError(r.id, code, message);
              after();
            }
          });
    }
  }

  private void after() {
    pump();
    session.pump();
  }

  @Override
  public void seal(
      byte[] secret, long version, byte[] plain, final Sealed then, final ActionLink.Fail fail) {
    cipher.encrypt(
        secret,
        version,
        plain,
        ciphertext -> {
          then.accept(ciphertext);
          after();
        },
        m -> {
          fail.fail("This private room's content could not be encrypted here: " + m);
          after();
        });
  }

  @Override
  public byte[] newSecret() {
    return WebCrypto.available() ? WebCrypto.random(RoomSecrets.SECRET_BYTES) : null;
  }

  /** A wakeup the outbox asked for (retry backoff, linger check). */
  void wakeAt(long atMillis) {
    DomGlobal.setTimeout(
        ignored -> {
          outbox.onWakeup();
          pump();
        },
        Math.max(0, atMillis - JsDate.now()));
  }
}
