package river.client.app;

import elemental2.core.JsDate;
import river.cbor.Utf8;
import river.chat.RoomSecrets;
import river.engine.TabSession;
import river.room.MemberInfo;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.SealedBytes;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomListOrder;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;

/**
 * Creates a room end to end: the node mints the owner key (it keeps the private half), the owner
 * signs the configuration and its own member info through the delegate, the contract is put,
 * and only then does the room enter ROOMS (so no tab ever lists a room that has no contract).
 * The save engine then writes its slot and every other tab of the user learns of it by push.
 */
final class RoomCreator {
  interface Done {
    void created(RoomKey key);
  }

  private final NodeCalls calls;
  private final SessionDriver driver;
  private final RoomCipher cipher;

  RoomCreator(NodeCalls calls, SessionDriver driver, RoomCipher cipher) {
    this.calls = calls;
    this.driver = driver;
    this.cipher = cipher;
  }

  /**
   * A private room gets a fresh random 32-byte secret (version 1): its name, description and
   * the owner's nickname are encrypted with it, and the secret is kept in the room's RoomData
   * (invitationSecrets) so every tab can read the room and invitations can carry it.
   */
  void create(String name, String nickname, boolean isPrivate, Done done, NodeCalls.Fail fail) {
    if (isPrivate && !RoomCipher.available()) {
      fail.fail("private rooms need WebCrypto, which this page does not have (open River over https or localhost)");
      return;
    }
    byte[] secret = isPrivate ? RoomCipher.random(RoomSecrets.SECRET_BYTES) : null;
    long secretVersion = isPrivate ? 1 : 0;
    cipher.seal(isPrivate, secret, secretVersion, Utf8.encode(name), sealedName ->
        cipher.seal(isPrivate, secret, secretVersion, new byte[0], sealedDescription ->
            cipher.seal(isPrivate, secret, secretVersion, Utf8.encode(nickname), sealedNickname ->
                create(sealedName, sealedDescription, sealedNickname, nickname, isPrivate, secret, done, fail),
                fail), fail), fail);
  }

  private void create(SealedBytes name, SealedBytes description, SealedBytes sealedNickname, String nickname,
      boolean isPrivate, byte[] secret, Done done, NodeCalls.Fail fail) {
    calls.delegate(new DelegateRequest.CreateSigningKey(null), DelegateResponse.SigningKey.class, key -> {
      byte[] room = key.room();
      RoomConfig unsigned = new RoomConfig(room, 1, name, description, isPrivate, isPrivate ? 1 : 0,
          RoomConfig.defaultLimits(), new byte[0]);
      calls.sign(room, "config", unsigned.signedBytes(), configSig -> {
        RoomConfig config = unsigned.withSignature(configSig);
        MemberInfo info = new MemberInfo(room, key.publicKey(), 1, sealedNickname, new byte[0]);
        calls.sign(room, "member_info", info.signedBytes(), infoSig -> {
          byte[] delta = RoomDelta.builder().config(config).memberInfo(info.withSignature(infoSig)).build().encode();
          calls.contract(new Op.Put(room, delta), put -> {
            RoomKey roomKey = RoomKey.of(Bytes.of(room));
            TabSession session = driver.session();
            RoomData.Builder data = RoomData.builder(roomKey);
            if (isPrivate) {
              data.addInvitationSecret(RoomSecrets.encode(1, secret));
            }
            session.createRoom(data
                .verifyingKey(Bytes.of(key.publicKey()))
                .signingKey(Bytes.EMPTY)
                .membership(Bytes.EMPTY)
                .identityGeneration((long) JsDate.now())
                .nickname(nickname)
                .nicknameVersion(1)
                .contractKey(Bytes.of(room))
                .build());
            session.setCurrentRoom(roomKey);
            // A new room goes to the end of the list the user sees, not wherever its key sorts.
            session.setOrder(RoomListOrder.moveTo(RoomListOrder.display(session.rooms()), roomKey, Integer.MAX_VALUE));
            driver.pump();
            done.created(roomKey);
          }, fail);
        }, fail);
      }, fail);
    }, fail);
  }
}
