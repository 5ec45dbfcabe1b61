package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.TestNode;
import river.node.pg.StoreKind;
import river.node.signing.Ed25519Jdk;
import river.node.tools.WsClient;
import river.room.AuthorizedMember;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.MessageKind;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * The whole flow over real WebSockets, two users, as the browser would run it: A creates a room
 * (owner key from the node, signed config and member info, Put), invites B (invitee key, membership
 * signed with A's node-held key, invitation code), B imports the key and joins (Update with
 * membership and member info), and each sees the other's messages as ContractUpdated pushes.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RoomOverNodeTest {
  @Parameter StoreKind kind;

  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  TestNode node;
  WsClient a;
  WsClient b;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir, kind);
    a = node.connectNewProfile();
    b = node.connectNewProfile();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    node.close();
  }

  static SealedBytes text(String s) {
    return SealedBytes.publicBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sign(WsClient c, byte[] room, String purpose, byte[] bytes) throws Exception {
    return ((DelegateResponse.Signature) c.delegate(new DelegateRequest.Sign(room, purpose, bytes)))
        .signature();
  }

  static OpResult ok(WsClient c, Op op) throws Exception {
    Response r = WsClient.await(c.request(op));
    if (!r.isOk()) {
      throw new WsClient.NodeError(r.errorCode(), r.errorMessage());
    }
    return r.result();
  }

  static RoomMessage message(WsClient c, byte[] room, byte[] author, long time, String body)
      throws Exception {
    RoomMessage m =
        new RoomMessage(room, author, time, MessageKind.TEXT, null, text(body), new byte[0]);
    return m.withSignature(sign(c, room, "message", m.signedBytes()));
  }

  /** The next ContractUpdated push for {@code room}, decoded. */
  static RoomState nextState(WsClient c, byte[] room) throws Exception {
    Event e = c.nextPush(WAIT);
    assertNotNull(e, "expected a ContractUpdated push");
    Event.ContractUpdated u = (Event.ContractUpdated) e;
    assertArrayEquals(room, u.key());
    return RoomState.decodeTrusted(room, u.state());
  }

  static String lastText(RoomState s) {
    RoomMessage m = s.messages().get(s.messages().size() - 1);
    return new String(m.content().data(), StandardCharsets.UTF_8);
  }

  @Test
  void twoUsersCreateInviteJoinAndChat() throws Exception {
    // A: a room is an owner key held by A's node-side key store
    byte[] room =
        ((DelegateResponse.SigningKey) a.delegate(new DelegateRequest.CreateSigningKey(null)))
            .room();
    RoomConfig config =
        new RoomConfig(
            room,
            1,
            text("Lobby"),
            text("a test room"),
            false,
            0,
            RoomConfig.defaultLimits(),
            new byte[0]);
    config = config.withSignature(sign(a, room, "config", config.signedBytes()));
    MemberInfo ownerInfo = new MemberInfo(room, room, 1, text("alice"), new byte[0]);
    ownerInfo = ownerInfo.withSignature(sign(a, room, "member_info", ownerInfo.signedBytes()));
    ok(
        a,
        new Op.Put(
            room, RoomDelta.builder().config(config).memberInfo(ownerInfo).build().encode()));
    OpResult.GetResult got = (OpResult.GetResult) ok(a, new Op.Get(room, true));
    assertEquals(
        "Lobby",
        new String(
            RoomState.decodeTrusted(room, got.state()).config().name().data(),
            StandardCharsets.UTF_8));

    // A invites B: a fresh invitee key, a membership signed by A's key, a portable code
    DelegateResponse.InviteeKey invitee =
        (DelegateResponse.InviteeKey) a.delegate(new DelegateRequest.NewInviteeKey(room));
    AuthorizedMember membership =
        new AuthorizedMember(room, invitee.publicKey(), room, new byte[0]);
    membership = membership.withSignature(sign(a, room, "member", membership.signedBytes()));
    String code = new Invitation(room, invitee.privateKey(), membership, null).encode();

    // B accepts: check the code, import the key, subscribe, join with membership + nickname
    Invitation inv = Invitation.decode(code);
    inv.verify(Ed25519Jdk.INSTANCE, Ed25519Jdk.INSTANCE);
    byte[] bKey =
        ((DelegateResponse.SigningKey)
                b.delegate(new DelegateRequest.StoreSigningKey(inv.room(), inv.inviteeSeed())))
            .publicKey();
    assertArrayEquals(inv.membership().member(), bKey);
    ok(b, new Op.Subscribe(room));
    MemberInfo bInfo = new MemberInfo(room, bKey, 1, text("bob"), new byte[0]);
    bInfo = bInfo.withSignature(sign(b, room, "member_info", bInfo.signedBytes()));
    ok(
        b,
        new Op.Update(
            room, RoomDelta.builder().member(inv.membership()).memberInfo(bInfo).build().encode()));
    RoomState seenByA = nextState(a, room);
    assertTrue(seenByA.isMember(bKey));
    assertTrue(nextState(b, room).isMember(bKey));

    // B writes, A is pushed the message; A answers, B is pushed the answer
    ok(
        b,
        new Op.Update(
            room,
            RoomDelta.builder()
                .message(message(b, room, bKey, 1000, "hi alice"))
                .build()
                .encode()));
    assertEquals("hi alice", lastText(nextState(a, room)));
    assertEquals("hi alice", lastText(nextState(b, room)));
    ok(
        a,
        new Op.Update(
            room,
            RoomDelta.builder().message(message(a, room, room, 1001, "hi bob")).build().encode()));
    RoomState atB = nextState(b, room);
    assertEquals("hi bob", lastText(atB));
    assertEquals(2, atB.messages().size());
    assertEquals(nextState(a, room), atB);

    // a forged update is refused with the reason, and nothing changes or is pushed
    RoomMessage forged = message(b, room, bKey, 1002, "x").withSignature(new byte[64]);
    WsClient.NodeError e =
        assertThrows(
            WsClient.NodeError.class,
            () -> ok(b, new Op.Update(room, RoomDelta.builder().message(forged).build().encode())));
    assertEquals(ErrorCodes.INVALID, e.code());
    assertTrue(e.getMessage().contains("message is not signed by its author"), e.getMessage());
    assertArrayEquals(atB.encode(), ((OpResult.GetResult) ok(a, new Op.Get(room, false))).state());
    assertTrue(a.drainPushes().isEmpty());

    // B's key cannot sign what only the owner may sign
    WsClient.NodeError notOwner =
        assertThrows(
            WsClient.NodeError.class,
            () ->
                sign(
                    b,
                    room,
                    "config",
                    new RoomConfig(
                            room,
                            2,
                            text("mine"),
                            text(""),
                            false,
                            0,
                            RoomConfig.defaultLimits(),
                            new byte[0])
                        .signedBytes()));
    assertEquals(ErrorCodes.INVALID, notOwner.code());
  }

  @Test
  void unknownRoomAndBadKeysAreInvalid() throws Exception {
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> ok(a, new Op.Get(new byte[32], false)));
    assertEquals(ErrorCodes.INVALID, e.code());
    assertEquals(
        ErrorCodes.INVALID,
        assertThrows(
                WsClient.NodeError.class,
                () -> ok(a, new Op.Update(new byte[32], new byte[] {(byte) 0xa0})))
            .code());
    assertEquals(
        ErrorCodes.INVALID,
        assertThrows(
                WsClient.NodeError.class,
                () -> ok(a, new Op.Put(new byte[5], new byte[] {(byte) 0xa0})))
            .code());
    assertFalse(a.drainPushes().iterator().hasNext());
  }
}
