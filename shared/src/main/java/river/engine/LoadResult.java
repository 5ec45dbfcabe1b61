package river.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import river.cbor.ReadOnly;
import river.rooms.LoadPlan;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.Rooms;
import river.rooms.RoomsMeta;

/**
 * What a finished load found: the merged Rooms to show, the current delegate's slots and meta as
 * read (they seed the tab's slot cache: only what was really read from the current store may count
 * as "seen"), whether the load must be followed by a migration re-save, and whether that migration
 * may be recorded as done (not when a legacy source could not be read).
 */
public final class LoadResult {
  private final LoadPlan plan;
  private final Rooms rooms;
  private final SortedMap<RoomKey, RoomSlot> currentSlots;
  private final SortedMap<RoomKey, Long> currentGenerations;
  private final RoomsMeta currentMeta;
  private final long currentMetaGeneration;
  private final boolean migrate;
  private final boolean migrationCanComplete;
  private final List<String> problems;

  /**
   * Takes {@code currentSlots} and {@code currentGenerations} as they are, without copies (two
   * copies of 500 entries were ~3 % of a 500-room load's work): the flow that built them hands them
   * over and no longer changes them.
   */
  LoadResult(
      LoadPlan plan,
      Rooms rooms,
      SortedMap<RoomKey, RoomSlot> currentSlots,
      SortedMap<RoomKey, Long> currentGenerations,
      RoomsMeta currentMeta,
      long currentMetaGeneration,
      boolean migrate,
      boolean migrationCanComplete,
      List<String> problems) {
    this.plan = plan;
    this.rooms = rooms;
    this.currentSlots = ReadOnly.sortedMap(currentSlots);
    this.currentGenerations = ReadOnly.sortedMap(currentGenerations);
    this.currentMeta = currentMeta;
    this.currentMetaGeneration = currentMetaGeneration;
    this.migrate = migrate;
    this.migrationCanComplete = migrationCanComplete;
    this.problems = ReadOnly.list(new ArrayList<String>(problems));
  }

  public LoadPlan plan() {
    return plan;
  }

  public Rooms rooms() {
    return rooms;
  }

  public SortedMap<RoomKey, RoomSlot> currentSlots() {
    return currentSlots;
  }

  /** The store generation a current slot was read at (0 when unknown: read by a plain Get). */
  public long currentGeneration(RoomKey key) {
    Long g = currentGenerations.get(key);
    return g == null ? 0 : g;
  }

  /** The generation rooms_meta was read at (0 when absent or unknown). */
  public long currentMetaGeneration() {
    return currentMetaGeneration;
  }

  /** The current delegate's rooms_meta as read, or null. */
  public RoomsMeta currentMeta() {
    return currentMeta;
  }

  public boolean migrate() {
    return migrate;
  }

  public boolean migrationCanComplete() {
    return migrationCanComplete;
  }

  /** Values that could not be read (reported, skipped). */
  public List<String> problems() {
    return problems;
  }
}
