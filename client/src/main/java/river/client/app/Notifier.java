package river.client.app;

import elemental2.core.JsDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import river.actions.ActionLink;
import river.chat.Attention;
import river.chat.DmThreads;
import river.chat.Mentions;
import river.chat.Names;
import river.chat.NewArrivals;
import river.chat.NotifyRule;
import river.chat.ReadMarks;
import river.client.app.ui.NotificationsButton;
import river.client.app.ui.RoomListView;
import river.engine.TabSession;
import river.room.DirectMessage;
import river.room.MessageView;
import river.room.RoomState;
import river.room.VisibleMessage;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.Base58;

/**
 * The app's side of system notifications: every room state that reaches this tab is compared with
 * the room's previous one ({@link NewArrivals}), and each message that arrived live is judged by
 * {@link NotifyRule}; those that notify go to the shell ({@code notify}), which alone can show them
 * and makes sure one tab of the profile does. Also the {@code notifications-enable} button (the
 * shell asks the browser) and the shell's {@code notification-click} (open that room).
 *
 * <p>A room's direct messages are compared the same way ({@link NewArrivals#arrivedDirect}: only
 * those sent to the user): one counts like a mention, is titled with its sender's name and carries
 * the sender as the notification's peer, so a click opens that conversation. Its text is opened
 * with the user's key in the background; the notification waits for it (a DM this tab cannot open
 * does not notify).
 *
 * <p>Whether a message is unread is taken when it arrives, before this tab marks a shown room read
 * (a visible tab must still tell its shell, whose claim then keeps hidden tabs quiet). A private
 * room's text is decrypted in the background: such a message waits until it can be read (the rule
 * needs the text for mentions, the notification shows it), for at most {@link #WAIT_TEXT_MS}.
 */
final class Notifier {
  /** How long a message whose text is being decrypted may wait; then it is dropped. */
  static final int WAIT_TEXT_MS = 30_000;

  interface RoomNames {
    String name(RoomKey key);
  }

  interface Opener {
    void open(RoomKey key);
  }

  interface DirectOpener {
    void open(RoomKey key, byte[] peer);
  }

  /** Opens a direct message's text with the user's key (asynchronously). */
  interface DirectReader {
    void read(
        RoomKey key,
        RoomState state,
        DirectMessage m,
        ActionLink.Then<String> then,
        ActionLink.Fail fail);
  }

  private static final class Candidate {
    final RoomKey room;
    final VisibleMessage message;
    final boolean unread;
    final double arrivedAt;

    Candidate(RoomKey room, VisibleMessage message, boolean unread, double arrivedAt) {
      this.room = room;
      this.message = message;
      this.unread = unread;
      this.arrivedAt = arrivedAt;
    }
  }

  private final ShellLink shell;
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final Texts texts;
  private final RoomNames names;
  private final NewArrivals<RoomKey> arrivals = new NewArrivals<>();
  private final List<Candidate> waiting = new ArrayList<>();
  private final NotificationsButton button;
  private final Opener opener;
  private final DirectOpener directOpener;
  private final DirectReader reader;

  Notifier(
      ShellLink shell,
      TabSession session,
      RoomHydrator hydrator,
      Texts texts,
      RoomNames names,
      Opener opener,
      DirectOpener directOpener,
      DirectReader reader) {
    this.opener = opener;
    this.directOpener = directOpener;
    this.reader = reader;
    this.shell = shell;
    this.session = session;
    this.hydrator = hydrator;
    this.texts = texts;
    this.names = names;
    this.button = new NotificationsButton(shell::enableNotifications);
  }

  NotificationsButton button() {
    return button;
  }

  /** The shell's permission state, for the button. */
  void onPermission(String state) {
    button.show(state);
  }

  /**
   * The user clicked a notification of {@code room} (base58): this tab opens that room, or with a
   * {@code peer} (base58, a direct message's sender) the conversation with them there.
   */
  void onClick(String room, String peer) {
    for (RoomKey key : session.rooms().map().keySet()) {
      if (RoomListView.keyText(key).equals(room)) {
        byte[] member = peer == null ? null : keyOrNull(peer);
        if (member != null) {
          directOpener.open(key, member);
        } else {
          opener.open(key);
        }
        return;
      }
    }
  }

