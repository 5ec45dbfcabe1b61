package river.client.app;

import elemental2.core.JsDate;
import river.cbor.Utf8;
import river.engine.TabSession;
import river.room.MemberInfo;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.SealedBytes;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
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
  private final RoomHydrator hydrator;

  RoomCreator(NodeCalls calls, SessionDriver driver, RoomHydrator hydrator) {
    this.calls = calls;
    this.driver = driver;
    this.hydrator = hydrator;
  }

  void create(String name, String nickname, Done done, NodeCalls.Fail fail) {
    calls.delegate(new DelegateRequest.CreateSigningKey(null), DelegateResponse.SigningKey.class, key -> {
      byte[] room = key.room();
      RoomConfig unsigned = new RoomConfig(room, 1, SealedBytes.publicBytes(Utf8.encode(name)),
          SealedBytes.publicBytes(new byte[0]), false, 0, RoomConfig.defaultLimits(), new byte[0]);
      calls.sign(room, "config", unsigned.signedBytes(), configSig -> {
        RoomConfig config = unsigned.withSignature(configSig);
        MemberInfo info = new MemberInfo(room, key.publicKey(), 1, SealedBytes.publicBytes(Utf8.encode(nickname)), new byte[0]);
        calls.sign(room, "member_info", info.signedBytes(), infoSig -> {
          byte[] delta = RoomDelta.builder().config(config).memberInfo(info.withSignature(infoSig)).build().encode();
          calls.contract(new Op.Put(room, delta), put -> {
            RoomKey roomKey = RoomKey.of(Bytes.of(room));
            TabSession session = driver.session();
            session.createRoom(RoomData.builder(roomKey)
                .verifyingKey(Bytes.of(key.publicKey()))
                .signingKey(Bytes.EMPTY)
                .membership(Bytes.EMPTY)
                .identityGeneration((long) JsDate.now())
                .nickname(nickname)
                .nicknameVersion(1)
                .contractKey(Bytes.of(room))
                .build());
            session.setCurrentRoom(roomKey);
            driver.pump();
            done.created(roomKey);
          }, fail);
        }, fail);
      }, fail);
    }, fail);
  }
}
