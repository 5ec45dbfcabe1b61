package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static river.node.contract.RoomOverNodeTest.ok;
import static river.node.contract.RoomOverNodeTest.sign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.tools.WsClient;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SecretRotation;
import river.room.UserBan;
import river.wire.ErrorCodes;
import river.wire.Op;

/**
 * Secret rotations of a private room over the real node (the contract runs the shared validator): a
 * rotation not signed by the owner, a wrap for someone who is not a member (never one, or banned),
 * and a version that does not rise are each refused {@code invalid}, change nothing and push
 * nothing. Room: owner O invites A (the attacker) and B.
 */
class SecretRotationOverNodeTest {
  @TempDir Path dir;
  RoomOnNode on;
  WsClient o;
  WsClient a;
  byte[] room;
  byte[] aKey;
  byte[] bKey;

  @BeforeEach
  void start() throws Exception {
    on = new RoomOnNode(dir, true);
    o = on.owner;
    room = on.room;
    a = on.connect();
    aKey = on.join(a);
    bKey = on.join(on.connect());
    on.subscribe();
  }

  @AfterEach
  void stop() {
    on.close();
  }

  SecretRotation unsigned(long version, byte[]... to) {
    List<SecretRotation.Wrap> wraps = new ArrayList<>();
    for (byte[] k : to) {
      wraps.add(new SecretRotation.Wrap(k, new byte[12], new byte[48]));
    }
    byte[] eph = new byte[65];
    eph[0] = 4;
    return new SecretRotation(room, version, eph, wraps, null, new byte[0]);
  }

  /** Signed by the owner's node-held key, as the owner's tab does. */
  RoomDelta byOwner(long version, byte[]... to) throws Exception {
    SecretRotation r = unsigned(version, to);
    return RoomDelta.builder()
        .rotation(r.withSignature(sign(o, room, "secret_rotation", r.signedBytes())))
        .build();
  }

  RoomState state() throws Exception {
    return on.state();
  }

  void refused(WsClient c, RoomDelta d, String reason) throws Exception {
    on.refused(c, d, reason);
  }

  @Test
  void aMembersNodeWillNotSignARotationAndAForgedOneIsRefused() throws Exception {
    SecretRotation r = unsigned(2, aKey);
    WsClient.NodeError e =
        assertThrows(
            WsClient.NodeError.class, () -> sign(a, room, "secret_rotation", r.signedBytes()));
    assertEquals(ErrorCodes.INVALID, e.code());
    // a signature A can get from its own key on another item does not make it the owner's
    byte[] forged = new byte[64];
    System.arraycopy(sign(a, room, "member_info", infoBody()), 0, forged, 0, 64);
    refused(
        a,
        RoomDelta.builder().rotation(r.withSignature(forged)).build(),
        "not signed by the room owner");
  }

  byte[] infoBody() {
    return new river.room.MemberInfo(room, aKey, 9, RoomOnNode.sealed(1, 1), new byte[0])
        .signedBytes();
  }

  @Test
  void aWrapForSomeoneWhoIsNotAMemberIsRefused() throws Exception {
    byte[] stranger = new byte[32];
    stranger[0] = 7;
    refused(o, byOwner(2, aKey, stranger), "is not a current member");
    UserBan ban = new UserBan(room, bKey, room, 5, new byte[0]);
    ban = ban.withSignature(sign(o, room, "ban", ban.signedBytes()));
    ok(o, new Op.Update(room, RoomDelta.builder().ban(ban).build().encode()));
    refused(o, byOwner(2, aKey, bKey), "is not a current member");
    ok(o, new Op.Update(room, byOwner(2, room, aKey).encode()));
    assertEquals(2, state().secretVersion());
  }

  @Test
  void aVersionThatDoesNotRiseIsRefused() throws Exception {
    refused(o, byOwner(1, aKey), "is not above the room's 1");
    ok(o, new Op.Update(room, byOwner(3, aKey, bKey).encode()));
    refused(o, byOwner(3, aKey), "is not above the room's 3");
    refused(o, byOwner(2, aKey, bKey), "is not above the room's 3");
    assertEquals(3, state().secretVersion());
    assertEquals(1, state().rotations().size());
  }
}
