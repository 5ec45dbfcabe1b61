package river.rooms;

/**
 * Per-room notification preference kept in rooms_meta. The wire names follow upstream River (serde
 * unit variants), so {@link #wireName()} is the text stored in CBOR. Hazard: an unknown name from a
 * newer client must not crash a load, so {@link #fromWireName} returns null for it and callers drop
 * that single entry.
 */
public enum NotificationMode {
  ALL("All"),
  MENTIONS("MentionsAndReplies"),
  MUTED("Muted");

  private final String wireName;

  NotificationMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The mode with this wire name, or null when the name is unknown. */
  public static NotificationMode fromWireName(String name) {
    for (NotificationMode m : values()) {
      if (m.wireName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
