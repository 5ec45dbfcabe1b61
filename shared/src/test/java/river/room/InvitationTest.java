package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.store.Base58;

/** Every kind of bad invitation code gets its own typed problem. */
class InvitationTest {
  final Random rnd = new Random(3);
  final TestKey owner = TestKey.random(rnd);
  final TestKey invitee = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  Invitation valid(List<Invitation.RoomSecret> secrets) {
    return new Invitation(owner.pub, invitee.seed, f.invite(owner, invitee), secrets);
  }

  InvitationException.Problem problem(String code) {
    return assertThrows(
            InvitationException.class,
            () -> {
              Invitation i = Invitation.decode(code);
              i.verify(TestKey.VERIFIER, TestKey.DERIVATION);
            })
        .problem();
  }

  @Test
  void roundTripsWithAndWithoutSecrets() {
    Invitation back = Invitation.decode(valid(null).encode());
    back.verify(TestKey.VERIFIER, TestKey.DERIVATION);
    assertNull(back.secrets());
    assertArrayEquals(invitee.seed, back.inviteeSeed());
    assertEquals(f.invite(owner, invitee), back.membership());

    byte[] secret = new byte[32];
    secret[0] = 7;
    Invitation priv =
        Invitation.decode(
            "  " + valid(List.of(new Invitation.RoomSecret(3, secret))).encode() + "\n");
    assertEquals(3, priv.secrets().get(0).version());
    assertArrayEquals(secret, priv.secrets().get(0).secret());
  }

  @Test
  void notBase58() {
    assertEquals(InvitationException.Problem.NOT_BASE58, problem("abc0OIl"));
    assertEquals(InvitationException.Problem.NOT_BASE58, problem("   "));
  }

  @Test
  void truncatedCodeIsMalformed() {
    String code = valid(null).encode();
    assertEquals(
        InvitationException.Problem.MALFORMED, problem(code.substring(0, code.length() - 9)));
  }

  @Test
  void wrongShapeIsMalformed() {
    String notAnInvitation =
        Base58.encode(
            Cbor.encode(CborMap.builder().put("room", CborItem.bytes(owner.pub)).build()));
    assertEquals(InvitationException.Problem.MALFORMED, problem(notAnInvitation));
    RoomFixture other = new RoomFixture(TestKey.random(rnd));
    String otherRoom =
        new Invitation(owner.pub, invitee.seed, other.invite(other.owner, invitee), null).encode();
    assertEquals(InvitationException.Problem.MALFORMED, problem(otherRoom));
  }

  @Test
  void tooLong() {
    assertEquals(InvitationException.Problem.TOO_LONG, problem("2".repeat(9000)));
  }

  @Test
  void forgedSignatureIsForged() {
    AuthorizedMember m = f.invite(owner, invitee);
    AuthorizedMember forged = m.withSignature(invitee.sign(m.signedBytes()));
    assertEquals(
        InvitationException.Problem.FORGED,
        problem(new Invitation(owner.pub, invitee.seed, forged, null).encode()));
  }

  @Test
  void keyOfSomeoneElseIsForged() {
    TestKey stranger = TestKey.random(rnd);
    assertEquals(
        InvitationException.Problem.FORGED,
        problem(new Invitation(owner.pub, stranger.seed, f.invite(owner, invitee), null).encode()));
  }
}
