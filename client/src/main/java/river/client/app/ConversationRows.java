package river.client.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import river.actions.OutboxQueue;
import river.chat.Mentions;
import river.chat.MessageSpans;
import river.chat.Names;
import river.client.app.ui.MessageRow;
import river.room.MessageKind;
import river.room.MessageView;
import river.room.PendingMessage;
import river.room.RoomMessage;
import river.room.RoomState;
import river.room.VisibleMessage;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.Base58;

/**
 * The rows the message list shows for a room: its visible messages (texts opened, replies with
 * their quote, reactions with who reacted), then this tab's outbox entries the room state does not
 * show yet. Settles the outbox on the way: an entry the room state holds is done.
 */
final class ConversationRows {
  private final Outbox outbox;
  private final Texts texts;

  ConversationRows(Outbox outbox, Texts texts) {
    this.outbox = outbox;
    this.texts = texts;
  }

  List<MessageRow> of(
      RoomKey current, RoomState state, RoomData data, Names names, Mentions.Nicknames nicknames) {
    List<MessageRow> rows = new ArrayList<>();
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
        rows.add(row(m, id, byId, names, data, me, nicknames));
      }
    }
    addPending(rows, current, state, shownIds, names, data);
    return rows;
  }

  private MessageRow row(
      VisibleMessage m,
      String id,
      Map<String, VisibleMessage> byId,
      Names names,
      RoomData data,
      byte[] me,
      Mentions.Nicknames nicknames) {
    MessageRow row =
        new MessageRow(
                id,
                Base58.encode(m.author()),
                names.of(m.author()),
                texts.read(data, m.content()),
                m.time(),
                false,
                m.edited())
            .own(Arrays.equals(m.author(), me));
    if (m.replyTo() != null) {
      String quotedId = Base58.encode(m.replyTo());
      VisibleMessage quoted = byId.get(quotedId);
      if (quoted == null) {
        row.replyTo(null, "a message that is no longer here", null);
      } else {
        row.replyTo(
            names.of(quoted.author()),
            snippet(
                Mentions.decode(MessageSpans.plain(texts.read(data, quoted.content())), nicknames)
                    .text),
            quotedId);
      }
    }
    Map<String, List<String>> who = new LinkedHashMap<>();
    Set<String> mine = new HashSet<>();
    for (RoomMessage r : m.reactions()) {
      String emoji = texts.read(data, r.content());
      List<String> names1 = who.get(emoji);
      if (names1 == null) {
        who.put(emoji, names1 = new ArrayList<>());
      }
      boolean isMe = Arrays.equals(r.author(), me);
      names1.add(isMe ? "you" : names.of(r.author()));
      if (isMe) {
        mine.add(emoji);
      }
    }
    for (Map.Entry<String, List<String>> c : who.entrySet()) {
      row.reaction(new MessageRow.Reaction(c.getKey(), c.getValue(), mine.contains(c.getKey())));
    }
    return row;
  }

  /** This tab's outbox entries for the room that the room state does not show yet. */
  private void addPending(
      List<MessageRow> rows,
      RoomKey current,
      RoomState state,
      Set<String> shownIds,
      Names names,
      RoomData data) {
    byte[] room = current.bytes().toArray();
    for (OutboxQueue.Entry e : outbox.entries()) {
      if (e.unsigned == null || !Arrays.equals(PendingMessage.room(e.unsigned), room)) {
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
          new MessageRow(
              pending ? e.key : e.deliveredId,
              Base58.encode(e.unsigned.author()),
              names.of(e.unsigned.author()),
              texts.read(data, e.unsigned.content()),
              e.unsigned.time(),
              pending,
              false));
    }
  }

  static String snippet(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
