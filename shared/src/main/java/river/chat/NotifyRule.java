package river.chat;

import river.nav.TabTitle;
import river.rooms.NotificationMode;

/**
 * Whether a message that just reached a tab calls for a system notification, and the words of that
 * notification. Pure; the app decides and the shell shows ({@code client/.../shell/Notifications}).
 *
 * <p>A message notifies only when it is news: someone else wrote it, it arrived live (after this
 * tab had the room's state, so a tab loading a room's history never notifies its backlog) and it is
 * still unread (another tab of the profile may already have read past it). Then the room's mode
 * decides, as for the tab title ({@link Attention}): everything with {@code ALL} (or no mode set),
 * with {@code MENTIONS} a mention of the user, a reply to one of the user's messages or a direct
 * message (direct messages count like mentions), nothing when {@code MUTED}.
 *
 * <p>The words are another person's text shown outside the page, where nothing isolates it: the
 * title (the room's name; in a direct conversation the sender's) and the body ({@code sender:
 * text}, mentions shown as {@code @nickname}) go through {@link TabTitle#clean}: no controls, no
 * bidi overrides, one line, cut with an ellipsis.
 */
public final class NotifyRule {
  private NotifyRule() {}

  /** A title longer than this is cut: system notifications show one short line. */
  public static final int MAX_TITLE_CHARS = 60;

  /** A body longer than this is cut: enough to tell what the message is about. */
  public static final int MAX_BODY_CHARS = 140;

  /** What a tab knows of one arrived message. */
  public static final class Arrival {
    boolean own;
    boolean mention;
    boolean replyToMine;
    boolean direct;
    boolean live;
    boolean unread;

    /** The user wrote it (in this tab or another, or on another device). */
    public Arrival own(boolean v) {
      own = v;
      return this;
    }

    /** It mentions the user ({@link Attention#mentionsMe}). */
    public Arrival mention(boolean v) {
      mention = v;
      return this;
    }

    /** It replies to one of the user's messages. */
    public Arrival replyToMine(boolean v) {
      replyToMine = v;
      return this;
    }

    /** It is a direct message to the user. */
    public Arrival direct(boolean v) {
      direct = v;
      return this;
    }

    /** It arrived after this tab had the room's state (not part of the history it loaded). */
    public Arrival live(boolean v) {
      live = v;
      return this;
    }

    /** It is newer than the room's last-read mark when it arrived. */
    public Arrival unread(boolean v) {
      unread = v;
      return this;
    }
  }

  /** Whether {@code arrival}, in a room with {@code mode} (null: never set, i.e. all), notifies. */
  public static boolean notifies(NotificationMode mode, Arrival arrival) {
    if (arrival.own || !arrival.live || !arrival.unread || mode == NotificationMode.MUTED) {
      return false;
    }
    if (mode == null || mode == NotificationMode.ALL) {
      return true;
    }
    return arrival.mention || arrival.replyToMine || arrival.direct;
  }

  /** The notification's title: the room's name, or in a direct conversation the sender's. */
  public static String title(String roomName, String sender, boolean direct) {
    String title = TabTitle.clean(direct ? sender : roomName, MAX_TITLE_CHARS);
    return title.isEmpty() ? TabTitle.APP : title;
  }

  /**
   * The notification's body: {@code sender: text}, the text without its markup ({@link
   * MessageSpans#plain}) and {@code <@KEY>} mentions shown as {@code @nickname} ({@link
   * Mentions#decode}).
   */
  public static String body(String sender, String storedText, Mentions.Nicknames nicknames) {
    String stored = MessageSpans.plain(storedText == null ? "" : storedText);
    String text = Mentions.decode(stored, nicknames).text;
    return TabTitle.clean(sender + ": " + text, MAX_BODY_CHARS);
  }
}
