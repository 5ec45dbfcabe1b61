package river.identity;

import static org.junit.jupiter.api.Assertions.*;
import static river.identity.IdentityFixtures.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.room.AuthorizedMember;
import river.rooms.Bytes;

class IdentityBlockTest {
  private static IdentityRefusal refusal(String text) {
    IdentityBlock.Decoded d = IdentityBlock.decode(text);
    assertFalse(d.ok(), "refused");
    return d.refusal();
  }

  @Test
  void aBlockRoundTripsWithEveryField() {
    IdentityBlock b = bobBlock();
    String text = b.armored();
    assertTrue(text.startsWith(IdentityBlock.BEGIN + "\n"));
    assertTrue(text.endsWith(IdentityBlock.END + "\n"));
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 64, "lines are wrapped");
    }
    IdentityBlock back = IdentityBlock.decode(text).block();
    assertArrayEquals(b.body(), back.body());
    assertEquals(Bytes.of(BOB_SEED), back.seed());
    assertEquals(List.of(ALICE_MEMBERSHIP), back.chain());
    assertEquals(BOB_MEMBERSHIP, back.membership());
    assertEquals(
        held(BOB, BOB_MEMBERSHIP, 100).invitationSecrets(), back.toRoomData(1).invitationSecrets());
    assertEquals("bob", back.nickname());
    assertNull(back.checkSeed(DERIVE));
    assertFalse(back.isOwner());
  }

  @Test
  void theImportedRoomDataKeepsNoPrivateKeyAndTakesTheGivenGeneration() {
    var data = bobBlock().toRoomData(777);
    assertEquals(Bytes.EMPTY, data.signingKey(), "the node keeps the signing key");
    assertEquals(777, data.identityGeneration());
    assertEquals(Bytes.of(BOB), data.verifyingKey());
    assertEquals(held(BOB, BOB_MEMBERSHIP, 0).membership(), data.membership());
  }

  @Test
  void anOwnerBlockRoundTrips() {
    IdentityBlock back = IdentityBlock.decode(ownerBlock().armored()).block();
    assertTrue(back.isOwner());
    assertEquals(Bytes.EMPTY, back.toRoomData(1).membership());
  }

  @Test
  void textAroundTheBlockAndCarriageReturnsAreIgnored() {
    String text = "here it is:\r\n" + bobBlock().armored().replace("\n", "\r\n") + "\nthanks";
    assertTrue(IdentityBlock.decode(text).ok());
  }

  @Test
  void textWithoutTheBeginLineIsNotABlock() {
    assertEquals(IdentityRefusal.MALFORMED_ARMOR, refusal("hello"));
    assertEquals(IdentityRefusal.MALFORMED_ARMOR, refusal(""));
    assertEquals(IdentityRefusal.MALFORMED_ARMOR, refusal(null));
    String noBegin = bobBlock().armored().replace(IdentityBlock.BEGIN, "");
    assertEquals(IdentityRefusal.MALFORMED_ARMOR, refusal(noBegin));
  }

  @Test
  void aCharacterOutsideBase64IsMalformedArmor() {
    String text = bobBlock().armored();
    int at = text.indexOf('\n') + 5;
    assertEquals(
        IdentityRefusal.MALFORMED_ARMOR,
        refusal(text.substring(0, at) + "*" + text.substring(at + 1)));
  }

  @Test
  void aBlockCutShortIsTruncated() {
    String text = bobBlock().armored();
    assertEquals(IdentityRefusal.TRUNCATED, refusal(text.substring(0, text.length() / 2)));
    // One character lost in copying, the end line kept.
    int at = text.indexOf('\n') + 10;
    assertEquals(
        IdentityRefusal.TRUNCATED, refusal(text.substring(0, at) + text.substring(at + 1)));
    assertEquals(
        IdentityRefusal.TRUNCATED, refusal(IdentityBlock.BEGIN + "\nAAAA\n" + IdentityBlock.END));
  }

  @Test
  void aChangedCharacterFailsTheChecksum() {
    String text = bobBlock().armored();
    int at = text.indexOf('\n') + 20;
    char c = text.charAt(at);
    String tampered = text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
    assertEquals(IdentityRefusal.CHECKSUM_MISMATCH, refusal(tampered));
  }

  @Test
  void aWholeLineRemovedFailsTheChecksum() {
    String[] lines = bobBlock().armored().split("\n");
    List<String> kept = new ArrayList<>(List.of(lines));
    kept.remove(2);
    assertEquals(IdentityRefusal.CHECKSUM_MISMATCH, refusal(String.join("\n", kept)));
  }

  @Test
  void aNewerVersionIsRefusedAsSuch() {
    CborItem body = Cbor.decode(bobBlock().body());
    CborMap.Builder m = CborMap.builder();
    for (var e : body.entries()) {
      m.put(e.key(), e.key().asText().equals("version") ? CborItem.uint(2) : e.value());
    }
    assertEquals(
        IdentityRefusal.WRONG_VERSION, refusal(IdentityBlock.armor(Cbor.encode(m.build()))));
  }

  @Test
  void aBodyThatIsNotTheFormatIsMalformed() {
    assertEquals(IdentityRefusal.MALFORMED, refusal(IdentityBlock.armor(new byte[] {(byte) 0xff})));
    byte[] noNickname = Cbor.encode(CborMap.builder().put("version", CborItem.uint(1)).build());
    assertEquals(IdentityRefusal.MALFORMED, refusal(IdentityBlock.armor(noNickname)));
    CborItem body = Cbor.decode(bobBlock().body());
    CborMap.Builder m = CborMap.builder();
    for (var e : body.entries()) {
      boolean room = e.key().asText().equals("room");
      m.put(e.key(), room ? CborItem.bytes(new byte[5]) : e.value());
    }
    assertEquals(IdentityRefusal.MALFORMED, refusal(IdentityBlock.armor(Cbor.encode(m.build()))));
  }

  @Test
  void aVerifyingKeyThatIsNotTheMembersIsAKeyMismatch() {
    IdentityBlock wrong =
        IdentityBlock.of(held(ALICE, BOB_MEMBERSHIP, 1), ALICE_SEED, new ArrayList<>());
    assertEquals(IdentityRefusal.KEY_MISMATCH, refusal(wrong.armored()));
    IdentityBlock fakeOwner = IdentityBlock.of(held(BOB, null, 1), BOB_SEED, new ArrayList<>());
    assertEquals(IdentityRefusal.KEY_MISMATCH, refusal(fakeOwner.armored()));
  }

  @Test
  void aSeedThatIsNotTheVerifyingKeysIsAKeyMismatch() {
    IdentityBlock b =
        IdentityBlock.of(held(BOB, BOB_MEMBERSHIP, 1), ALICE_SEED, List.of(ALICE_MEMBERSHIP));
    IdentityBlock back = IdentityBlock.decode(b.armored()).block();
    assertEquals(IdentityRefusal.KEY_MISMATCH, back.checkSeed(DERIVE));
  }

  @Test
  void aMembershipOrChainLinkOfAnotherRoomIsRefused() {
    byte[] other = pub(seed(99));
    AuthorizedMember elsewhere = new AuthorizedMember(other, BOB, ALICE, sig(8));
    IdentityBlock b = IdentityBlock.of(held(BOB, elsewhere, 1), BOB_SEED, new ArrayList<>());
    assertEquals(IdentityRefusal.WRONG_ROOM, refusal(b.armored()));
    AuthorizedMember link = new AuthorizedMember(other, ALICE, OWNER, sig(7));
    IdentityBlock c = IdentityBlock.of(held(BOB, BOB_MEMBERSHIP, 1), BOB_SEED, List.of(link));
    assertEquals(IdentityRefusal.WRONG_ROOM, refusal(c.armored()));
  }

  @Test
  void overlongTextIsRefusedBeforeAnyWork() {
    String huge = IdentityBlock.BEGIN + "A".repeat(IdentityBlock.MAX_CHARS) + IdentityBlock.END;
    assertEquals(IdentityRefusal.MALFORMED_ARMOR, refusal(huge));
  }

  @Test
  void everyRefusalReadsAsASentenceWithoutCodecWords() {
    for (IdentityRefusal r : IdentityRefusal.values()) {
      assertTrue(r.text().endsWith("."), r.name());
      assertFalse(r.text().toLowerCase().contains("cbor"), r.name());
      assertFalse(r.text().contains("Exception"), r.name());
    }
  }
}
