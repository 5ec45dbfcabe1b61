package river.client.app;

import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import river.actions.DmTexts;
import river.chat.DmThreads;
import river.chat.Names;
import river.chat.ReadMarks;
import river.client.app.ui.DmConversationView;
import river.client.app.ui.DmListView;
import river.client.app.ui.Dom;
import river.client.app.ui.RoomListView;
import river.room.DirectMessage;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.store.Base58;

/**
 * Direct messages in the tab (docs/private-rooms.md, "Direct messages"): the threads beside the
 * rooms ({@link DmListView}, from {@link DmThreads} over every room's state) and the open
 * conversation ({@link DmConversationView}), which takes the place of the room's message list and
 * composer while it is open. Texts are opened through the actions engine (the member's key in the
 * room data) and kept per message id; sending, deleting and read marks are engine calls. Every tab
 * redraws from the room states the node pushes, so a thread is live in all tabs of both users.
 */
final class DmPane {
  private final SessionDriver driver;
  private final RoomHydrator hydrator;
  private final ActionDriver actions;
  private final Texts texts;
  private final ScreenHost host;
  private final Function<RoomKey, String> roomNames;
  private final Runnable rerender;
  private final DmListView list;
  private final DmConversationView conversation;
  private final DmInvitations invitations;

  /** Opened texts by DM id (base58), and the ids being opened now. */
  private final Map<String, String> opened = new HashMap<>();

  private final Set<String> opening = new HashSet<>();

  /**
   * Ids this tab could not open, with how many keys the room data held then: tried again once the
   * user's keys change (a tab can see a DM before the key pair another tab stored reaches it).
   */
  private final Map<String, Integer> unopened = new HashMap<>();

  private int unread;
  private RoomKey openRoom;
  private Bytes openPeer;
  private HTMLElement chat;
  private HTMLElement roomMessages;
  private HTMLElement roomComposer;

  DmPane(
      SessionDriver driver,
      RoomHydrator hydrator,
      ActionDriver actions,
      Texts texts,
      ScreenHost host,
      Function<RoomKey, String> roomNames,
      Runnable rerender) {
    this.driver = driver;
    this.hydrator = hydrator;
    this.actions = actions;
    this.texts = texts;
    this.host = host;
    this.roomNames = roomNames;
    this.rerender = rerender;
    this.invitations = new DmInvitations(driver, hydrator, actions, host, roomNames);
    this.list =
        new DmListView(
            new DmListView.Listener() {
              @Override
              public void onOpen(String room, String peer) {
                host.openDirect(RoomKey.of(Bytes.of(Base58.decode(room))), Base58.decode(peer));
              }

              @Override
              public void onHide(String room, String peer) {
                hide(RoomKey.of(Bytes.of(Base58.decode(room))), Bytes.of(Base58.decode(peer)));
              }
            });
    this.conversation =
        new DmConversationView(
            new DmConversationView.Listener() {
              @Override
              public String onSend(String text) {
                return send(text);
              }

              @Override
              public void onDelete(String id) {
                delete(id);
              }

              @Override
              public void onClose() {
                close();
                rerender.run();
              }

              @Override
              public void redraw() {
                rerender.run();
              }

              @Override
              public List<String[]> inviteRooms() {
                return invitations.rooms(openRoom);
              }

              @Override
              public void onInviteTo(String roomKey) {
                if (openRoom != null) {
                  RoomKey dmRoom = openRoom; // bound now: the user may move on meanwhile
                  byte[] peer = openPeer.toArray();
                  invitations.send(
                      RoomKey.of(Bytes.of(Base58.decode(roomKey))),
                      text -> sendTo(dmRoom, peer, text));
                }
              }

              @Override
              public void onAcceptInvitation(String code) {
                host.offerInvitation(code);
              }
            });
  }

  HTMLElement listElement() {
    return list.element();
  }

  /** Where the conversation goes: the chat part and the room's own list and composer in it. */
  void placeIn(HTMLElement chat, HTMLElement roomMessages, HTMLElement roomComposer) {
    this.chat = chat;
    this.roomMessages = roomMessages;
    this.roomComposer = roomComposer;
  }

  void open(RoomKey room, Bytes peer) {
    boolean changed = !room.equals(openRoom) || !peer.equals(openPeer);
    openRoom = room;
    openPeer = peer;
    if (changed) {
      conversation.reset();
    }
    swap(roomMessages, conversation.element());
    swap(roomComposer, conversation.composerElement());
    conversation.focus();
  }

  void close() {
    if (openRoom == null) {
      return;
    }
    openRoom = null;
    openPeer = null;
    swap(conversation.element(), roomMessages);
    swap(conversation.composerElement(), roomComposer);
  }

  /** Unread direct messages across all threads, as of the last render (for the tab title). */
  int unread() {
    return unread;
  }

  boolean isOpen() {
    return openRoom != null;
  }

  /** Exactly one of the two is in the page: two {@code message-list}s would confuse everyone. */
  private void swap(HTMLElement out, HTMLElement in) {
    if (chat != null && out.parentNode == chat) {
      chat.replaceChild(in, out);
    }
  }

