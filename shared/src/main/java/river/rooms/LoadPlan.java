package river.rooms;

import java.util.ArrayList;
import java.util.List;
import river.cbor.ReadOnly;

/**
 * The pure load decision from the current delegate's key list (DESIGN "Loading" step 1): any
 * `room:` keys or `rooms_meta` → PER_ROOM; only a `rooms_data` blob → MIGRATE_BLOB; nothing →
 * PROBE_LEGACY. PER_ROOM additionally resumes an unfinished migration when the migration was
 * started (or a blob sits next to the per-room keys) and "done" was never recorded; without that,
 * rooms not yet re-saved when a migration was interrupted would be stranded for good.
 */
public final class LoadPlan {
  public enum Kind {
    PER_ROOM,
    MIGRATE_BLOB,
    PROBE_LEGACY
  }

  private final Kind kind;
  private final List<RoomKey> roomKeys;
  private final boolean hasMeta;
  private final boolean resumeMigration;
  private final boolean currentBlob;

  private LoadPlan(
      Kind kind, List<RoomKey> roomKeys, boolean hasMeta, boolean resume, boolean currentBlob) {
    this.kind = kind;
    this.roomKeys = ReadOnly.list(new ArrayList<RoomKey>(roomKeys));
    this.hasMeta = hasMeta;
    this.resumeMigration = resume;
    this.currentBlob = currentBlob;
  }

  public static LoadPlan fromKeys(List<String> keys) {
    List<RoomKey> rooms = RoomStorageKeys.roomKeysIn(keys);
    boolean meta = keys.contains(RoomStorageKeys.ROOMS_META);
    boolean blob = keys.contains(RoomStorageKeys.ROOMS_DATA);
    boolean started = keys.contains(RoomStorageKeys.MIGRATION_STARTED);
    boolean done = keys.contains(RoomStorageKeys.MIGRATION_DONE);
    if (!rooms.isEmpty() || meta) {
      boolean resume = !done && (started || blob);
      return new LoadPlan(Kind.PER_ROOM, rooms, meta, resume, blob);
    }
    if (blob) {
      return new LoadPlan(Kind.MIGRATE_BLOB, rooms, false, false, true);
    }
    return new LoadPlan(Kind.PROBE_LEGACY, rooms, false, false, false);
  }

  public Kind kind() {
    return kind;
  }

  /** The rooms whose slots to read (PER_ROOM). */
  public List<RoomKey> roomKeys() {
    return roomKeys;
  }

  public boolean hasMeta() {
    return hasMeta;
  }

  /** PER_ROOM only: also read the old sources and finish the migration. */
  public boolean resumeMigration() {
    return resumeMigration;
  }

  /** The current delegate holds a `rooms_data` blob to migrate from. */
  public boolean currentBlob() {
    return currentBlob;
  }

  /** Whether loading this plan ends in a migration re-save (and a "done" marker). */
  public boolean migrates() {
    return kind != Kind.PER_ROOM || resumeMigration;
  }

  /** Also what the tab logs when a load migrates (TabSession), so the browser keeps it. */
  @Override
  public String toString() {
    return kind + (resumeMigration ? "+resume" : "") + " rooms=" + roomKeys.size();
  }
}
