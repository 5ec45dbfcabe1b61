package river.identity;

import static org.junit.Assert.assertEquals;

import com.google.j2cl.junit.apt.J2clTestInput;
import org.junit.Test;

/**
 * Runs in the browser build (j2cl:test): SHA-256 with its round constants computed from cube roots
 * there (Sha256.fractions) gives the published digests, as on the JVM (Sha256Test).
 */
@J2clTestInput(Sha256JsTest.class)
public class Sha256JsTest {
  private static String hex(byte[] b) {
    StringBuilder out = new StringBuilder();
    for (byte x : b) {
      out.append(Integer.toHexString((x & 0xff) | 0x100).substring(1));
    }
    return out.toString();
  }

  @Test
  public void publishedDigests() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(Sha256.digest(new byte[0])));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        hex(Sha256.digest(new byte[] {'a', 'b', 'c'})));
  }
}
