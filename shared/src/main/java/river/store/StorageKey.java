package river.store;

import java.util.Arrays;

/** A parsed delegate storage key: a room slot (with its owner key), rooms_meta or rooms_data. */
public final class StorageKey {
  public enum Kind {
    ROOM,
    ROOMS_META,
    ROOMS_DATA
  }

  private final Kind kind;
  private final byte[] ownerKey;

  StorageKey(Kind kind, byte[] ownerKey) {
    this.kind = kind;
    this.ownerKey = ownerKey;
  }

  public Kind kind() {
    return kind;
  }

  /** The room owner's 32-byte verifying key (ROOM only). */
  public byte[] ownerKey() {
    if (kind != Kind.ROOM) {
      throw new IllegalStateException(kind + " has no owner key");
    }
    return Arrays.copyOf(ownerKey, ownerKey.length);
  }

  /** The key as stored: UTF-8 bytes of its text. */
  public byte[] toBytes() {
    switch (kind) {
      case ROOM: return StorageKeys.room(ownerKey);
      case ROOMS_META: return StorageKeys.roomsMeta();
      default: return StorageKeys.roomsData();
    }
  }
}
