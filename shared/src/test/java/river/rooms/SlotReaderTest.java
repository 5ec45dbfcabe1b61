package river.rooms;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;

/**
 * The tree-less slot reader against the tree decoder it stands in for: on every input where the
 * reader answers, the tree decoder must accept the same bytes and read the same slot; it must
 * answer for everything our encoder writes (else the fast path is never taken); and every shape it
 * leaves to the tree must really reach the tree. Inputs: generated rooms, each encoding mutated
 * byte by byte, and hand-written shapes the encoder never writes.
 */
class SlotReaderTest {
  private final CborRoomsCodec codec = new CborRoomsCodec();

  /** The tree decoder's verdict: its slot, or null when it refuses the bytes. */
  private static RoomSlot tree(byte[] bytes) {
    try {
      return CborRoomsCodec.slotFrom(Cbor.decode(bytes));
    } catch (RuntimeException | RoomsDecodeException refused) {
      return null;
    }
  }

  /** Where the reader answers, the tree agrees; returns whether the reader answered. */
  private static boolean agrees(byte[] bytes) {
    RoomSlot fast = SlotReader.read(bytes);
    if (fast != null) {
      assertEquals(tree(bytes), fast, () -> "reader and tree differ on " + hex(bytes));
    }
    return fast != null;
  }

  @Test
  void readsEverySlotTheEncoderWritesAsTheTreeDoes() {
    Random r = new Random(18);
    for (int i = 0; i < 2_000; i++) {
      RoomSlot slot = i % 50 == 0 ? RoomSlot.TOMBSTONE : RoomSlot.present(randomRoom(r));
      byte[] bytes = codec.encodeSlot(slot);
      assertEquals(slot, SlotReader.read(bytes), "slot " + i);
      assertTrue(agrees(bytes));
    }
  }

  @Test
  void neverAnswersDifferentlyFromTheTreeOnMutatedSlots() {
    Random r = new Random(347);
    int answered = 0;
    int mutants = 0;
    for (int i = 0; i < 300; i++) {
      byte[] good = codec.encodeSlot(RoomSlot.present(randomRoom(r)));
      for (byte[] m : mutants(good, r)) {
        mutants++;
        if (agrees(m)) {
          answered++;
        }
      }
    }
    // Some mutants (a changed key byte, a changed text letter) are still slots: the reader must
    // have answered those, or this test compared nothing.
    assertTrue(answered > mutants / 20, answered + " of " + mutants);
  }

  @Test
  void leavesShapesTheEncoderNeverWritesToTheTree() {
    String owner = hexTextItem("owner_vk") + "5820" + repeat("11", 32);
    String nick = hexTextItem("nickname");
    String[] shapes = {
      // a field twice: the tree refuses duplicate keys
      "a167" + hexText("Present") + "a2" + owner + owner,
      // an unknown field: the tree ignores it
      "a167" + hexText("Present") + "a2" + owner + hexTextItem("colour") + "01",
      // indefinite-length RoomData map
      "a167" + hexText("Present") + "bf" + owner + "ff",
      // nickname null: the tree refuses it (a missing nickname is fine, a null one is not)
      "a167" + hexText("Present") + "a2" + owner + nick + "f6",
      // self_sk null: the tree reads it as empty
      "a167" + hexText("Present") + "a2" + owner + hexTextItem("self_sk") + "f6",
      // a 31-byte owner
      "a167" + hexText("Present") + "a1" + hexTextItem("owner_vk") + "581f" + repeat("11", 31),
      // a generation of 2^63: does not fit a long
      "a167"
          + hexText("Present")
          + "a2"
          + owner
          + hexTextItem("nickname_version")
          + "1b8000000000000000",
      // a tagged owner key
      "a167"
          + hexText("Present")
          + "a1"
          + hexTextItem("owner_vk")
          + "d840"
          + "5820"
          + repeat("11", 32),
      // trailing byte
      "a167" + hexText("Present") + "a1" + owner + "00",
      // "Present" map with two entries
      "a267" + hexText("Present") + "a1" + owner + hexTextItem("x") + "01",
      // last_read with an unknown field, and with a null message id
      "a167"
          + hexText("Present")
          + "a2"
          + owner
          + hexTextItem("last_read")
          + "a1"
          + hexTextItem("x")
          + "01",
      "a167"
          + hexText("Present")
          + "a2"
          + owner
          + hexTextItem("last_read")
          + "a2"
          + hexTextItem("position")
          + "05"
          + hexTextItem("message_id")
          + "f6",
      // dm_read with the same peer twice, and with a text peer
      "a167"
          + hexText("Present")
          + "a2"
          + owner
          + hexTextItem("dm_read")
          + "a2"
          + "4101a0"
          + "4101a0",
      "a167" + hexText("Present") + "a2" + owner + hexTextItem("dm_read") + "a1" + "6101a0",
      // invitation_secrets null (the tree refuses it) and an indefinite array
      "a167" + hexText("Present") + "a2" + owner + hexTextItem("invitation_secrets") + "f6",
      "a167" + hexText("Present") + "a2" + owner + hexTextItem("invitation_secrets") + "9f4101ff",
      // a non-minimal length head and a byte-string key
      "a167" + hexText("Present") + "a1" + "78086f776e65725f766b" + "5820" + repeat("11", 32),
      "a167" + hexText("Present") + "a1" + "486f776e65725f766b" + "5820" + repeat("11", 32),
      // Tombstone, indefinite text, and another word
      hexTextItem("Tombstone"),
      "7f64" + hexText("Tomb") + "65" + hexText("stone") + "ff",
      hexTextItem("Tombstones"),
      // an array count far beyond the slot's bytes: refused, nothing that size allocated
      "a167" + hexText("Present") + "a2" + owner + hexTextItem("invitation_secrets") + "9a7fffffff",
    };
    StringBuilder verdicts = new StringBuilder();
    for (String h : shapes) {
      byte[] b = unhex(h);
      verdicts.append(agrees(b) ? 'r' : tree(b) != null ? 't' : '-');
      RoomSlot viaCodec;
      try {
        viaCodec = codec.decodeSlot(b);
      } catch (RoomsDecodeException refused) {
        viaCodec = null;
      }
      assertEquals(tree(b), viaCodec, h); // what the codec answers is what the tree answers
    }
    // r: the reader answered (and agreed); t: left to the tree, which accepted; -: refused.
    assertEquals("-tt-r-----tr---tr-rt--", verdicts.toString());
  }

