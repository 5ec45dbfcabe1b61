package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.actions.Compose;
import river.cbor.Utf8;
import river.chat.Mentions;
import river.chat.Names;
import river.chat.PlainErrors;
import river.chat.ReadMarks;
import river.chat.RoomSecrets;
import river.chat.Roster;
import river.client.app.ui.Composer;
import river.client.app.ui.MessageListView;
import river.client.app.ui.MessageRow;
import river.client.app.ui.RoomListView;
import river.engine.TabSession;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.MessageKind;
import river.room.MessageView;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.VisibleMessage;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.store.Base58;

/**
 * The shown room's conversation: the message list (its rows from {@link ConversationRows}), the
 * composer with its reply / edit modes, its per-room draft ({@link Drafts}) and its mentions, and
 * reactions. Composed messages go to the {@link Outbox}; private rooms' contents are sealed first.
 * Refusals (size, membership) come back as text for the composer.
 */
final class MessagePane {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final Outbox outbox;
  private final Texts texts;
  private final RoomCipher cipher;
  private final ScreenHost host;
  private final Drafts drafts;
  private final ConversationRows conversationRows;
  private final MessageListView messages =
      new MessageListView(
          new MessageListView.Listener() {
            @Override
            public void onReply(String id) {
              if (editing != null) {
                stopEditing(); // the edit's text is not a reply: the draft comes back
              }
              replyingTo = id;
              composer.setMode("Replying to a message", null, () -> replyingTo = null, nicknames);
            }

            @Override
            public void onEdit(String id, String currentText) {
              replyingTo = null;
              editing = id;
              composer.setMode(
                  "Editing your message", currentText, MessagePane.this::stopEditing, nicknames);
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
            public void onAcceptInvitation(String code) {
              host.offerInvitation(code);
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
  private final Composer composer =
      new Composer(
          new Composer.Listener() {
            @Override
            public String onSend(String text) {
              return send(text);
            }

            @Override
            public void onDraft(String text) {
              RoomKey current = host.shown();
              if (current == null || editing != null) {
                return; // an edit's text is not the room's draft
              }
              if (restoreDraft) {
                restoreDraft = false;
                composer.setText(drafts.get(current), nicknames);
              } else {
                drafts.put(current, text);
              }
            }

            @Override
            public void onResize() {
              messages.keepAtBottom();
            }
          },
          this::mentionable);

  /** The shown room's members by key, for mentions (refreshed on every render). */
  private Map<String, String> memberNames = new HashMap<>();

  private final Mentions.Nicknames nicknames = key -> memberNames.get(key);

  /** The room whose draft the composer holds. */
  private RoomKey composerRoom;

  private boolean restoreDraft;

  /** Base58 ids of the message the composer replies to / edits, or null. */
  private String replyingTo;

  private String editing;

  /** The room whose state a sent text waits for (it stays in the composer), or null. */
  private RoomKey heldFor;

  MessagePane(
      TabSession session,
      RoomHydrator hydrator,
      Outbox outbox,
      Texts texts,
      RoomCipher cipher,
      Drafts drafts,
      ScreenHost host) {
    this.drafts = drafts;
    this.conversationRows = new ConversationRows(outbox, texts);
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
    heldFor = null; // the waiting text stays the old room's draft
    composer.release();
    if (editing != null) {
      stopEditing();
    }
    editing = null;
    replyingTo = null;
    composer.clearMode();
  }

  /** Leaving an edit puts the room's draft back, which the edit's text had replaced. */
  private void stopEditing() {
    editing = null;
    RoomKey current = host.shown();
    composer.setText(current == null ? "" : drafts.get(current), nicknames);
  }

  /** The drafts arrived from the shell: an untouched composer takes the shown room's. */
  void draftsLoaded() {
    RoomKey current = host.shown();
    if (current != null && composer.isEmpty() && editing == null) {
      composer.setText(drafts.get(current), nicknames);
    }
  }

  /** The shown room's current members but the user, for mention suggestions. */
  private List<Mentions.Member> mentionable() {
    List<Mentions.Member> out = new ArrayList<>();
    RoomKey current = host.shown();
    RoomState state = current == null ? null : hydrator.state(current);
    if (state == null) {
      return out;
    }
    byte[] me = session.rooms().room(current).verifyingKey().toArray();
    for (byte[] member : Roster.shown(state)) {
      String key = Base58.encode(member);
      if (!Arrays.equals(member, me) && memberNames.containsKey(key)) {
        out.add(new Mentions.Member(key, memberNames.get(key)));
      }
    }
    return out;
  }

  /** The composer's send: null when the message went out, else why it was refused. */
  private String send(String text) {
    RoomKey current = host.shown();
    if (editing == null
        && current != null
        && Compose.waitsForState(
            session.rooms().room(current), hydrator.state(current), hydrator.answered(current))) {
      heldFor = current; // sent by render() when the state comes
      composer.hold("Sends as soon as this room has loaded.");
      return Composer.HELD;
    }
    MessageKind kind =
        editing != null
            ? MessageKind.EDIT
            : replyingTo != null ? MessageKind.REPLY : MessageKind.TEXT;
    String target = editing != null ? editing : replyingTo;
    String refused = sendAction(kind, target, text);
    if (refused == null) {
      messages.followOwn();
      // After an edit the composer empties; the room's draft, set aside, comes back then.
      restoreDraft = editing != null;
      editing = null;
      replyingTo = null;
      composer.clearMode();
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
          problem -> host.problem(PlainErrors.failed(PlainErrors.Action.SEND, problem)));
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
    if (current.equals(heldFor)
        && !Compose.waitsForState(data, state, hydrator.answered(current))) {
      heldFor = null;
      DomGlobal.setTimeout( // after this render, if the room is still the one shown
          ignored -> {
            if (current.equals(host.shown()) && editing == null) {
              composer.sendHeld();
            } else {
              composer.release();
            }
          },
          0);
    }
    Names names = Names.of(state, sb -> texts.readOrNull(data, sb));
    memberNames = new HashMap<>();
    if (state != null) {
      for (MemberInfo info : state.memberInfo()) {
        memberNames.put(Base58.encode(info.member()), names.of(info.member()));
      }
    }
    if (!current.equals(composerRoom)) {
      composerRoom = current;
      if (editing == null) {
        composer.setText(drafts.get(current), nicknames);
      }
    }
    List<MessageRow> rows = conversationRows.of(current, state, data, names, nicknames);
    String mark = links.highlight(current);
    boolean found =
        messages.render(
            RoomListView.keyText(current),
            rows,
            nicknames,
            mark,
            links.scrollToHighlight(),
            unreadDivider(current, state, data));
    if (mark != null) {
      links.drawn(current, state != null, found);
    }
  }

  /** The room whose "New messages" divider is decided, and the message it goes before, or null. */
  private RoomKey dividerRoom;

  private String dividerBefore;

  /**
   * Where the divider goes: decided once each time a room is opened (with its state), from the read
   * mark it had then, before this render lets the tab mark the room read; kept while it stays open.
   */
  private String unreadDivider(RoomKey current, RoomState state, RoomData data) {
    if (!current.equals(dividerRoom) && state != null && data != null) {
      dividerRoom = current;
      byte[] first =
          ReadMarks.firstUnread(
              MessageView.of(state), data.lastRead(), data.verifyingKey().toArray());
      dividerBefore = first == null ? null : Base58.encode(first);
    }
    return current.equals(dividerRoom) ? dividerBefore : null;
  }

  /** The room is no longer shown: opening it again decides its divider again. */
  void resetDivider() {
    dividerRoom = null;
  }

  private static long now() {
    return (long) elemental2.core.JsDate.now();
  }
}
