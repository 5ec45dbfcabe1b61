package river.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A room filled to every ceiling still fits the node's 256 KiB storage row. */
class RoomSizeTest {
  static final int NODE_ROW_LIMIT = 256 * 1024;

  @Test
  void fullRoomAtTheCeilingsFitsOneRow() {
    Random rnd = new Random(1);
    TestKey owner = TestKey.fast(rnd);
    RoomFixture f = new RoomFixture(owner);
    int[] c = ConfigRules.CEILINGS;
    RoomConfig config =
        new RoomConfig(
            owner.pub,
            1,
            SealedBytes.privateBytes(new byte[c[4] + 16], new byte[12], 1),
            SealedBytes.privateBytes(new byte[c[5] + 16], new byte[12], 1),
            true,
            1,
            c,
            new byte[0]);
    RoomDelta.Builder d =
        RoomDelta.builder().config(config.withSignature(owner.sign(config.signedBytes())));
    TestKey[] members = new TestKey[c[3]];
    for (int i = 0; i < members.length; i++) {
      members[i] = TestKey.fast(rnd);
      d.member(f.invite(owner, members[i]));
      MemberInfo info =
          new MemberInfo(
              owner.pub,
              members[i].pub,
              1L << 40,
              SealedBytes.privateBytes(new byte[c[2] + 16], new byte[12], 1L << 40),
              new byte[0]);
      d.memberInfo(info.withSignature(members[i].sign(info.signedBytes())));
    }
    RoomState s = RoomMerge.merge(RoomState.empty(owner.pub), d.build());
    byte[] target = new byte[64];
    RoomDelta.Builder msgs = RoomDelta.builder();
    for (int i = 0; i < c[0]; i++) {
      // the largest private content whose encoding is exactly max_message_bytes
      SealedBytes content = SealedBytes.privateBytes(new byte[c[1] - 67], new byte[12], 1L << 40);
      RoomMessage m =
          new RoomMessage(
              owner.pub, members[i].pub, 1L << 50, MessageKind.REPLY, target, content, new byte[0]);
      assertEquals(c[1], m.contentSize());
      msgs.message(m.withSignature(members[i].sign(m.signedBytes())));
    }
    s = RoomMerge.merge(s, msgs.build());
    assertEquals(c[0], s.messages().size());
    assertEquals(c[3], s.memberInfo().size());
    // bans at the ceiling add at most ~300 bytes each (a banned member's info goes away)
    int size = s.encode().length + c[6] * 300;
    assertTrue(size < NODE_ROW_LIMIT, "a full room takes " + size + " bytes");
  }

  /**
   * What private-room keys cost: every member's published key and the one rotation record a room
   * keeps (a wrap for the owner and each of 200 members, the largest earlier-versions list) add at
   * most 45 KB, whatever the number of rotations. A room already within that of the row is refused
   * the rotation by the node's size check (docs/private-rooms.md, "Known limits").
   */
  @Test
  void keysAndTheKeptRotationOfAFullRoomAddAtMost45Kilobytes() {
    Random rnd = new Random(2);
    TestKey owner = TestKey.fast(rnd);
    RoomFixture f = new RoomFixture(owner);
    int[] c = ConfigRules.CEILINGS;
    RoomConfig config =
        new RoomConfig(
            owner.pub,
            1,
            SealedBytes.privateBytes(new byte[16], new byte[12], 1),
            SealedBytes.privateBytes(new byte[16], new byte[12], 1),
            true,
            1,
            c,
            new byte[0]);
    RoomDelta.Builder plain =
        RoomDelta.builder().config(config.withSignature(owner.sign(config.signedBytes())));
    RoomDelta.Builder keyed =
        RoomDelta.builder().config(config.withSignature(owner.sign(config.signedBytes())));
    java.util.List<SecretRotation.Wrap> wraps = new java.util.ArrayList<>();
    wraps.add(new SecretRotation.Wrap(owner.pub, new byte[12], new byte[48]));
    for (int i = 0; i < c[3]; i++) {
      TestKey m = TestKey.fast(rnd);
      AuthorizedMember record = f.invite(owner, m);
      plain.member(record);
      keyed.member(record);
      SealedBytes nick = SealedBytes.privateBytes(new byte[c[2] + 16], new byte[12], 1L << 40);
      MemberInfo a = new MemberInfo(owner.pub, m.pub, 1L << 40, nick, new byte[0]);
      MemberInfo b =
          new MemberInfo(
              owner.pub,
              m.pub,
              1L << 40,
              nick,
              false,
              new byte[SecretRotation.PUBLIC_KEY_BYTES],
              new byte[0]);
      plain.memberInfo(a.withSignature(m.sign(a.signedBytes())));
      keyed.memberInfo(b.withSignature(m.sign(b.signedBytes())));
      wraps.add(new SecretRotation.Wrap(m.pub, new byte[12], new byte[48]));
    }
    SecretRotation r =
        new SecretRotation(
            owner.pub,
            1L << 40,
            new byte[SecretRotation.PUBLIC_KEY_BYTES],
            wraps,
            SealedBytes.privateBytes(
                new byte[SecretRotation.MAX_EARLIER_BYTES + 16], new byte[12], 1L << 40),
            new byte[0]);
    keyed.rotation(r.withSignature(owner.sign(r.signedBytes())));
    RoomState without = RoomMerge.merge(RoomState.empty(owner.pub), plain.build());
    RoomState with = RoomMerge.merge(RoomState.empty(owner.pub), keyed.build());
    int cost = with.encode().length - without.encode().length;
    assertTrue(cost < 45 * 1024, "keys and a rotation take " + cost + " bytes");
    assertEquals(1, with.rotations().size());
  }
}
