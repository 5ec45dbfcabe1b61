package river.room;

/**
 * Ed25519 verification, supplied by the runtime: the node implements it with the JDK; the browser
 * does not verify (it trusts the node it talks to) and never calls the validating functions. Kept
 * as an interface because J2CL has no java.security.
 */
public interface SignatureVerifier {
  /**
   * True when {@code signature64} is a valid signature of {@code message} by {@code publicKey32}.
   */
  boolean verify(byte[] publicKey32, byte[] message, byte[] signature64);
}
