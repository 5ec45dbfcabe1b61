package river.room;

import java.nio.charset.StandardCharsets;

/** Builds signed room items for tests: one room, its owner, signing with real Ed25519. */
final class RoomFixture {
  /** The node clock the tests validate against (2027); test messages are dated far before it. */
  static final long NOW = 1_800_000_000_000L;

  final TestKey owner;

  RoomFixture(TestKey owner) {
    this.owner = owner;
  }

  byte[] room() {
    return owner.pub;
  }

  static SealedBytes text(String s) {
    return SealedBytes.publicBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  RoomConfig config(long version, String name, int[] limits) {
    RoomConfig c =
        new RoomConfig(room(), version, text(name), text(""), false, 0, limits, new byte[0]);
    return c.withSignature(owner.sign(c.signedBytes()));
  }

  RoomConfig config(long version, String name) {
    return config(version, name, RoomConfig.defaultLimits());
  }

  AuthorizedMember invite(TestKey inviter, TestKey invitee) {
    AuthorizedMember m = new AuthorizedMember(room(), invitee.pub, inviter.pub, new byte[0]);
    return m.withSignature(inviter.sign(m.signedBytes()));
  }

  MemberInfo info(TestKey signer, TestKey member, long version, String nick) {
    MemberInfo i = new MemberInfo(room(), member.pub, version, text(nick), new byte[0]);
    return i.withSignature(signer.sign(i.signedBytes()));
  }

  UserBan ban(TestKey by, TestKey banned, long time) {
    UserBan b = new UserBan(room(), banned.pub, by.pub, time, new byte[0]);
    return b.withSignature(by.sign(b.signedBytes()));
  }

  RoomMessage message(TestKey author, long time, MessageKind kind, byte[] target, String text) {
    RoomMessage m =
        new RoomMessage(room(), author.pub, time, kind, target, text(text), new byte[0]);
    return m.withSignature(author.sign(m.signedBytes()));
  }

  RoomMessage text(TestKey author, long time, String text) {
    return message(author, time, MessageKind.TEXT, null, text);
  }

  /** A fresh room with its config (version 1). */
  RoomState created() {
    return RoomContract.apply(
        RoomState.empty(room()),
        RoomDelta.builder().config(config(1, "room")).build(),
        TestKey.VERIFIER,
        RoomFixture.NOW);
  }

  /** Applies a delta the contract must refuse: the reason; the state is unchanged. */
  String refused(RoomState s, RoomDelta d) {
    byte[] before = s.encode();
    String reason =
        org.junit.jupiter.api.Assertions.assertThrows(
                RoomValidationException.class, () -> apply(s, d))
            .getMessage();
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        before, s.encode(), "a refused delta changes nothing");
    return reason;
  }

  RoomState apply(RoomState s, RoomDelta d) {
    return RoomContract.apply(s, d, TestKey.VERIFIER, RoomFixture.NOW);
  }
}
