package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;
import static river.e2e.ChatSteps.message;
import static river.e2e.ChatSteps.roomItem;
import static river.e2e.ChatSteps.send;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.identity.BackupCipher;
import river.identity.BackupContents;
import river.identity.ProfileBackup;
import river.store.Base58;

/**
 * The encrypted profile backup: made in one browser profile (a public and a private room), restored
 * in a fresh profile, every room is back and postable as the same member; a wrong passphrase is
 * refused and restores nothing.
 */
class BackupIT extends NodeAndBrowser {
  static final LocatorAssertions.IsVisibleOptions KDF =
      new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

  @TempDir Path files;
  Tab a;
  Tab fresh;

  @BeforeEach
  void open() throws Exception {
    BrowserContext one = browser.newContext();
    BrowserContext two = browser.newContext();
    a = new Tab(one.newPage()).open(node.url());
    loaded(a);
    fresh = new Tab(two.newPage()).open(node.url());
    loaded(fresh);
  }

  /** Before the fixture closes the node and the browser. */
  @AfterEach
  void noErrors() {
    for (Tab t : List.of(a, fresh)) {
      assertEquals(List.of(), t.errors());
    }
  }

  static Locator in(Locator item, String testId) {
    return item.locator("[data-testid=" + testId + "]");
  }

  /** Makes a backup in {@code t} and returns the file it offers to save. */
  Path backup(Tab t, String passphrase) throws Exception {
    t.appHook("backup-open").click();
    assertThat(t.appHook("backup-passphrase")).isFocused();
    t.appHook("backup-passphrase").fill(passphrase);
    t.appHook("backup-create").click();
    assertThat(t.appHook("backup-download")).isVisible(KDF);
    assertTrue(t.appHook("backup-download").getAttribute("download").endsWith(".backup"));
    String href = t.appHook("backup-download").getAttribute("href");
    String prefix = "data:application/octet-stream;base64,";
    assertTrue(href.startsWith(prefix), href);
    Path file = files.resolve("river-profile.backup");
    Files.write(file, Base64.getDecoder().decode(href.substring(prefix.length())));
    t.appHook("backup-passphrase").press("Escape");
    assertThat(t.appHook("backup-passphrase")).isHidden();
    return file;
  }

  void restore(Tab t, Path file, String passphrase) {
    t.appHook("restore-open").click();
    t.appHook("restore-file").setInputFiles(file);
    t.appHook("restore-passphrase").fill(passphrase);
    t.appHook("restore-submit").click();
  }

  @Test
  void aBackupRestoredInAFreshProfileBringsBackEveryRoomPostableAsTheSameMember() throws Exception {
    String lobby = create(a, "Lobby", "alice");
    send(a, "before the backup");
    a.appHook("create-room-open").click();
    a.appHook("create-room-name").fill("Secret");
    a.appHook("create-room-nickname").fill("alice");
    a.appHook("create-room-private").check();
    a.appHook("create-room-submit").click();
    assertThat(a.appHook("room-item")).hasCount(2);
    String secret = ChatSteps.currentRoomKey(a);
    send(a, "private before");
    assertThat(message(a, "private before")).hasCount(1);

    Path file = backup(a, "correct horse battery");
    byte[] bytes = Files.readAllBytes(file);
    assertEquals("RIVERBKP", new String(bytes, 0, 8));
    // WebCrypto's file opens with javax.crypto: the format is the documented one, not the
    // browser's.
    BackupContents[] opened = new BackupContents[1];
    ProfileBackup.open(bytes, "correct horse battery", new JvmCipher(), (c, r) -> opened[0] = c);
    assertEquals(2, opened[0].identities().size());
    assertEquals(
        java.util.Set.of(lobby, secret),
        java.util.Set.of(
            Base58.encode(opened[0].identities().get(0).room().bytes().toArray()),
            Base58.encode(opened[0].identities().get(1).room().bytes().toArray())));

    // A wrong passphrase: refused in plain words, nothing restored.
    restore(fresh, file, "wrong horse battery");
    assertThat(fresh.appHook("restore-error")).isVisible(KDF);
    assertThat(fresh.appHook("restore-error")).containsText("passphrase is wrong");
    assertThat(fresh.appHook("room-item")).hasCount(0);

    fresh.appHook("restore-passphrase").fill("correct horse battery");
    fresh.appHook("restore-submit").click();
    assertThat(fresh.appHook("restore-status")).containsText("2 rooms restored");
    fresh.appHook("restore-passphrase").press("Escape");
    assertThat(fresh.appHook("room-item")).hasCount(2);
    assertThat(roomItem(fresh, secret).locator("[data-testid=room-name]")).hasText("Secret");

    roomItem(fresh, lobby).click();
    assertThat(message(fresh, "before the backup")).hasCount(1);
    send(fresh, "restored and posting");
    roomItem(a, lobby).click();
    assertThat(in(message(a, "restored and posting"), "message-author")).hasText("alice");
    roomItem(fresh, secret).click();
    assertThat(message(fresh, "private before")).hasCount(1);
    send(fresh, "private after restore");
    roomItem(a, secret).click();
    assertThat(in(message(a, "private after restore"), "message-author")).hasText("alice");

    // Restoring again changes nothing and says so.
    restore(fresh, file, "correct horse battery");
    assertThat(fresh.appHook("restore-status")).containsText("2 rooms you already had");
    assertThat(fresh.appHook("room-item")).hasCount(2);
  }

  /** PBKDF2WithHmacSHA256 + AES/GCM/NoPadding; opening only. */
  static final class JvmCipher implements BackupCipher {
    @Override
    public void seal(String p, byte[] s, int i, byte[] iv, byte[] aad, byte[] plain, Done then) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void open(String p, byte[] s, int i, byte[] iv, byte[] aad, byte[] sealed, Done then) {
      try {
        byte[] key =
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(p.toCharArray(), s, i, 256))
                .getEncoded();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad);
        then.done(c.doFinal(sealed));
      } catch (Exception e) {
        then.done(null);
      }
    }
  }

  @Test
  void aFileThatIsNotABackupIsRefused() throws Exception {
    Path junk = files.resolve("notes.txt");
    Files.writeString(junk, "these are not the rooms you are looking for, not at all, no");
    restore(fresh, junk, "whatever passphrase");
    assertThat(fresh.appHook("restore-error")).containsText("not a River profile backup");
    assertThat(fresh.appHook("room-item")).hasCount(0);
  }
}
