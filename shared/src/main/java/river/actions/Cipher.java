package river.actions;

import river.room.SealedBytes;

/**
 * The host's cryptography for private rooms (WebCrypto in the browser): seal with the room secret
 * of a version, and make a fresh secret. Public rooms never reach it (the engine wraps plain bytes
 * itself). Answers may come later (WebCrypto is promise-based); exactly one of the two callbacks is
 * called.
 */
public interface Cipher {
  interface Sealed {
    void accept(SealedBytes sealed);
  }

  void seal(byte[] secret, long version, byte[] plain, Sealed then, ActionLink.Fail fail);

  /** A fresh random room secret (32 bytes), or null when this host cannot make private rooms. */
  byte[] newSecret();
}
