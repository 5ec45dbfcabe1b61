package river.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.rooms.Bytes;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;

/**
 * The encrypted profile backup file.
 *
 * <pre>
 * offset size
 *  0      8   magic "RIVERBKP"
 *  8      1   format version (1)
 *  9      1   KDF id (1 = PBKDF2-HMAC-SHA256)
 * 10      4   iterations, big-endian (written: {@link #ITERATIONS})
 * 14     16   salt
 * 30     12   AES-GCM IV
 * 42      …   AES-256-GCM ciphertext and 16-byte tag; additional data = bytes 0..41
 * plain = canonical CBOR {"version": 1, "identities": [bytes: IdentityBlock body],
 *   "order": [bytes(32) room], "modes": [[bytes(32) room, text mode]]}
 * </pre>
 *
 * The header is authenticated as additional data, so an edited iteration count or salt fails like a
 * wrong passphrase. Hazard: GCM cannot tell a wrong passphrase from damaged bytes, so the user is
 * told both. A hostile file could name a huge iteration count to hang the tab: counts above {@link
 * #MAX_ITERATIONS} are refused before any work.
 */
public final class ProfileBackup {
  public static final int VERSION = 1;
  public static final int KDF_PBKDF2_SHA256 = 1;
  public static final int ITERATIONS = 600000;
  public static final int MAX_ITERATIONS = 10000000;
  public static final int SALT_BYTES = 16;
  public static final int IV_BYTES = 12;
  public static final int HEADER_BYTES = 42;
  static final byte[] MAGIC = {'R', 'I', 'V', 'E', 'R', 'B', 'K', 'P'};

  /** Longest file accepted (10,000 rooms of a few kilobytes). */
  public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

  private ProfileBackup() {}

  public interface Sealed {
    /** The file, or null when the host could not encrypt (no WebCrypto). */
    void done(byte[] file);
  }

  public interface Opened {
    /** Exactly one of the two is non-null. */
    void done(BackupContents contents, BackupRefusal refusal);
  }

  /** Encrypts {@code contents}; salt and IV are fresh random bytes from the caller. */
  public static void seal(
      BackupContents contents,
      String passphrase,
      byte[] salt,
      byte[] iv,
      BackupCipher cipher,
      final Sealed then) {
    if (salt.length != SALT_BYTES || iv.length != IV_BYTES) {
      throw new IllegalArgumentException("salt is 16 bytes and IV 12");
    }
    final byte[] header = header(ITERATIONS, salt, iv);
    cipher.seal(
        passphrase,
        salt,
        ITERATIONS,
        iv,
        header,
        plain(contents),
        new BackupCipher.Done() {
          @Override
          public void done(byte[] sealed) {
            if (sealed == null) {
              then.done(null);
              return;
            }
            byte[] file = Arrays.copyOf(header, header.length + sealed.length);
            System.arraycopy(sealed, 0, file, header.length, sealed.length);
            then.done(file);
          }
        });
  }

  /** Decrypts and reads a file; refusals are plain sentences and change nothing. */
  public static void open(byte[] file, String passphrase, BackupCipher cipher, final Opened then) {
    if (passphrase == null || passphrase.isEmpty()) {
      then.done(null, BackupRefusal.NO_PASSPHRASE);
      return;
    }
    if (file == null
        || file.length < HEADER_BYTES + 16
        || file.length > MAX_FILE_BYTES
        || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      then.done(null, BackupRefusal.NOT_A_BACKUP);
      return;
    }
    if ((file[8] & 0xff) != VERSION || (file[9] & 0xff) != KDF_PBKDF2_SHA256) {
      then.done(null, BackupRefusal.NEWER_VERSION);
      return;
    }
    int iterations =
        ((file[10] & 0xff) << 24)
            | ((file[11] & 0xff) << 16)
            | ((file[12] & 0xff) << 8)
            | (file[13] & 0xff);
    if (iterations <= 0 || iterations > MAX_ITERATIONS) {
      then.done(null, BackupRefusal.DAMAGED);
      return;
    }
    byte[] salt = Arrays.copyOfRange(file, 14, 14 + SALT_BYTES);
    byte[] iv = Arrays.copyOfRange(file, 30, 30 + IV_BYTES);
    byte[] header = Arrays.copyOf(file, HEADER_BYTES);
    byte[] sealed = Arrays.copyOfRange(file, HEADER_BYTES, file.length);
    cipher.open(
        passphrase,
        salt,
        iterations,
        iv,
        header,
        sealed,
        new BackupCipher.Done() {
          @Override
          public void done(byte[] plain) {
            if (plain == null) {
              then.done(null, BackupRefusal.WRONG_PASSPHRASE);
              return;
            }
            BackupContents c = read(plain);
            if (c == null) {
              then.done(null, BackupRefusal.DAMAGED);
            } else {
              then.done(c, null);
            }
          }
        });
  }

