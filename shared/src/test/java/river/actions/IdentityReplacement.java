package river.actions;

import java.util.Arrays;
import river.cbor.Cbor;
import river.cbor.Utf8;
import river.chat.Names;
import river.room.AuthorizedMember;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SigningPurpose;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;

/**
 * A user's identity in a room replaced by a given key, as an identity import will do it (there is
 * no import flow yet), over the existing wire requests only: the new key's membership (from an
 * invitation) goes to the room; the identity the node holds now is marked as left (only its key can
 * sign that, so it comes first); the node's key is replaced with the given one only if it still
 * holds what was seen ({@code if_held}), and the answer names the key it holds; that key announces
 * the nickname, and the tab lists the room with it under a newer identity generation, so the merge
 * with any tab that still has the old identity keeps the new one.
 */
final class IdentityReplacement {
  private final ActionTab tab;
  private final ActionLink link;
  private final RoomKey key;
  private final byte[] room;
  private final Invitation inv;
  private final ActionLink.Fail fail;

  private IdentityReplacement(ActionTab tab, RoomKey key, String code, ActionLink.Fail fail) {
    this.tab = tab;
    this.link = tab.actions.link();
    this.key = key;
    this.room = key.bytes().toArray();
    this.inv = Invitation.decode(code);
    this.fail = fail;
  }

  /**
   * Starts the replacement in {@code tab}; its requests go out with the tab's next pump. The tab
   * counts as changing its identity until the flow ends ({@link ActionTab#identityChanges}).
   */
  static void start(ActionTab tab, RoomKey key, String code, ActionLink.Fail fail) {
    tab.identityChanges++;
    new IdentityReplacement(
            tab,
            key,
            code,
            m -> {
              tab.identityChanges--;
              fail.fail(m);
            })
        .admitNewKey();
  }

  private void admitNewKey() {
    link.contract(
        new Op.Update(room, RoomDelta.builder().member(inv.membership()).build().encode()),
        ok ->
            link.delegate(
                new DelegateRequest.GetPublicKey(room),
                DelegateResponse.PublicKey.class,
                held -> get(state -> retireHeld(state, held.publicKey())),
                fail),
        fail);
  }

  private void retireHeld(RoomState state, byte[] held) {
    MemberInfo info = held == null ? null : infoOf(state, held);
    if (info == null || info.left()) {
      replace(held);
      return;
    }
    // The retirement is a leave, ahead of any edit another tab signed from an older state (a
    // stale nickname at the same version undid it: found by the simulator).
    MemberInfo unsigned = RoomEdits.leaving(info);
    link.sign(
        room,
        SigningPurpose.MEMBER_INFO,
        unsigned.signedBytes(),
        sig ->
            link.contract(
                new Op.Update(
                    room,
                    RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build().encode()),
                ok -> replace(held),
                fail),
        fail);
  }

  private void replace(byte[] held) {
    link.delegate(
        new DelegateRequest.StoreSigningKey(
            room, inv.inviteeSeed(), inv.membership().member(), held == null ? new byte[0] : held),
        DelegateResponse.SigningKey.class,
        now -> get(state -> announce(state, now.publicKey())),
        fail);
  }

  private void announce(RoomState state, byte[] me) {
    AuthorizedMember record = JoinRoom.recordOf(state, me);
    RoomData data = tab.session().rooms().map().get(key);
    if (record == null || data == null) {
      fail.fail("the room or the listing changed meanwhile");
      return;
    }
    long version = Names.of(state).version(me) + 1;
    MemberInfo unsigned =
        new MemberInfo(
            room,
            me,
            version,
            SealedBytes.publicBytes(Utf8.encode(data.nickname())),
            false,
            new byte[0]);
    link.sign(
        room,
        SigningPurpose.MEMBER_INFO,
        unsigned.signedBytes(),
        sig ->
            link.contract(
                new Op.Update(
                    room,
                    RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build().encode()),
                ok -> list(me, record, version),
                fail),
        fail);
  }

  private void list(byte[] me, AuthorizedMember record, long nicknameVersion) {
    tab.identityChanges--;
    RoomData data = tab.session().rooms().map().get(key);
    if (data == null) {
      return; // left meanwhile in another tab
    }
    tab.session()
        .join(
            data.toBuilder()
                .verifyingKey(Bytes.of(me))
                .signingKey(Bytes.EMPTY)
                .membership(Bytes.of(Cbor.encode(record.toCbor())))
                // above the replaced identity's whatever the clock says: the merge with a tab
                // that still has the old identity keeps the newer generation (with equal ones it
                // went by bytes, and the old identity came back: found by the simulator)
                .identityGeneration(Math.max(tab.node.now(), data.identityGeneration() + 1))
                .nicknameVersion(nicknameVersion)
                .build());
  }

  private void get(ActionLink.Then<RoomState> then) {
    link.contract(
        new Op.Get(room, false),
        (OpResult got) ->
            then.accept(RoomState.decodeTrusted(room, ((OpResult.GetResult) got).state())),
        fail);
  }

  private static MemberInfo infoOf(RoomState state, byte[] member) {
    for (MemberInfo i : state.memberInfo()) {
      if (Arrays.equals(i.member(), member)) {
        return i;
      }
    }
    return null;
  }
}
