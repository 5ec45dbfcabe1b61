package river.identity;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The backup cipher port on the JVM: PBKDF2WithHmacSHA256 + AES/GCM/NoPadding (javax.crypto). */
final class JvmBackupCipher implements BackupCipher {
  int derivations;

  private SecretKeySpec key(String passphrase, byte[] salt, int iterations) throws Exception {
    derivations++;
    byte[] k =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256))
            .getEncoded();
    return new SecretKeySpec(k, "AES");
  }

  private byte[] run(int mode, String pass, byte[] salt, int it, byte[] iv, byte[] aad, byte[] in)
      throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key(pass, salt, it), new GCMParameterSpec(128, iv));
    c.updateAAD(aad);
    return c.doFinal(in);
  }

  @Override
  public void seal(
      String passphrase, byte[] salt, int it, byte[] iv, byte[] aad, byte[] plain, Done then) {
    try {
      then.done(run(Cipher.ENCRYPT_MODE, passphrase, salt, it, iv, aad, plain));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void open(
      String passphrase, byte[] salt, int it, byte[] iv, byte[] aad, byte[] sealed, Done then) {
    byte[] out;
    try {
      out = run(Cipher.DECRYPT_MODE, passphrase, salt, it, iv, aad, sealed);
    } catch (Exception e) {
      out = null; // AEADBadTagException: wrong passphrase or altered bytes
    }
    then.done(out);
  }
}
