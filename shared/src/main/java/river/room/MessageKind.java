package river.room;

/**
 * What a message does. TEXT is a plain message; the others reference a target message id (the
 * target's signature): REPLY quotes it, EDIT replaces its text and DELETE hides it (both only when
 * the actor wrote the target), REACT adds the actor's emoji (the content) to it, and UNREACT
 * targets a REACT message of the same actor and withdraws it (by id, so it works for encrypted
 * emoji too). {@link MessageView} applies these rules. The wire name is the lower-case text, stable
 * forever (hazard: renaming an enum constant must not change signed bytes, so names are spelled out
 * instead of derived).
 */
public enum MessageKind {
  TEXT("text"),
  REPLY("reply"),
  EDIT("edit"),
  DELETE("delete"),
  REACT("react"),
  UNREACT("unreact");

  private final String wireName;

  MessageKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean hasTarget() {
    return this != TEXT;
  }

  static MessageKind fromWire(String name) {
    for (MessageKind k : values()) {
      if (k.wireName.equals(name)) {
        return k;
      }
    }
    throw new RoomValidationException("unknown message kind");
  }
}
