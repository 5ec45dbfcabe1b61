package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.contract.RoomOverNodeTest.ok;
import static river.node.contract.RoomOverNodeTest.sign;
import static river.node.contract.RoomOverNodeTest.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.TestNode;
import river.node.signing.Ed25519Jdk;
import river.node.tools.WsClient;
import river.room.AuthorizedMember;
import river.room.MemberInfo;
import river.room.MessageKind;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomMerge;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.UserBan;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The security review's room findings, reproduced over the real node's WebSocket by a member who
 * signs through the node's own {@code Sign} and {@code NewInviteeKey} operations, as any user can.
 * Each forgery must be refused {@code invalid} with a reason, change nothing, and push nothing to
 * the room's subscribers. Room: owner O invites A (the attacker) and B.
 */
class HostileMemberOverNodeTest {
  @TempDir Path dir;
  TestNode node;
  WsClient o;
  WsClient a;
  WsClient b;
  byte[] room;
  byte[] aKey;
  byte[] bKey;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir);
    o = node.connectNewProfile();
    a = node.connectNewProfile();
    b = node.connectNewProfile();
  }

  @AfterEach
  void stop() {
    o.close();
    a.close();
    b.close();
    node.close();
  }

  void createRoom(int maxMembers) throws Exception {
    room =
        ((DelegateResponse.SigningKey) o.delegate(new DelegateRequest.CreateSigningKey(null)))
            .room();
    int[] limits = RoomConfig.defaultLimits();
    limits[3] = maxMembers;
    RoomConfig config =
        new RoomConfig(room, 1, text("Lobby"), text(""), false, 0, limits, new byte[0]);
    config = config.withSignature(sign(o, room, "config", config.signedBytes()));
    ok(o, new Op.Put(room, RoomDelta.builder().config(config).build().encode()));
    aKey = join(a, invite(o));
    bKey = join(b, invite(o));
    ok(o, new Op.Subscribe(room));
  }

  /** An invitee key minted by {@code inviter}'s node and a membership signed by its room key. */
  DelegateResponse.InviteeKey invite(WsClient inviter) throws Exception {
    return (DelegateResponse.InviteeKey) inviter.delegate(new DelegateRequest.NewInviteeKey(room));
  }

  AuthorizedMember membership(WsClient inviter, byte[] inviterKey, byte[] member) throws Exception {
    AuthorizedMember m = new AuthorizedMember(room, member, inviterKey, new byte[0]);
    return m.withSignature(sign(inviter, room, "member", m.signedBytes()));
  }

  byte[] join(WsClient c, DelegateResponse.InviteeKey k) throws Exception {
    AuthorizedMember m = membership(o, room, k.publicKey());
    byte[] key =
        ((DelegateResponse.SigningKey)
                c.delegate(new DelegateRequest.StoreSigningKey(room, k.privateKey())))
            .publicKey();
    ok(c, new Op.Update(room, RoomDelta.builder().member(m).build().encode()));
    return key;
  }

  RoomMessage post(
      WsClient c, byte[] author, long time, MessageKind kind, byte[] target, String body)
      throws Exception {
    RoomMessage m = new RoomMessage(room, author, time, kind, target, text(body), new byte[0]);
    return m.withSignature(sign(c, room, "message", m.signedBytes()));
  }

  void send(WsClient c, RoomDelta d) throws Exception {
    ok(c, new Op.Update(room, d.encode()));
  }

  RoomState state() throws Exception {
    return RoomState.decodeTrusted(
        room, ((OpResult.GetResult) ok(o, new Op.Get(room, false))).state());
  }

  /** Sends a forgery: refused invalid with {@code reason}, nothing changed, nothing pushed. */
  void refused(WsClient c, RoomDelta d, String reason) throws Exception {
    o.drainPushes();
    byte[] before = state().encode();
    WsClient.NodeError e = assertThrows(WsClient.NodeError.class, () -> send(c, d));
    assertEquals(ErrorCodes.INVALID, e.code());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertArrayEquals(before, state().encode());
    // A push of an earlier, accepted update may still be on its way (a busy machine): it holds
    // nothing the room did not hold before the forgery. Anything new came from the forgery.
    RoomState held = RoomState.decodeTrusted(room, before);
    for (Event pushed : o.drainPushes()) {
      RoomState s = RoomState.decodeTrusted(room, ((Event.ContractUpdated) pushed).state());
      assertArrayEquals(
          before, RoomMerge.merge(held, s).encode(), "a refused update pushed a changed room");
    }
  }

  AuthorizedMember recordOf(RoomState s, byte[] member) {
    for (AuthorizedMember m : s.members()) {
      if (Arrays.equals(m.member(), member)) {
        return m;
      }
    }
    return null;
  }

  /** {@code member}'s info at {@code version} naming {@code deputies}, signed through c's node. */
  MemberInfo naming(WsClient c, byte[] member, long version, byte[]... deputies) throws Exception {
    MemberInfo i =
        new MemberInfo(
            room, member, version, text("n"), false, null, Arrays.asList(deputies), new byte[0]);
    return i.withSignature(sign(c, room, "member_info", i.signedBytes()));
  }

  @Test
  void deputies_aMemberCannotNameHerselfNorBanBesideWhoeverNamedHer() throws Exception {
    createRoom(200);
    refused(
        a,
        RoomDelta.builder().memberInfo(naming(a, aKey, 1, aKey)).build(),
        "a member cannot be their own deputy");
    // B names A: B has nobody below, so A may ban no one for B, not B herself
    send(b, RoomDelta.builder().memberInfo(naming(b, bKey, 1, aKey)).build());
    UserBan ban = new UserBan(room, bKey, aKey, System.currentTimeMillis(), new byte[0]);
    ban = ban.withSignature(sign(a, room, "ban", ban.signedBytes()));
    refused(a, RoomDelta.builder().ban(ban).build(), "only the owner, an inviter up");
    // the owner names B: B, the owner's deputy, bans A over the node
    send(o, RoomDelta.builder().memberInfo(naming(o, room, 1, bKey)).build());
    UserBan byDeputy = new UserBan(room, aKey, bKey, System.currentTimeMillis(), new byte[0]);
    byDeputy = byDeputy.withSignature(sign(b, room, "ban", byDeputy.signedBytes()));
    send(b, RoomDelta.builder().ban(byDeputy).build());
    assertFalse(state().isMember(aKey));
    assertTrue(state().isMember(bKey));
  }

  @Test
  void finding1_aMemberCannotReparentAnotherMemberAndBanThem() throws Exception {
    createRoom(200);
    send(
        b,
        RoomDelta.builder()
            .message(
                post(b, bKey, System.currentTimeMillis(), MessageKind.TEXT, null, "b's message"))
            .build());
    // A mints an extra key K through the node and admits it under herself
    DelegateResponse.InviteeKey k = invite(a);
    send(a, RoomDelta.builder().member(membership(a, aKey, k.publicKey())).build());
    // K signs "B invited by K" (A holds K's private key: NewInviteeKey hands it out)
    AuthorizedMember reparent = new AuthorizedMember(room, bKey, k.publicKey(), new byte[0]);
    reparent =
        reparent.withSignature(Ed25519Jdk.INSTANCE.sign(k.privateKey(), reparent.signedBytes()));
    refused(a, RoomDelta.builder().member(reparent).build(), "a member's place is fixed");
    // so A cannot ban B, and B keeps their place and their message
    UserBan ban = new UserBan(room, bKey, aKey, System.currentTimeMillis(), new byte[0]);
    ban = ban.withSignature(sign(a, room, "ban", ban.signedBytes()));
    refused(a, RoomDelta.builder().ban(ban).build(), "only the owner, an inviter up");
    RoomState s = state();
    assertTrue(s.isMember(bKey));
    assertArrayEquals(room, recordOf(s, bKey).invitedBy());
    assertEquals(1, s.messages().size());
  }

  @Test
  void finding2_aBannedMemberCannotInviteAndTheCapNeverEvicts() throws Exception {
    createRoom(5);
    // B invites C, a legitimate member who posts
    WsClient c = node.connectNewProfile();
    try {
      DelegateResponse.InviteeKey ck = invite(b);
      byte[] cKey =
          ((DelegateResponse.SigningKey)
                  c.delegate(new DelegateRequest.StoreSigningKey(room, ck.privateKey())))
              .publicKey();
      send(c, RoomDelta.builder().member(membership(b, bKey, cKey)).build());
      send(
          c,
          RoomDelta.builder()
              .message(
                  post(c, cKey, System.currentTimeMillis(), MessageKind.TEXT, null, "c was here"))
              .build());
      // the owner bans A; A then tries to add five members with fresh keys
      UserBan ban = new UserBan(room, aKey, room, System.currentTimeMillis(), new byte[0]);
      send(
          o,
          RoomDelta.builder()
              .ban(ban.withSignature(sign(o, room, "ban", ban.signedBytes())))
              .build());
      RoomDelta.Builder flood = RoomDelta.builder();
      List<byte[]> puppets = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        DelegateResponse.InviteeKey p = invite(a);
        puppets.add(p.publicKey());
        flood.member(membership(a, aKey, p.publicKey()));
      }
      refused(a, flood.build(), "is banned");
      refused(
          a, RoomDelta.builder().member(membership(a, aKey, puppets.get(0))).build(), "is banned");
      // C keeps their place and message, and still posts
      send(
          c,
          RoomDelta.builder()
              .message(
                  post(c, cKey, System.currentTimeMillis(), MessageKind.TEXT, null, "still here"))
              .build());
      RoomState s = state();
      assertTrue(s.isMember(cKey));
      assertEquals(2, s.messages().size());
      // a full room refuses a join instead of evicting: B, C + three of B's invitees fill it
      for (int i = 0; i < 3; i++) {
        send(b, RoomDelta.builder().member(membership(b, bKey, invite(b).publicKey())).build());
      }
      refused(
          b,
          RoomDelta.builder().member(membership(b, bKey, invite(b).publicKey())).build(),
          "the room is full");
      assertTrue(state().isMember(cKey));
    } finally {
      c.close();
    }
  }

  @Test
  void finding3_aMemberCannotFreezeTheHistoryAndNothingOkIsDropped() throws Exception {
    createRoom(200);
    long now = System.currentTimeMillis();
    RoomDelta.Builder frozen = RoomDelta.builder();
    for (int i = 0; i < 100; i++) {
      frozen.message(post(a, aKey, 9_000_000_000_000_000L + i, MessageKind.TEXT, null, "f" + i));
    }
    refused(a, frozen.build(), "more than 5 minutes ahead");
    refused(
        a,
        RoomDelta.builder()
            .message(post(a, aKey, now + 6 * 60_000, MessageKind.TEXT, null, "six minutes ahead"))
            .build(),
        "more than 5 minutes ahead");
    // fill the room's history (100 kept) with real messages, then an older one is refused, not
    // answered ok and dropped
    RoomDelta.Builder full = RoomDelta.builder();
    for (int i = 0; i < RoomConfig.DEFAULT_MAX_RECENT_MESSAGES; i++) {
      full.message(post(b, bKey, now + i, MessageKind.TEXT, null, "m" + i));
    }
    send(b, full.build());
    refused(
        b,
        RoomDelta.builder()
            .message(post(b, bKey, now - 1, MessageKind.TEXT, null, "from an old outbox"))
            .build(),
        "older than the 100 newest messages");
    RoomMessage fresh = post(b, bKey, now + 1000, MessageKind.TEXT, null, "real");
    send(b, RoomDelta.builder().message(fresh).build());
    assertTrue(state().messages().contains(fresh));
  }

  @Test
  void finding6_onlyTheAuthorEditsOrDeletesTheirMessage() throws Exception {
    createRoom(200);
    long now = System.currentTimeMillis();
    RoomMessage bs = post(b, bKey, now, MessageKind.TEXT, null, "b's words");
    send(b, RoomDelta.builder().message(bs).build());
    refused(
        a,
        RoomDelta.builder()
            .message(post(a, aKey, now + 1, MessageKind.EDIT, bs.id(), "words put in b's mouth"))
            .build(),
        "only its author may edit");
    refused(
        a,
        RoomDelta.builder()
            .message(post(a, aKey, now + 1, MessageKind.DELETE, bs.id(), ""))
            .build(),
        "only its author may delete");
    send(
        b,
        RoomDelta.builder()
            .message(post(b, bKey, now + 2, MessageKind.EDIT, bs.id(), "b's better words"))
            .build());
    assertFalse(state().messages().isEmpty());
  }
}
