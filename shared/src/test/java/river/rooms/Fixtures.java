package river.rooms;

/** Small builders for test rooms: room n has owner key filled with byte n. */
public final class Fixtures {
  private Fixtures() {}

  public static RoomKey key(int n) {
    return RoomKey.of(Bytes.filled(32, n));
  }

  /** Room n with an identity of the given generation (keys derived from n and the generation). */
  public static RoomData room(int n, long identityGeneration) {
    return RoomData.builder(key(n))
        .signingKey(Bytes.ofInts(0x51, n, (int) identityGeneration))
        .verifyingKey(Bytes.ofInts(0x56, n, (int) identityGeneration))
        .membership(Bytes.ofInts(0x4d, n, (int) identityGeneration))
        .identityGeneration(identityGeneration)
        .contractKey(Bytes.ofInts(0xc0, n))
        .nickname("user" + n)
        .nicknameVersion(1)
        .build();
  }

  public static RoomData room(int n) {
    return room(n, 1);
  }
}
