package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The owner's settings edits and what the contract refuses in them ({@link ConfigRules}), one test
 * per rule, the hostile member's attempts first. Every refusal leaves the room as it was. Room:
 * owner -> alice, owner -> bob.
 */
class ConfigRulesTest {
  final Random rnd = new Random(14);
  final TestKey owner = TestKey.random(rnd);
  final TestKey alice = TestKey.random(rnd);
  final TestKey bob = TestKey.random(rnd);
  final RoomFixture f = new RoomFixture(owner);

  RoomState room() {
    return f.apply(
        f.created(),
        RoomDelta.builder().member(f.invite(owner, alice)).member(f.invite(owner, bob)).build());
  }

  RoomConfig signed(TestKey by, RoomConfig unsigned) {
    return unsigned.withSignature(by.sign(unsigned.signedBytes()));
  }

  /** The next config with another description and limits, name kept. */
  RoomConfig next(RoomState s, String description, int[] limits) {
    return s.config().edited(s.config().name(), RoomFixture.text(description), limits);
  }

  String refused(RoomState s, RoomConfig c) {
    byte[] before = s.encode();
    String reason =
        assertThrows(
                RoomValidationException.class,
                () -> f.apply(s, RoomDelta.builder().config(c).build()))
            .getMessage();
    assertArrayEquals(before, s.encode());
    return reason;
  }

  @Test
  void aMembersSettingsAreRefusedAndChangeNothing() {
    RoomState s = room();
    int[] limits = s.config().limits();
    limits[ConfigRules.MEMBERS] = 2;
    RoomConfig forged = signed(alice, next(s, "alice's room now", limits));
    assertEquals("config is not signed by the room owner", refused(s, forged));
  }

  @Test
  void aConfigAtTheHeldVersionThatLosesTheTieIsRefused() {
    RoomState s = room();
    RoomConfig held = s.config();
    // the same version with a longer name encodes larger: the held one keeps winning
    RoomConfig twin =
        signed(
            owner,
            held.edited(RoomFixture.text("a much longer name"), held.description(), held.limits()));
    RoomConfig sameVersion =
        signed(
            owner,
            new RoomConfig(
                held.room(),
                held.version(),
                twin.name(),
                held.description(),
                false,
                0,
                held.limits(),
                new byte[0]));
    assertTrue(refused(s, sameVersion).startsWith("config: a newer version"));
  }

