package river.actions;

/**
 * What the owner typed in a room's details, as typed: the name, the description and three limits as
 * the text of their fields (parsed and checked by the action, which says in words what does not
 * fit). A null field keeps the room's current value.
 */
public final class SettingsEdit {
  public final String name;
  public final String description;
  public final String maxMembers;
  public final String maxMessageBytes;
  public final String maxRecentMessages;

  public SettingsEdit(
      String name,
      String description,
      String maxMembers,
      String maxMessageBytes,
      String maxRecentMessages) {
    this.name = name;
    this.description = description;
    this.maxMembers = maxMembers;
    this.maxMessageBytes = maxMessageBytes;
    this.maxRecentMessages = maxRecentMessages;
  }

  /** A new name and nothing else: a rename. */
  public static SettingsEdit rename(String name) {
    return new SettingsEdit(name, null, null, null, null);
  }
}
