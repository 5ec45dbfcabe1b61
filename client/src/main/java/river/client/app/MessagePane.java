package river.client.app;

import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.actions.Compose;
import river.actions.OutboxQueue;
import river.cbor.Utf8;
import river.chat.Names;
import river.chat.RoomSecrets;
import river.client.app.ui.Composer;
import river.client.app.ui.MessageListView;
import river.client.app.ui.RoomListView;
import river.engine.TabSession;
import river.room.Invitation;
import river.room.MessageKind;
import river.room.MessageView;
import river.room.PendingMessage;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.VisibleMessage;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.store.Base58;

/**
 * The shown room's conversation: the message list (room state plus this tab's outbox entries not
 * yet in it), the composer with its reply / edit modes, and reactions. Composed messages go to the
 * {@link Outbox}; private rooms' contents are sealed first. Refusals (size, membership) come back
 * as text for the composer.
 */
final class MessagePane {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final Outbox outbox;
  private final Texts texts;
  private final RoomCipher cipher;
  private final ScreenHost host;
  private final MessageListView messages =
      new MessageListView(
          new MessageListView.Listener() {
            @Override
            public void onReply(String id) {
              editing = null;
              replyingTo = id;
              composer.setMode("Replying to a message", null, () -> replyingTo = null);
            }

            @Override
            public void onEdit(String id, String currentText) {
              replyingTo = null;
              editing = id;
              composer.setMode("Editing your message", currentText, () -> editing = null);
            }

            @Override
            public void onDelete(String id) {
              host.act(() -> sendAction(MessageKind.DELETE, id, ""));
            }

            @Override
            public void onReact(String id, String emoji) {
              host.act(() -> react(id, emoji));
            }

            @Override
            public void onPermalink(String id) {
              RoomKey current = host.shown();
              if (current != null) {
                links.copy(current, id);
              }
            }
          });
  private MessageLinks links = MessageLinks.NONE;
  private final Composer composer = new Composer(this::send);

  /** Base58 ids of the message the composer replies to / edits, or null. */
  private String replyingTo;

  private String editing;

  MessagePane(
      TabSession session,
      RoomHydrator hydrator,
      Outbox outbox,
      Texts texts,
      RoomCipher cipher,
      ScreenHost host) {
    this.session = session;
    this.hydrator = hydrator;
    this.outbox = outbox;
    this.texts = texts;
    this.cipher = cipher;
    this.host = host;
  }

  /** The tab's address: which message to mark, and copying a message's link. */
  void setLinks(MessageLinks links) {
    this.links = links;
  }

  HTMLElement messagesElement() {
    return messages.element();
  }

  HTMLElement composerElement() {
    return composer.element();
  }

  /** Another room is shown: a half-made reply or edit belongs to the old one. */
  void resetModes() {
    editing = null;
    replyingTo = null;
    composer.clearMode();
  }

  /** The composer's send: null when the message went out, else why it was refused. */
  private String send(String text) {
    MessageKind kind =
        editing != null
            ? MessageKind.EDIT
            : replyingTo != null ? MessageKind.REPLY : MessageKind.TEXT;
    String target = editing != null ? editing : replyingTo;
    String refused = sendAction(kind, target, text);
    if (refused == null) {
      resetModes();
    }
    return refused;
  }

  /** Composes and queues a message of any kind in the shown room; null when queued. */
  private String sendAction(MessageKind kind, String targetId, String text) {
    Rooms rooms = session.rooms();
    RoomKey current = host.shown();
    if (current == null || !rooms.holds(current)) {
      return "Open a room first.";
    }
    RoomData data = rooms.room(current);
    RoomState state = hydrator.state(current);
    byte[] target = targetId == null ? null : Base58.decode(targetId);
    byte[] plain = Utf8.encode(text);
    boolean isPrivate = state != null && state.config() != null && state.config().isPrivate();
    try {
      if (!isPrivate) {
        outbox.add(
            Compose.message(
                current, data, state, now(), kind, target, SealedBytes.publicBytes(plain)));
        return null;
      }
      // Check membership and size now, with a stand-in of the sealed size, so refusals are
      // immediate.
      // the newest version this user holds (a rotation may not have reached them yet)
      Invitation.RoomSecret newest =
          RoomSecrets.forSealing(data.invitationSecrets(), state.secretVersion());
      long version = newest == null ? state.config().secretVersion() : newest.version();
      Compose.message(
          current,
          data,
          state,
          now(),
          kind,
          target,
          SealedBytes.privateBytes(new byte[plain.length + 16], new byte[12], version));
      cipher.seal(
          true,
          newest == null ? null : newest.secret(),
          version,
          plain,
          ciphertext -> {
            try {
              outbox.add(
                  Compose.message(
                      current, data, hydrator.state(current), now(), kind, target, ciphertext));
            } catch (IllegalArgumentException refused) {
              host.problem(refused.getMessage());
            }
          },
          problem -> host.problem("Your message was not sent: " + problem));
      return null;
    } catch (IllegalArgumentException refused) {
      return refused.getMessage();
    }
  }