  @Test
  void anOlderConfigIsRefused() {
    RoomState s = f.apply(room(), RoomDelta.builder().config(f.config(3, "three")).build());
    assertTrue(refused(s, f.config(2, "two")).startsWith("config: a newer version"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
  void everyLimitBelowItsFloorOrAboveItsCeilingIsRefused(int limit) {
    RoomState s = room();
    int[] zero = s.config().limits();
    zero[limit] = 0;
    assertEquals(
        "config: " + ConfigRules.NAMES[limit] + " must be 1.." + ConfigRules.ceiling(limit),
        refused(s, signed(owner, next(s, "", zero))));
    int[] huge = s.config().limits();
    huge[limit] = ConfigRules.ceiling(limit) + 1;
    assertTrue(refused(s, signed(owner, next(s, "", huge))).contains("must be 1.."));
  }

  @Test
  void aNegativeOrOversizedLimitOnTheWireIsRefused() {
    RoomState s = room();
    for (CborItem bad : new CborItem[] {CborItem.integer(-1), CborItem.uint(1L << 40)}) {
      byte[] before = s.encode();
      byte[] update = deltaWithMaxMembers(s.config(), bad);
      assertThrows(
          RoomValidationException.class,
          () -> RoomContract.update(s, update, TestKey.VERIFIER, RoomFixture.NOW));
      assertArrayEquals(before, s.encode());
    }
  }

  @Test
  void anEmptyNameIsRefused() {
    RoomState s = room();
    RoomConfig unnamed =
        signed(
            owner,
            s.config().edited(RoomFixture.text(""), s.config().description(), s.config().limits()));
    assertEquals("config: a room needs a name", refused(s, unnamed));
  }

  @Test
  void aDescriptionLongerThanTheRoomsLimitIsRefused() {
    RoomState s = room();
    StringBuilder d = new StringBuilder();
    for (int i = 0; i <= s.config().maxDescriptionBytes(); i++) {
      d.append('x');
    }
    assertTrue(
        refused(s, signed(owner, next(s, d.toString(), s.config().limits())))
            .startsWith("config: description longer than"));
  }

  @Test
  void aPublicRoomCannotTurnPrivate() {
    RoomState s = room();
    RoomConfig held = s.config();
    RoomConfig flipped =
        signed(
            owner,
            new RoomConfig(
                held.room(),
                held.version() + 1,
                SealedBytes.privateBytes(new byte[20], new byte[12], 1),
                SealedBytes.privateBytes(new byte[16], new byte[12], 1),
                true,
                1,
                held.limits(),
                new byte[0]));
    assertEquals("config: a public room stays so", refused(s, flipped));
  }

  @Test
  void theOwnersEditIsTheNextVersionWithTheNewDescriptionAndLimits() {
    RoomState s = room();
    int[] limits = s.config().limits();
    limits[ConfigRules.MEMBERS] = 5;
    limits[ConfigRules.MESSAGE_BYTES] = 300;
    RoomState edited =
        f.apply(
            s, RoomDelta.builder().config(signed(owner, next(s, "Weekly chat", limits))).build());
    assertEquals(s.config().version() + 1, edited.config().version());
    assertEquals("Weekly chat", new String(edited.config().description().data()));
    assertEquals(5, edited.config().maxMembers());
    assertEquals(300, edited.config().maxMessageBytes());
    assertArrayEquals(s.config().name().data(), edited.config().name().data());
  }

  @Test
  void loweringMaxMembersBelowTheMembersEvictsNobodyButRefusesTheNextJoin() {
    RoomState s = room();
    int[] limits = s.config().limits();
    limits[ConfigRules.MEMBERS] = 1;
    RoomState lowered =
        f.apply(s, RoomDelta.builder().config(signed(owner, next(s, "", limits))).build());
    assertEquals(2, lowered.members().size());
    assertTrue(lowered.isMember(alice.pub) && lowered.isMember(bob.pub));
    // both still post
    lowered = f.apply(lowered, RoomDelta.builder().message(f.text(bob, 10, "still here")).build());
    assertEquals(1, lowered.messages().size());
    TestKey carol = TestKey.random(rnd);
    RoomState full = lowered;
    String reason =
        assertThrows(
                RoomValidationException.class,
                () -> f.apply(full, RoomDelta.builder().member(f.invite(alice, carol)).build()))
            .getMessage();
    assertTrue(reason.contains("the room is full"), reason);
  }

  @Test
  void checkLimitNamesTheRange() {
    assertNull(ConfigRules.checkLimit(ConfigRules.MEMBERS, 200));
    assertEquals(
        "config: max_members must be 1..200", ConfigRules.checkLimit(ConfigRules.MEMBERS, 201));
  }

  /** An update whose config is signed by the owner but holds {@code maxMembers} as given. */
  private byte[] deltaWithMaxMembers(RoomConfig held, CborItem maxMembers) {
    CborMap.Builder body =
        CborMap.builder()
            .put("room", CborItem.bytes(held.room()))
            .put("version", CborItem.uint(held.version() + 1))
            .put("name", held.name().toCbor())
            .put("description", held.description().toCbor())
            .put("private", CborItem.bool(false))
            .put("secret_version", CborItem.uint(0));
    int[] limits = held.limits();
    for (int i = 0; i < limits.length; i++) {
      body.put(
          ConfigRules.NAMES[i], i == ConfigRules.MEMBERS ? maxMembers : CborItem.uint(limits[i]));
    }
    CborItem b = body.build();
    CborItem config =
        CborMap.builder()
            .put("body", b)
            .put("signature", CborItem.bytes(owner.sign(Cbor.encode(b))))
            .build();
    return Cbor.encode(
        CborMap.builder()
            .put("config", config)
            .put("members", CborItem.array())
            .put("member_info", CborItem.array())
            .put("bans", CborItem.array())
            .put("messages", CborItem.array())
            .build());
  }
}
