package river.identity;

import static org.junit.jupiter.api.Assertions.*;
import static river.identity.IdentityFixtures.*;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;

class ProfileBackupTest {
  static final JvmBackupCipher CIPHER = new JvmBackupCipher();
  static final byte[] SALT = new byte[16];
  static final byte[] IV = new byte[12];
  static byte[] file;

  static BackupContents contents() {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    modes.put(ROOM, NotificationMode.MUTED);
    return new BackupContents(List.of(bobBlock()), List.of(ROOM), modes);
  }

  @BeforeAll
  static void seal() {
    Arrays.fill(SALT, (byte) 3);
    Arrays.fill(IV, (byte) 4);
    ProfileBackup.seal(contents(), "correct horse", SALT, IV, CIPHER, f -> file = f);
  }

  private static Object[] open(byte[] f, String pass) {
    Object[] out = new Object[2];
    ProfileBackup.open(
        f,
        pass,
        CIPHER,
        (c, r) -> {
          out[0] = c;
          out[1] = r;
        });
    return out;
  }

  @Test
  void theHeaderSaysWhatOpensIt() {
    assertEquals("RIVERBKP", new String(file, 0, 8));
    assertEquals(1, file[8]);
    assertEquals(ProfileBackup.KDF_PBKDF2_SHA256, file[9]);
    int it =
        ((file[10] & 0xff) << 24)
            | ((file[11] & 0xff) << 16)
            | ((file[12] & 0xff) << 8)
            | (file[13] & 0xff);
    assertTrue(it >= 600_000, "PBKDF2 with at least 600,000 iterations");
    assertArrayEquals(SALT, Arrays.copyOfRange(file, 14, 30));
    assertArrayEquals(IV, Arrays.copyOfRange(file, 30, 42));
  }

  @Test
  void theRightPassphraseOpensEveryIdentityOrderAndMode() {
    Object[] r = open(file, "correct horse");
    assertNull(r[1]);
    BackupContents c = (BackupContents) r[0];
    assertEquals(1, c.identities().size());
    assertArrayEquals(bobBlock().body(), c.identities().get(0).body());
    assertEquals(List.of(ROOM), c.order());
    assertEquals(NotificationMode.MUTED, c.modes().get(ROOM));
  }

  @Test
  void aWrongPassphraseIsRefused() {
    Object[] r = open(file, "wrong horse");
    assertNull(r[0]);
    assertEquals(BackupRefusal.WRONG_PASSPHRASE, r[1]);
  }

  @Test
  void anEmptyPassphraseIsRefusedWithoutWork() {
    assertEquals(BackupRefusal.NO_PASSPHRASE, open(file, "")[1]);
  }

  @Test
  void aChangedByteAnywhereIsRefused() {
    for (int at : new int[] {12, 20, 35, 50, file.length - 1}) {
      byte[] f = file.clone();
      f[at] ^= 1;
      assertEquals(BackupRefusal.WRONG_PASSPHRASE, open(f, "correct horse")[1], "byte " + at);
    }
  }

  @Test
  void aFileCutShortIsRefused() {
    assertEquals(
        BackupRefusal.WRONG_PASSPHRASE,
        open(Arrays.copyOf(file, file.length - 5), "correct horse")[1]);
    assertEquals(BackupRefusal.NOT_A_BACKUP, open(Arrays.copyOf(file, 30), "correct horse")[1]);
  }

  @Test
  void anotherFileIsNotABackup() {
    assertEquals(
        BackupRefusal.NOT_A_BACKUP,
        open("hello, this is a text file!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!".getBytes(), "x")[1]);
  }

  @Test
  void aNewerFormatOrKdfIsRefusedAsNewer() {
    byte[] f = file.clone();
    f[8] = 2;
    assertEquals(BackupRefusal.NEWER_VERSION, open(f, "correct horse")[1]);
    byte[] g = file.clone();
    g[9] = 2;
    assertEquals(BackupRefusal.NEWER_VERSION, open(g, "correct horse")[1]);
  }

  @Test
  void aHugeIterationCountIsRefusedBeforeDerivingAKey() {
    byte[] f = file.clone();
    f[10] = 0x7f;
    int before = CIPHER.derivations;
    assertEquals(BackupRefusal.DAMAGED, open(f, "correct horse")[1]);
    assertEquals(before, CIPHER.derivations);
  }

  @Test
  void decryptedBytesThatAreNotABackupAreDamaged() {
    assertNull(ProfileBackup.read(new byte[] {1, 2, 3}));
    assertNull(ProfileBackup.read(river.cbor.Cbor.encode(river.cbor.CborItem.uint(1))));
  }
}
