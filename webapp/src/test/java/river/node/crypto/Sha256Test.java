package river.node.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import river.store.DelegateKeys;

class Sha256Test {
  @Test
  void hashesTheUtf8BytesOfTheText() throws Exception {
    // FIPS 180-2, example "abc"
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Sha256.of("abc")));
    assertArrayEquals(
        MessageDigest.getInstance("SHA-256").digest(new byte[] {(byte) 0xc3, (byte) 0xa9}),
        Sha256.of("\u00e9"),
        "UTF-8, not Latin-1");
  }

  @Test
  void givesTheDelegateIdsThatSharedHardCodes() {
    assertArrayEquals(DelegateKeys.current(), Sha256.of("river.chat-delegate/2"));
    assertArrayEquals(DelegateKeys.legacy(), Sha256.of("river.chat-delegate/1"));
  }
}
