package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.contract.RoomOverNodeTest.ok;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import river.node.TestNode;
import river.node.tools.WsClient;
import river.room.AuthorizedMember;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomMerge;
import river.room.RoomState;
import river.room.SealedBytes;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;

/**
 * One room on a real node (SQLite in a temp directory) for the contract tests: the owner's
 * connection created the room (public, or private at secret version 1) and is subscribed once
 * {@link #subscribe} ran; {@link #join} makes another profile a member through the node's own
 * {@code NewInviteeKey} and {@code Sign}, as any user can; {@link #refused} checks the hostile case
 * every test needs: {@code invalid} with the reason, the stored state unchanged, and nothing
 * changed pushed to the subscribers.
 */
final class RoomOnNode implements AutoCloseable {
  final TestNode node;
  final WsClient owner;
  final byte[] room;
  private final List<WsClient> clients = new ArrayList<>();

  RoomOnNode(Path dir, boolean isPrivate) throws Exception {
    node = new TestNode(dir);
    owner = connect();
    room =
        ((DelegateResponse.SigningKey) owner.delegate(new DelegateRequest.CreateSigningKey(null)))
            .room();
    RoomConfig config =
        isPrivate
            ? new RoomConfig(
                room,
                1,
                sealed(5, 1),
                sealed(0, 1),
                true,
                1,
                RoomConfig.defaultLimits(),
                new byte[0])
            : new RoomConfig(
                room,
                1,
                SealedBytes.publicBytes("Lobby".getBytes(StandardCharsets.UTF_8)),
                SealedBytes.publicBytes(new byte[0]),
                false,
                0,
                RoomConfig.defaultLimits(),
                new byte[0]);
    config = config.withSignature(sign(owner, "config", config.signedBytes()));
    ok(owner, new Op.Put(room, RoomDelta.builder().config(config).build().encode()));
  }

  static SealedBytes sealed(int plain, long version) {
    return SealedBytes.privateBytes(new byte[plain + 16], new byte[12], version);
  }

  /** A connection of a new profile (another user). */
  WsClient connect() throws Exception {
    WsClient c = node.connectNewProfile();
    clients.add(c);
    return c;
  }

  /** Makes {@code c}'s profile a member invited by the owner; its member key. */
  byte[] join(WsClient c) throws Exception {
    DelegateResponse.InviteeKey k =
        (DelegateResponse.InviteeKey) owner.delegate(new DelegateRequest.NewInviteeKey(room));
    AuthorizedMember m = new AuthorizedMember(room, k.publicKey(), room, new byte[0]);
    m = m.withSignature(sign(owner, "member", m.signedBytes()));
    byte[] key =
        ((DelegateResponse.SigningKey)
                c.delegate(new DelegateRequest.StoreSigningKey(room, k.privateKey())))
            .publicKey();
    ok(c, new Op.Update(room, RoomDelta.builder().member(m).build().encode()));
    return key;
  }

  void subscribe() throws Exception {
    ok(owner, new Op.Subscribe(room));
  }

  /** {@code bytes} signed by {@code c}'s node-held key for this room. */
  byte[] sign(WsClient c, String purpose, byte[] bytes) throws Exception {
    return RoomOverNodeTest.sign(c, room, purpose, bytes);
  }

  void update(WsClient c, RoomDelta d) throws Exception {
    ok(c, new Op.Update(room, d.encode()));
  }

  RoomState state() throws Exception {
    return RoomState.decodeTrusted(
        room, ((OpResult.GetResult) ok(owner, new Op.Get(room, false))).state());
  }

  /** The update is refused {@code invalid} naming {@code reason}; nothing changed or pushed. */
  void refused(WsClient c, RoomDelta d, String reason) throws Exception {
    owner.drainPushes();
    byte[] before = state().encode();
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> ok(c, new Op.Update(room, d.encode())));
    assertEquals(ErrorCodes.INVALID, e.code());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertArrayEquals(before, state().encode());
    RoomState held = RoomState.decodeTrusted(room, before);
    for (Event pushed : owner.drainPushes()) {
      RoomState s = RoomState.decodeTrusted(room, ((Event.ContractUpdated) pushed).state());
      assertArrayEquals(
          before, RoomMerge.merge(held, s).encode(), "a refused update pushed a changed room");
    }
  }

  @Override
  public void close() {
    for (WsClient c : clients) {
      c.close();
    }
    node.close();
  }
}
