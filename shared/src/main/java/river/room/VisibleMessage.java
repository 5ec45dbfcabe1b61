package river.room;

import java.util.ArrayList;
import java.util.List;
import river.cbor.ReadOnly;

/**
 * One message as a reader sees it after every action is applied: the original id, author and time;
 * the current content (the author's latest edit, or the original); whether it was edited; the id it
 * replies to (null for none; the target may no longer be in the room); and the reactions still
 * standing, each the REACT message itself (author + sealed emoji).
 */
public final class VisibleMessage {
  private final RoomMessage original;
  private final SealedBytes content;
  private final boolean edited;
  private final List<RoomMessage> reactions;

  VisibleMessage(
      RoomMessage original, SealedBytes content, boolean edited, List<RoomMessage> reactions) {
    this.original = original;
    this.content = content;
    this.edited = edited;
    this.reactions = ReadOnly.list(new ArrayList<RoomMessage>(reactions));
  }

  public byte[] id() {
    return original.id();
  }

  public byte[] author() {
    return original.author();
  }

  public long time() {
    return original.time();
  }

  public SealedBytes content() {
    return content;
  }

  public boolean edited() {
    return edited;
  }

  /** The replied-to message id, or null. */
  public byte[] replyTo() {
    return original.kind() == MessageKind.REPLY ? original.target() : null;
  }

  public List<RoomMessage> reactions() {
    return reactions;
  }
}
