package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.chat.RoomSecrets;
import river.rooms.Bytes;

/**
 * Stored room secrets round-trip, the newest wins, damaged entries are skipped; the private keys to
 * try put the published key's first and leave out secrets, damage and repeats.
 */
class RoomSecretsTest {
  @Test
  void roundTripNewestAndDamage() {
    byte[] s1 = new byte[32];
    byte[] s2 = new byte[32];
    Arrays.fill(s2, (byte) 7);
    List<Bytes> stored =
        List.of(RoomSecrets.encode(1, s1), Bytes.of(new byte[] {1, 2}), RoomSecrets.encode(2, s2));
    assertArrayEquals(s2, RoomSecrets.find(stored, 2));
    assertArrayEquals(s1, RoomSecrets.find(stored, 1));
    assertNull(RoomSecrets.find(stored, 3));
    assertEquals(2, RoomSecrets.newest(stored).version());
    assertEquals(2, RoomSecrets.decodeAll(stored).size());
    assertNull(RoomSecrets.newest(List.of()));
  }

  static byte[] filled(int n, int b) {
    byte[] a = new byte[n];
    Arrays.fill(a, (byte) b);
    return a;
  }

  final Bytes pairA = RoomSecrets.encodeKeyPair(filled(65, 1), filled(40, 11));
  final Bytes pairB = RoomSecrets.encodeKeyPair(filled(65, 2), filled(40, 12));
  final List<Bytes> kept =
      List.of(
          pairA,
          RoomSecrets.encode(1, new byte[32]),
          Bytes.of(new byte[] {1, 2}),
          pairB,
          pairA); // union by bytes makes repeats unlikely; a repeat is still tried once

  static List<Integer> firstBytes(List<byte[]> keys) {
    List<Integer> out = new java.util.ArrayList<>();
    for (byte[] k : keys) {
      out.add((int) k[0]);
    }
    return out;
  }

  @Test
  void thePublishedKeysPrivateHalfIsTriedFirst() {
    assertEquals(List.of(12, 11), firstBytes(RoomSecrets.privateKeysToTry(kept, filled(65, 2))));
  }

  @Test
  void withoutAPublishedKeyEveryKeptPairIsTriedInTheOrderKept() {
    assertEquals(List.of(11, 12), firstBytes(RoomSecrets.privateKeysToTry(kept, null)));
  }

  @Test
  void aPublishedKeyThatIsNotKeptStillLeavesTheKeptOnesToTry() {
    assertEquals(List.of(11, 12), firstBytes(RoomSecrets.privateKeysToTry(kept, filled(65, 3))));
  }

  @Test
  void noPairKeptIsNothingToTry() {
    assertEquals(
        List.of(),
        RoomSecrets.privateKeysToTry(List.of(RoomSecrets.encode(1, new byte[32])), filled(65, 1)));
  }

  @Test
  void theKeptPublicKeyIsTheFirstPairInTheSetsOrder() {
    assertArrayEquals(filled(65, 1), RoomSecrets.keptPublicKey(kept));
    assertArrayEquals(filled(65, 2), RoomSecrets.keptPublicKey(List.of(pairB, pairA)));
    assertNull(RoomSecrets.keptPublicKey(List.of(RoomSecrets.encode(1, new byte[32]))));
  }
}
