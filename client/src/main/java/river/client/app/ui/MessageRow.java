package river.client.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One message as the list shows it: what {@link MessageItemView} draws, all of it text. */
public final class MessageRow {
  /** One reaction chip: an emoji, who reacted (display names, "you" for the user), yours. */
  public static final class Reaction {
    final String emoji;
    final List<String> who;
    final boolean mine;

    public Reaction(String emoji, List<String> who, boolean mine) {
      this.emoji = emoji;
      this.who = who;
      this.mine = mine;
    }
  }

  final String id;
  final String authorKey;
  final String author;
  final String text;
  final long time;
  final boolean pending;
  final boolean edited;
  boolean own;

  /** The quoted message's author (user text), or null when the quote is a note of ours. */
  String replyAuthor;

  String replyTo;

  /** The id of the message a reply quotes, when it is still there (the quote jumps to it). */
  String replyToId;

  final List<Reaction> reactions = new ArrayList<>();

  public MessageRow(
      String id,
      String authorKey,
      String author,
      String text,
      long time,
      boolean pending,
      boolean edited) {
    this.id = id;
    this.authorKey = authorKey;
    this.author = author;
    this.text = text;
    this.time = time;
    this.pending = pending;
    this.edited = edited;
  }

  public MessageRow own(boolean value) {
    own = value;
    return this;
  }

  /**
   * {@code author} null: {@code quoted} is our own wording (e.g. the message is gone); {@code id}
   * the quoted message's id when it is shown.
   */
  public MessageRow replyTo(String author, String quoted, String id) {
    replyAuthor = author;
    replyTo = quoted;
    replyToId = id;
    return this;
  }

  public MessageRow reaction(Reaction r) {
    reactions.add(r);
    return this;
  }

  /**
   * Whether {@code o} draws exactly as this row does: every field the item shows or its controls
   * act on. The list keeps an unchanged message's element (and with it a selection, a focus or an
   * open actions bar inside it) only when this holds, so a field left out here would leave a stale
   * message on screen.
   */
  boolean drawsLike(MessageRow o) {
    return id.equals(o.id)
        && Objects.equals(authorKey, o.authorKey)
        && Objects.equals(author, o.author)
        && Objects.equals(text, o.text)
        && time == o.time
        && pending == o.pending
        && edited == o.edited
        && own == o.own
        && Objects.equals(replyAuthor, o.replyAuthor)
        && Objects.equals(replyTo, o.replyTo)
        && Objects.equals(replyToId, o.replyToId)
        && sameReactions(o.reactions);
  }

  private boolean sameReactions(List<Reaction> other) {
    if (reactions.size() != other.size()) {
      return false;
    }
    for (int i = 0; i < reactions.size(); i++) {
      Reaction a = reactions.get(i);
      Reaction b = other.get(i);
      if (!a.emoji.equals(b.emoji) || a.mine != b.mine || !a.who.equals(b.who)) {
        return false;
      }
    }
    return true;
  }
}