  private static byte[] keyOrNull(String peer) {
    try {
      byte[] key = Base58.decode(peer);
      return key.length == 32 ? key : null; // an Ed25519 verifying key
    } catch (IllegalArgumentException notAKey) {
      return null;
    }
  }

  /** A room's new state reached this tab: remember what arrived in it live. */
  void onRoomState(RoomKey key, RoomState state) {
    RoomData data = session.rooms().room(key);
    if (data == null) {
      arrivals.forget(key);
      return;
    }
    double now = JsDate.now();
    for (VisibleMessage m : arrivals.arrived(key, MessageView.of(state))) {
      waiting.add(new Candidate(key, m, ReadMarks.newer(m.time(), m.id(), data.lastRead()), now));
    }
    byte[] self = data.verifyingKey().toArray();
    for (DirectMessage m : arrivals.arrivedDirect(key, state.directMessages(), self)) {
      // Judged as it arrives (unread before a visible tab marks it read, under the room's mode
      // then); only one that notifies has its text opened, which may take a moment.
      NotifyRule.Arrival arrival =
          new NotifyRule.Arrival()
              .own(Arrays.equals(m.sender(), self))
              .direct(true)
              .live(true)
              .unread(DmThreads.isUnread(m, data));
      if (NotifyRule.notifies(session.rooms().notificationModes().get(key), arrival)) {
        reader.read(
            key,
            state,
            m,
            text -> notifyDirect(key, m, text),
            problem -> {}); // a DM this tab cannot open does not notify
      }
    }
    flush();
  }

  private void notifyDirect(RoomKey key, DirectMessage m, String text) {
    RoomData data = session.rooms().room(key);
    RoomState state = hydrator.state(key);
    if (data == null || state == null) {
      return; // the room left this tab
    }
    Names people = Names.of(state, sb -> texts.readOrNull(data, sb));
    String sender = people.of(m.sender());
    shell.notify(
        RoomListView.keyText(key),
        Base58.encode(m.id()),
        NotifyRule.title(names.name(key), sender, true),
        NotifyRule.body(sender, text, nicknames(people)),
        Base58.encode(m.sender()));
  }

  /** Sends what can be judged now (texts decrypted meanwhile); called on every render too. */
  void flush() {
    if (waiting.isEmpty()) {
      return;
    }
    double now = JsDate.now();
    for (Iterator<Candidate> it = waiting.iterator(); it.hasNext(); ) {
      Candidate c = it.next();
      RoomData data = session.rooms().room(c.room);
      RoomState state = hydrator.state(c.room);
      if (data == null || state == null) {
        it.remove(); // the room left this tab
        continue;
      }
      String text = texts.readOrNull(data, c.message.content());
      if (text == null && c.message.content().isPrivate() && now - c.arrivedAt < WAIT_TEXT_MS) {
        continue; // still being decrypted
      }
      it.remove();
      judge(c, data, state, text);
    }
  }

  private void judge(Candidate c, RoomData data, RoomState state, String text) {
    byte[] self = data.verifyingKey().toArray();
    VisibleMessage m = c.message;
    List<VisibleMessage> visible = MessageView.of(state);
    NotificationMode mode = session.rooms().notificationModes().get(c.room);
    NotifyRule.Arrival arrival =
        new NotifyRule.Arrival()
            .own(Arrays.equals(m.author(), self))
            .mention(Attention.mentionsMe(text, Base58.encode(self), data.nickname()))
            .replyToMine(Attention.repliesToMine(m, visible, self))
            .direct(false) // a room message; direct messages are judged in judgeDirect
            .live(true)
            .unread(c.unread);
    if (!NotifyRule.notifies(mode, arrival)) {
      return;
    }
    Names people = Names.of(state, sb -> texts.readOrNull(data, sb));
    String sender = people.of(m.author());
    shell.notify(
        RoomListView.keyText(c.room),
        Base58.encode(m.id()),
        NotifyRule.title(names.name(c.room), sender, false),
        NotifyRule.body(sender, text, nicknames(people)),
        null);
  }

  private static Mentions.Nicknames nicknames(Names people) {
    return key -> {
      try {
        return people.nickname(Base58.decode(key));
      } catch (IllegalArgumentException notAKey) {
        return null;
      }
    };
  }
}