  /** Toggles the user's reaction: withdraws their REACT with this emoji, else adds one. */
  private void react(String id, String emoji) {
    RoomKey current = host.shown();
    RoomState state = current == null ? null : hydrator.state(current);
    if (state == null) {
      return;
    }
    byte[] me = session.rooms().room(current).verifyingKey().toArray();
    for (VisibleMessage m : MessageView.of(state)) {
      if (!Base58.encode(m.id()).equals(id)) {
        continue;
      }
      for (RoomMessage r : m.reactions()) {
        if (Arrays.equals(r.author(), me)
            && emoji.equals(texts.read(session.rooms().room(current), r.content()))) {
          refused(sendAction(MessageKind.UNREACT, Base58.encode(r.id()), ""));
          return;
        }
      }
    }
    refused(sendAction(MessageKind.REACT, id, emoji));
  }

  private void refused(String why) {
    if (why != null) {
      host.problem(why);
    }
  }

  /** Draws the conversation of {@code current}, a room this tab holds. */
  void render(RoomKey current) {
    RoomState state = hydrator.state(current);
    RoomData data = session.rooms().room(current);
    List<MessageListView.Row> rows = new ArrayList<>();
    Names names = Names.of(state, sb -> texts.readOrNull(data, sb));
    Set<String> shownIds = new HashSet<>();
    byte[] me = data.verifyingKey().toArray();
    if (state != null) {
      List<VisibleMessage> visible = MessageView.of(state);
      Map<String, VisibleMessage> byId = new HashMap<>();
      for (VisibleMessage m : visible) {
        byId.put(Base58.encode(m.id()), m);
      }
      for (VisibleMessage m : visible) {
        String id = Base58.encode(m.id());
        shownIds.add(id);
        rows.add(row(m, id, byId, names, data, me));
      }
    }
    addPending(rows, current, state, shownIds, names, data);
    String mark = links.highlight(current);
    boolean found =
        messages.render(RoomListView.keyText(current), rows, mark, links.scrollToHighlight());
    if (mark != null) {
      links.drawn(current, state != null, found);
    }
  }

  private MessageListView.Row row(
      VisibleMessage m,
      String id,
      Map<String, VisibleMessage> byId,
      Names names,
      RoomData data,
      byte[] me) {
    MessageListView.Row row =
        new MessageListView.Row(
                id, names.of(m.author()), texts.read(data, m.content()), false, m.edited())
            .own(Arrays.equals(m.author(), me));
    if (m.replyTo() != null) {
      VisibleMessage quoted = byId.get(Base58.encode(m.replyTo()));
      if (quoted == null) {
        row.replyTo(null, "a message that is no longer here");
      } else {
        row.replyTo(names.of(quoted.author()), snippet(texts.read(data, quoted.content())));
      }
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    Set<String> mine = new HashSet<>();
    for (RoomMessage r : m.reactions()) {
      String emoji = texts.read(data, r.content());
      int[] c = counts.get(emoji);
      if (c == null) {
        counts.put(emoji, c = new int[1]);
      }
      c[0]++;
      if (Arrays.equals(r.author(), me)) {
        mine.add(emoji);
      }
    }
    for (Map.Entry<String, int[]> c : counts.entrySet()) {
      row.reaction(
          new MessageListView.Reaction(c.getKey(), c.getValue()[0], mine.contains(c.getKey())));
    }
    return row;
  }

  private static long now() {
    return (long) elemental2.core.JsDate.now();
  }

  /** This tab's outbox entries for the room that the room state does not show yet. */
  private void addPending(
      List<MessageListView.Row> rows,
      RoomKey current,
      RoomState state,
      Set<String> shownIds,
      Names names,
      RoomData data) {
    byte[] room = current.bytes().toArray();
    for (OutboxQueue.Entry e : outbox.entries()) {
      if (!Arrays.equals(PendingMessage.room(e.unsigned), room)) {
        continue;
      }
      if (PendingMessage.deliveredIn(state, e.unsigned)) {
        outbox.deliveredByRoom(e.key); // shown through the room state from now on
        continue;
      }
      MessageKind kind = e.unsigned.kind();
      if (kind != MessageKind.TEXT && kind != MessageKind.REPLY) {
        if (e.deliveredId != null) {
          outbox.forget(e.key); // actions show through the room state once delivered
        }
        continue;
      }
      if (e.deliveredId != null && shownIds.contains(e.deliveredId)) {
        outbox.forget(e.key); // the room has it now; silent: we are rendering
        continue;
      }
      boolean pending = e.deliveredId == null;
      rows.add(
          new MessageListView.Row(
              pending ? e.key : e.deliveredId,
              names.of(e.unsigned.author()),
              texts.read(data, e.unsigned.content()),
              pending,
              false));
    }
  }

  static String snippet(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
