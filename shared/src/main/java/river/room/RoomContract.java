package river.room;

/**
 * The room contract as pure functions over bytes, what the node runs for Put and Update: decode,
 * validate against the current state, merge. The contract key is the owner's 32-byte verifying
 * key. Everything refused is a {@link RoomValidationException} and leaves the given state as it
 * was (states are immutable).
 */
public final class RoomContract {
  public static final int KEY_BYTES = 32;

  private RoomContract() {}

  /** Put: {@code stateBytes} (RoomDelta shape, config required) merged into {@code current}
   *  (the empty room for a new contract). */
  public static RoomState put(RoomState current, byte[] stateBytes, SignatureVerifier verifier) {
    RoomDelta delta = RoomDelta.decode(stateBytes);
    if (delta.config == null) {
      throw new RoomValidationException("a room state needs a configuration");
    }
    return apply(current, delta, verifier);
  }

  /** Update: a delta merged into an existing room. */
  public static RoomState update(RoomState current, byte[] deltaBytes,
      SignatureVerifier verifier) {
    if (current.config == null) {
      throw new RoomValidationException("no such room: put its state first");
    }
    return apply(current, RoomDelta.decode(deltaBytes), verifier);
  }

  public static RoomState apply(RoomState current, RoomDelta delta, SignatureVerifier verifier) {
    RoomValidator.validate(current, delta, verifier);
    return RoomMerge.merge(current, delta);
  }
}
