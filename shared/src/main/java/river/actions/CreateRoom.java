package river.actions;

import river.cbor.Utf8;
import river.chat.RoomSecrets;
import river.engine.Clock;
import river.engine.TabSession;
import river.room.MemberInfo;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.SealedBytes;
import river.room.SigningPurpose;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomListOrder;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;

/**
 * Creates a room end to end: the node mints the owner key (it keeps the private half), the owner
 * signs the configuration and its own member info through the delegate (both asked at once), the
 * contract is put, and only then does the room enter ROOMS (so no tab ever lists a room that has no
 * contract). The save engine then writes its slot and every other tab learns of it by push. A
 * private room gets a fresh secret (version 1) from the host: name, description and nickname are
 * sealed with it, and it is kept in the room's RoomData so every tab can read the room and
 * invitations can carry it.
 */
final class CreateRoom {
  private final ActionLink link;
  private final TabSession session;
  private final Clock clock;

  CreateRoom(ActionLink link, TabSession session, Clock clock) {
    this.link = link;
    this.session = session;
    this.clock = clock;
  }

  void create(
      final String name,
      final String nickname,
      final boolean isPrivate,
      final ActionLink.Then<RoomKey> done,
      final ActionLink.Fail fail) {
    String problem = RoomTexts.checkName(name, RoomConfig.DEFAULT_MAX_NAME_BYTES);
    if (problem == null) {
      problem = RoomTexts.checkNickname(nickname, RoomConfig.DEFAULT_MAX_NICKNAME_BYTES);
    }
    if (problem != null) {
      fail.fail(problem);
      return;
    }
    final byte[] secret = isPrivate ? link.cipher().newSecret() : null;
    if (isPrivate && secret == null) {
      fail.fail(
          "Private rooms need WebCrypto, which this page does not have (open River over"
              + " https or localhost).");
      return;
    }
    final long version = isPrivate ? 1 : 0;
    link.seal(
        isPrivate,
        secret,
        version,
        Utf8.encode(name.trim()),
        new ActionLink.Then<SealedBytes>() {
          @Override
          public void accept(final SealedBytes sealedName) {
            link.seal(
                isPrivate,
                secret,
                version,
                new byte[0],
                new ActionLink.Then<SealedBytes>() {
                  @Override
                  public void accept(final SealedBytes sealedDescription) {
                    link.seal(
                        isPrivate,
                        secret,
                        version,
                        Utf8.encode(nickname),
                        new ActionLink.Then<SealedBytes>() {
                          @Override
                          public void accept(SealedBytes sealedNickname) {
                            mintKey(
                                sealedName,
                                sealedDescription,
                                sealedNickname,
                                nickname,
                                isPrivate,
                                secret,
                                done,
                                fail);
                          }
                        },
                        fail);
                  }
                },
                fail);
          }
        },
        fail);
  }

  private void mintKey(
      final SealedBytes name,
      final SealedBytes description,
      final SealedBytes sealedNickname,
      final String nickname,
      final boolean isPrivate,
      final byte[] secret,
      final ActionLink.Then<RoomKey> done,
      final ActionLink.Fail fail) {
    link.delegate(
        new DelegateRequest.CreateSigningKey(null),
        DelegateResponse.SigningKey.class,
        new ActionLink.Then<DelegateResponse.SigningKey>() {
          @Override
          public void accept(final DelegateResponse.SigningKey key) {
            final byte[] room = key.room();
            final RoomConfig unsigned =
                new RoomConfig(
                    room,
                    1,
                    name,
                    description,
                    isPrivate,
                    isPrivate ? 1 : 0,
                    RoomConfig.defaultLimits(),
                    new byte[0]);
            final MemberInfo info =
                new MemberInfo(room, key.publicKey(), 1, sealedNickname, new byte[0]);
            // Both signatures at once (neither signs the other): one round trip, not two. The put
            // waits for both; a refusal of either fails the create once.
            final byte[][] signatures = new byte[2][];
            final boolean[] failed = {false};
            final ActionLink.Fail once =
                message -> {
                  if (!failed[0]) {
                    failed[0] = true;
                    fail.fail(message);
                  }
                };
            final Runnable putOnceSigned =
                () -> {
                  if (!failed[0] && signatures[0] != null && signatures[1] != null) {
                    put(
                        room,
                        key.publicKey(),
                        unsigned.withSignature(signatures[0]),
                        info.withSignature(signatures[1]),
                        nickname,
                        secret,
                        done,
                        fail);
                  }
                };
            link.sign(
                room,
                SigningPurpose.CONFIG,
                unsigned.signedBytes(),
                signature -> {
                  signatures[0] = signature;
                  putOnceSigned.run();
                },
                once);
            link.sign(
                room,
                SigningPurpose.MEMBER_INFO,
                info.signedBytes(),
                signature -> {
                  signatures[1] = signature;
                  putOnceSigned.run();
                },
                once);
          }
        },
        fail);
  }

  private void put(
      final byte[] room,
      final byte[] verifyingKey,
      RoomConfig config,
      MemberInfo info,
      final String nickname,
      final byte[] secret,
      final ActionLink.Then<RoomKey> done,
      ActionLink.Fail fail) {
    byte[] delta = RoomDelta.builder().config(config).memberInfo(info).build().encode();
    link.contract(
        new Op.Put(room, delta),
        new ActionLink.Then<OpResult>() {
          @Override
          public void accept(OpResult put) {
            RoomKey roomKey = RoomKey.of(Bytes.of(room));
            RoomData.Builder data = RoomData.builder(roomKey);
            if (secret != null) {
              data.addInvitationSecret(RoomSecrets.encode(1, secret));
            }
            session.createRoom(
                data.verifyingKey(Bytes.of(verifyingKey))
                    .signingKey(Bytes.EMPTY)
                    .membership(Bytes.EMPTY)
                    .identityGeneration(clock.nowMillis())
                    .nickname(nickname)
                    .nicknameVersion(1)
                    .contractKey(Bytes.of(room))
                    .build());
            session.setCurrentRoom(roomKey);
            // A new room goes to the end of the list the user sees, not wherever its key sorts.
            session.setOrder(
                RoomListOrder.moveTo(
                    RoomListOrder.display(session.rooms()), roomKey, Integer.MAX_VALUE));
            done.accept(roomKey);
          }
        },
        fail);
  }
}