  // ---- generated rooms and mutants ----

  private static RoomData randomRoom(Random r) {
    byte[] owner = new byte[32];
    r.nextBytes(owner);
    RoomData.Builder b =
        RoomData.builder(RoomKey.of(Bytes.of(owner)))
            .signingKey(randomBytes(r, r.nextBoolean() ? 32 : 0))
            .verifyingKey(randomBytes(r, 32))
            .membership(randomBytes(r, r.nextInt(300)))
            .identityGeneration(r.nextInt(3) == 0 ? Long.MAX_VALUE : r.nextInt(1000))
            .nickname(randomText(r))
            .nicknameVersion(r.nextInt(3) == 0 ? (1L << 40) + r.nextInt(9) : r.nextInt(30))
            .contractKey(randomBytes(r, r.nextBoolean() ? 32 : 0));
    if (r.nextBoolean()) {
      b.lastRead(new LastRead(r.nextInt(100_000), randomBytes(r, 16)));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      b.addInvitationSecret(randomBytes(r, 1 + r.nextInt(40)));
    }
    for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; i > 0; i--) {
      b.dmRead(randomBytes(r, 32), new LastRead(r.nextInt(1 << 20), randomBytes(r, 16)));
    }
    for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; i > 0; i--) {
      b.dmHidden(randomBytes(r, 32), new LastRead(r.nextInt(1 << 20), randomBytes(r, 16)));
    }
    return b.build();
  }

  private static Bytes randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.of(b);
  }

  private static String randomText(Random r) {
    String[] parts = {"a", "Zoë", "名前", "😀", " ", "x", ""};
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(6); i > 0; i--) {
      sb.append(parts[r.nextInt(parts.length)]);
    }
    return sb.toString();
  }

  /** Single-byte edits of {@code good}: changed, dropped, inserted bytes and cut tails. */
  private static List<byte[]> mutants(byte[] good, Random r) {
    List<byte[]> out = new ArrayList<byte[]>();
    for (int k = 0; k < 24; k++) {
      int at = r.nextInt(good.length);
      byte[] changed = good.clone();
      changed[at] = (byte) (k % 3 == 0 ? changed[at] ^ (1 << r.nextInt(8)) : r.nextInt(256));
      out.add(changed);
      ByteArrayOutputStream dropped = new ByteArrayOutputStream();
      dropped.write(good, 0, at);
      dropped.write(good, at + 1, good.length - at - 1);
      out.add(dropped.toByteArray());
      ByteArrayOutputStream inserted = new ByteArrayOutputStream();
      inserted.write(good, 0, at);
      inserted.write(r.nextInt(256));
      inserted.write(good, at, good.length - at);
      out.add(inserted.toByteArray());
      out.add(java.util.Arrays.copyOf(good, at));
    }
    return out;
  }

  // ---- hex helpers ----

  private static String hexText(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      sb.append(String.format("%02x", b & 0xFF));
    }
    return sb.toString();
  }

  /** A short definite text item (under 24 bytes). */
  private static String hexTextItem(String s) {
    return String.format("%02x", 0x60 + s.getBytes(StandardCharsets.UTF_8).length) + hexText(s);
  }

  private static String repeat(String s, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(s);
    }
    return sb.toString();
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xFF));
    }
    return sb.toString();
  }

  private static byte[] unhex(String h) {
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