  static byte[] header(int iterations, byte[] salt, byte[] iv) {
    byte[] h = new byte[HEADER_BYTES];
    System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
    h[8] = (byte) VERSION;
    h[9] = (byte) KDF_PBKDF2_SHA256;
    h[10] = (byte) (iterations >>> 24);
    h[11] = (byte) (iterations >>> 16);
    h[12] = (byte) (iterations >>> 8);
    h[13] = (byte) iterations;
    System.arraycopy(salt, 0, h, 14, SALT_BYTES);
    System.arraycopy(iv, 0, h, 30, IV_BYTES);
    return h;
  }

  static byte[] plain(BackupContents c) {
    List<CborItem> ids = new ArrayList<CborItem>();
    for (IdentityBlock b : c.identities()) {
      ids.add(CborItem.bytes(b.body()));
    }
    List<CborItem> order = new ArrayList<CborItem>();
    for (RoomKey k : c.order()) {
      order.add(CborItem.bytes(k.bytes().toArray()));
    }
    List<CborItem> modes = new ArrayList<CborItem>();
    for (Map.Entry<RoomKey, NotificationMode> e : c.modes().entrySet()) {
      modes.add(
          CborItem.array(
              CborItem.bytes(e.getKey().bytes().toArray()),
              CborItem.text(e.getValue().wireName())));
    }
    return Cbor.encode(
        CborMap.builder()
            .put("version", CborItem.uint(VERSION))
            .put("identities", CborItem.array(ids))
            .put("order", CborItem.array(order))
            .put("modes", CborItem.array(modes))
            .build());
  }

  /** The contents, or null when the decrypted bytes are not a backup this version reads. */
  static BackupContents read(byte[] plain) {
    try {
      CborItem m = Cbor.decode(plain);
      if (m.get("version").asLong() != VERSION) {
        return null;
      }
      List<IdentityBlock> ids = new ArrayList<IdentityBlock>();
      for (CborItem i : m.get("identities").items()) {
        IdentityBlock.Decoded d = IdentityBlock.fromBody(i.asBytes());
        if (!d.ok()) {
          return null;
        }
        ids.add(d.block());
      }
      List<RoomKey> order = new ArrayList<RoomKey>();
      for (CborItem k : m.get("order").items()) {
        order.add(RoomKey.of(Bytes.of(k.asBytes())));
      }
      TreeMap<RoomKey, NotificationMode> modes = new TreeMap<RoomKey, NotificationMode>();
      for (CborItem pair : m.get("modes").items()) {
        NotificationMode mode = NotificationMode.fromWireName(pair.items().get(1).asText());
        if (mode != null) { // a mode from a newer client: that one entry is dropped
          modes.put(RoomKey.of(Bytes.of(pair.items().get(0).asBytes())), mode);
        }
      }
      return new BackupContents(ids, order, modes);
    } catch (RuntimeException e) {
      return null; // a missing field, a wrong type: the whole file is refused, nothing restored
    }
  }
}