  void render(Rooms rooms) {
    List<DmThreads.Room> all = new ArrayList<>();
    for (RoomKey key : rooms.map().keySet()) {
      all.add(new DmThreads.Room(key, rooms.room(key), hydrator.state(key)));
    }
    List<DmThreads.Conversation> threads = DmThreads.of(all);
    unread = DmThreads.unreadTotal(threads);
    List<DmListView.Row> rows = new ArrayList<>();
    for (DmThreads.Conversation t : DmThreads.listed(threads, openRoom, openPeer)) {
      rows.add(
          new DmListView.Row(
              RoomListView.keyText(t.room),
              Base58.encode(t.peer.toArray()),
              nameOf(t.room, rooms.room(t.room), t.peer.toArray()),
              roomNames.apply(t.room),
              t.unread,
              t.room.equals(openRoom) && t.peer.equals(openPeer)));
    }
    list.render(rows);
    if (openRoom == null) {
      return;
    }
    if (!rooms.holds(openRoom)) {
      close();
      return;
    }
    DmThreads.Conversation open = DmThreads.find(threads, openRoom, openPeer);
    List<DmConversationView.Row> shown = new ArrayList<>();
    RoomData data = rooms.room(openRoom);
    if (open != null) {
      for (DirectMessage m : open.messages) {
        shown.add(
            new DmConversationView.Row(
                Base58.encode(m.id()), nameOf(openRoom, data, m.sender()), m.time(), textOf(m)));
      }
      markRead(open, data);
    }
    conversation.render(
        nameOf(openRoom, data, openPeer.toArray()), roomNames.apply(openRoom), shown);
  }

  private String nameOf(RoomKey room, RoomData data, byte[] member) {
    RoomState state = hydrator.state(room);
    if (state == null || data == null) {
      return Names.shortKey(Base58.encode(member));
    }
    return Names.of(state, sb -> texts.readOrNull(data, sb)).of(member);
  }

  /** The opened text, or what shows while it opens (or when this tab cannot open it). */
  private String textOf(DirectMessage m) {
    final String id = Base58.encode(m.id());
    String text = opened.get(id);
    if (text != null) {
      return text;
    }
    RoomData data = driver.session().rooms().room(openRoom);
    final int keys = data == null ? 0 : data.invitationSecrets().size();
    Integer failedWith = unopened.get(id);
    if (failedWith != null && failedWith == keys) {
      return DmTexts.CANNOT_OPEN;
    }
    if (opening.add(id)) {
      actions
          .actions()
          .readDirect(
              openRoom,
              hydrator.state(openRoom),
              m,
              t -> {
                opening.remove(id);
                opened.put(id, t);
                rerender.run();
              },
              problem -> {
                opening.remove(id);
                unopened.put(id, keys);
                rerender.run();
              });
    }
    return Texts.DECRYPTING;
  }

  /**
   * Hides a thread up to its newest message (every tab of the profile saves and hears it); the open
   * conversation closes when it is the one hidden.
   */
  private void hide(RoomKey room, Bytes peer) {
    Rooms rooms = driver.session().rooms();
    RoomData data = rooms.room(room);
    RoomState state = hydrator.state(room);
    if (data == null || state == null) {
      return;
    }
    List<DmThreads.Conversation> threads =
        DmThreads.of(java.util.Arrays.asList(new DmThreads.Room(room, data, state)));
    DmThreads.Conversation t = DmThreads.find(threads, room, peer);
    if (t == null) {
      return;
    }
    driver.session().hideDm(room, peer, DmThreads.markOf(t.newest()));
    driver.pump();
    if (room.equals(openRoom) && peer.equals(openPeer)) {
      close();
    }
    rerender.run();
  }

  /** The shown thread counts as read while the tab is visible. */
  private void markRead(DmThreads.Conversation open, RoomData data) {
    if (!Dom.pageVisible()) {
      return;
    }
    LastRead mark = ReadMarks.advance(DmThreads.markOf(open.newest()), data.dmRead(openPeer));
    if (mark != null) {
      driver.session().markDmRead(openRoom, openPeer, mark);
      driver.pump();
    }
  }

  private String send(String text) {
    if (openRoom == null) {
      return "Open a conversation first.";
    }
    return sendTo(openRoom, openPeer.toArray(), text);
  }

  /** Sends {@code text} to {@code peer} in {@code room}; null when taken, else why not. */
  private String sendTo(RoomKey room, byte[] peer, String text) {
    final String[] refused = new String[1];
    final String peerName = nameOf(room, driver.session().rooms().room(room), peer);
    host.act(
        () ->
            refused[0] =
                actions
                    .actions()
                    .sendDirect(
                        room,
                        hydrator.state(room),
                        peer,
                        peerName,
                        text,
                        actions.outbox(),
                        problem -> host.problem(problem)));
    return refused[0];
  }

  private void delete(String id) {
    RoomKey room = openRoom;
    RoomState state = room == null ? null : hydrator.state(room);
    if (state == null) {
      return;
    }
    for (DirectMessage m : state.directMessages()) {
      if (Base58.encode(m.id()).equals(id)) {
        host.act(
            () -> {
              String refused =
                  actions.actions().deleteDirect(room, state, m, problem -> host.problem(problem));
              if (refused != null) {
                host.problem(refused);
              }
            });
        return;
      }
    }
  }
}
