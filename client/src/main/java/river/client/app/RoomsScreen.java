package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.List;
import jsinterop.base.Js;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import river.room.PendingMessage;
import river.chat.Bans;
import river.chat.Names;
import river.chat.RoomSecrets;
import river.chat.ReadMarks;
import river.client.app.ui.Composer;
import river.client.app.ui.CreateRoomDialog;
import river.client.app.ui.MessageListView;
import river.client.app.ui.InviteDialog;
import river.client.app.ui.JoinDialog;
import river.client.app.ui.MembersView;
import river.room.AuthorizedMember;
import river.room.MessageKind;
import river.room.MessageView;
import river.room.RoomMessage;
import river.room.VisibleMessage;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.store.Base58;
import river.client.app.ui.Dom;
import river.client.app.ui.ErrorBanner;
import river.client.app.ui.LoadBanner;
import river.client.app.ui.RoomHeaderView;
import river.client.app.ui.RoomListView;
import river.cbor.Utf8;
import river.engine.SaveReport;
import river.room.RoomState;
import river.room.SealedBytes;
import river.engine.TabSession;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;
import river.rooms.RoomListOrder;
import river.rooms.Rooms;

/**
 * The rooms screen: sidebar (create, room list) and the current room's header, bound to the
 * tab's {@link TabSession}. Every user action becomes one session call (which asks for a
 * coalesced save); every change of ROOMS, whether made here or learned from another tab,
 * re-renders from the session's state. Names come from the room contracts when known.
 */
final class RoomsScreen implements TabSession.Listener, RoomListView.Listener, RoomHeaderView.Listener, Outbox.Listener {
  private final SessionDriver driver;
  private final TabSession session;
  private final LoadBanner loadBanner;
  private final ErrorBanner errorBanner = new ErrorBanner();
  private final RoomListView list = new RoomListView(this);
  private final RoomHeaderView header = new RoomHeaderView(this);
  private final CreateRoomDialog createDialog;
  private final HTMLElement roomPane = Dom.el("section", "room-pane");
  private final HTMLElement emptyPane = Dom.text("p", "empty-pane", "Create a room or join one with an invitation.");
  private final RoomHydrator hydrator;
  private final RoomCreator creator;
  /**
   * The room this tab shows. The stored current room (rooms_meta) picks it while the tab shows
   * none; after that only this tab's own clicks change it, so opening a room in one tab does not
   * yank another tab away from the conversation it is showing.
   */
  private RoomKey shown;
  /** When this tab first listed each room (epoch ms): the benchmark reads it as data-listed-at. */
  private final java.util.Map<RoomKey, Double> firstListed = new java.util.HashMap<>();
  private boolean loadedStamped;
  private boolean hydratedStamped;
  private final Outbox outbox;
  private final MessageListView messages = new MessageListView(new MessageListView.Listener() {
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
      act(() -> sendAction(MessageKind.DELETE, id, ""));
    }

    @Override
    public void onReact(String id, String emoji) {
      act(() -> react(id, emoji));
    }
  });
  /** Base58 ids of the message the composer replies to / edits, or null. */
  private String replyingTo;
  private String editing;
  private final Composer composer = new Composer(this::send);
  private final RoomMembership membership;
  private final InviteDialog inviteDialog = new InviteDialog();
  private final JoinDialog joinDialog;
  private final MembersView members = new MembersView(new MembersView.Listener() {
    @Override
    public String onNickname(String nickname) {
      return saveNickname(nickname);
    }

    @Override
    public void onBan(String memberKey) {
      Rooms rooms = session.rooms();
      RoomKey current = shown;
      if (current != null && rooms.holds(current)) {
        act(() -> membership.ban(current, rooms.room(current), Base58.decode(memberKey),
            problem -> errorBanner.show("The ban did not go through: " + problem)));
      }
    }
  });
  private final HTMLElement notice = Dom.hook("p", "room-notice", "room-notice");
  private final RoomCipher cipher = new RoomCipher();
  private final Texts texts = new Texts(cipher, this::rerender);

  private final ShellLink shell;
  private int shownTotal = -1;

  RoomsScreen(SessionDriver driver, NodeLink node, ShellLink shell, HTMLElement bar, HTMLElement host) {
    this.driver = driver;
    this.shell = shell;
    this.outbox = new Outbox(shell, node, this);
    this.session = driver.session();
    this.hydrator = new RoomHydrator(node, new RoomHydrator.Listener() {
      @Override
      public void onRoomState(RoomKey key, RoomState state) {
        renderSoon();
      }

      @Override
      public void onRoomUnavailable(RoomKey key, String reason) {
        // Listed from the user's own store but not (or not yet) on this node: keep listing it.
        DomGlobal.console.warn("River: room " + RoomListView.keyText(key) + " unavailable: " + reason);
        renderSoon();
      }
    });
    NodeCalls calls = new NodeCalls(node);
    this.creator = new RoomCreator(calls, driver, cipher);
    this.membership = new RoomMembership(calls, driver, cipher);
    this.joinDialog = new JoinDialog(this::join);
    this.loadBanner = new LoadBanner(driver::retryLoad);
    this.createDialog = new CreateRoomDialog((name, nickname, isPrivate) -> {
      act(() -> creator.create(name, nickname, isPrivate, this::show,
          message -> errorBanner.show("Could not create the room: " + message)));
    });
    session.setListener(this);
    bar.appendChild(loadBanner.element());
    bar.appendChild(errorBanner.element());

    HTMLElement layout = Dom.el("div", "layout");
    HTMLElement sidebar = Dom.el("nav", "sidebar");
    HTMLButtonElement create = Js.uncheckedCast(Dom.hook("button", "primary", "create-room-open"));
    create.type = "button";
    create.textContent = "New room";
    create.addEventListener("click", e -> createDialog.open());
    HTMLElement sideActions = Dom.el("div", "side-actions");
    sideActions.appendChild(create);
    HTMLButtonElement join = Js.uncheckedCast(Dom.hook("button", "secondary", "join-open"));
    join.type = "button";
    join.textContent = "Join with code";
    join.addEventListener("click", e -> joinDialog.open(null));
    sideActions.appendChild(join);
    sidebar.appendChild(sideActions);
    sidebar.appendChild(list.element());
    sidebar.appendChild(Dom.text("p", "hint", "Drag rooms, or Alt+↑/↓, to reorder."));
    roomPane.appendChild(header.element());
    HTMLElement body = Dom.el("div", "room-body");
    HTMLElement chat = Dom.el("div", "chat-column");
    chat.appendChild(messages.element());
    chat.appendChild(notice);
    chat.appendChild(composer.element());
    body.appendChild(chat);
    body.appendChild(members.element());
    roomPane.appendChild(body);
    // A room counts as read only while its tab is visible: coming back marks it read.
    DomGlobal.document.addEventListener("visibilitychange", e -> render(session.rooms()));
    layout.appendChild(sidebar);
    layout.appendChild(roomPane);
    layout.appendChild(emptyPane);
    host.appendChild(layout);
    host.appendChild(createDialog.element());
    host.appendChild(inviteDialog.element());
    host.appendChild(joinDialog.element());
    render(session.rooms());
  }

  RoomHydrator hydrator() {
    return hydrator;
  }

  // --- TabSession.Listener -------------------------------------------------------------

  @Override
  public void onLoadState(TabSession.LoadState state, String detail) {
    loadBanner.show(state.name().toLowerCase(), detail);
    render(session.rooms());
  }

  @Override
  public void onRoomsChanged(Rooms before, Rooms after) {
    render(after);
  }

  @Override
  public void onSaveFinished(SaveReport report) {
    if (!report.errors().isEmpty()) {
      errorBanner.show("Some changes could not be saved yet: " + report.errors().get(0));
    }
  }

  @Override
  public void onProblem(String message) {
    errorBanner.show(message);
  }

  // --- user actions ----------------------------------------------------------------------

  @Override
  public void onSelect(RoomKey key) {
    shown = key;
    editing = null;
    replyingTo = null;
    composer.clearMode();
    act(() -> session.setCurrentRoom(key));
    render(session.rooms());
  }

  /** A room this tab just created or joined becomes the one it shows. */
  void show(RoomKey key) {
    shown = key;
    render(session.rooms());
  }

  @Override
  public void onReorder(List<RoomKey> newOrder) {
    act(() -> session.setOrder(newOrder));
  }

  @Override
  public void onModeChange(NotificationMode mode) {
    RoomKey current = shown;
    if (current != null) {
      act(() -> session.setMode(current, mode));
    }
  }

  @Override
  public void onLeave() {
    RoomKey current = shown;
    if (current != null) {
      act(() -> session.leave(current));
    }
  }

  @Override
  public void onInvite() {
    RoomKey current = shown;
    if (current == null || !session.rooms().holds(current)) {
      return;
    }
    RoomData data = session.rooms().room(current);
    act(() -> {
      inviteDialog.opening();
      membership.invite(current, data, code -> inviteDialog.show(code, inviteLink(code)), problem -> {
        inviteDialog.close();
        errorBanner.show("Could not create an invitation: " + problem);
      });
    });
  }

  /** A link to the shell (the app's URL has the shell's origin) that opens the join dialog. */
  static String inviteLink(String code) {
    return DomGlobal.location.origin + "/?invitation=" + code;
  }

  /** An {@code ?invitation=} link opened the app: offer to join, pre-filled. */
  void offerInvitation(String code) {
    joinDialog.open(code);
  }

  private void join(String code, String nickname) {
    TabSession.LoadState s = session.loadState();
    if (s != TabSession.LoadState.LOADED && s != TabSession.LoadState.MIGRATING) {
      joinDialog.refuse("Your rooms are still loading; try again in a moment.");
      return;
    }
    act(() -> membership.join(code, nickname, joined -> {
      joinDialog.close();
      show(joined);
    }, joinDialog::refuse));
  }

  private String saveNickname(String nickname) {
    Rooms rooms = session.rooms();
    RoomKey current = shown;
    if (current == null || !rooms.holds(current)) {
      return "Open a room first.";
    }
    return membership.setNickname(current, rooms.room(current), hydrator.state(current), nickname,
        problem -> errorBanner.show("Your nickname was not saved: " + problem));
  }

  /** The composer's send: null when the message went out, else why it was refused. */
  private String send(String text) {
    Rooms rooms = session.rooms();
    RoomKey current = shown;
    if (current == null || !rooms.holds(current)) {
      return "Open a room first.";
    }
    MessageKind kind = editing != null ? MessageKind.EDIT : replyingTo != null ? MessageKind.REPLY : MessageKind.TEXT;
    String target = editing != null ? editing : replyingTo;
    String refused = sendAction(kind, target, text);
    if (refused == null) {
      editing = null;
      replyingTo = null;
      composer.clearMode();
    }
    return refused;
  }

  /** Composes and queues a message of any kind in the current room; null when queued. */
  private String sendAction(MessageKind kind, String targetId, String text) {
    Rooms rooms = session.rooms();
    RoomKey current = shown;
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
        outbox.add(MessageSender.compose(current, data, state, kind, target, SealedBytes.publicBytes(plain)));
        return null;
      }
      // Check membership and size now, with a stand-in of the sealed size, so refusals are immediate.
      long version = state.config().secretVersion();
      MessageSender.compose(current, data, state, kind, target,
          SealedBytes.privateBytes(new byte[plain.length + 16], new byte[12], version));
      cipher.seal(true, RoomSecrets.find(data.invitationSecrets(), version), version, plain, sealed -> {
        try {
          outbox.add(MessageSender.compose(current, data, hydrator.state(current), kind, target, sealed));
        } catch (IllegalArgumentException refused) {
          errorBanner.show(refused.getMessage());
        }
      }, problem -> errorBanner.show("Your message was not sent: " + problem));
      return null;
    } catch (IllegalArgumentException refused) {
      return refused.getMessage();
    }
  }

  /** Toggles the user's reaction: withdraws their REACT with this emoji, else adds one. */
  private void react(String id, String emoji) {
    RoomKey current = shown;
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
        if (Arrays.equals(r.author(), me) && emoji.equals(texts.read(session.rooms().room(current), r.content()))) {
          problem(sendAction(MessageKind.UNREACT, Base58.encode(r.id()), ""));
          return;
        }
      }
    }
    problem(sendAction(MessageKind.REACT, id, emoji));
  }

  private void problem(String refused) {
    if (refused != null) {
      errorBanner.show(refused);
    }
  }

  Outbox outbox() {
    return outbox;
  }

  // --- Outbox.Listener -----------------------------------------------------------------------

  @Override
  public void onOutboxChanged() {
    render(session.rooms());
  }

  @Override
  public void onUndeliverable(String reason) {
    errorBanner.show("A message could not be delivered: " + reason);
  }

  private void act(Runnable action) {
    TabSession.LoadState s = session.loadState();
    if (s != TabSession.LoadState.LOADED && s != TabSession.LoadState.MIGRATING) {
      errorBanner.show("Your rooms are still loading; try again in a moment.");
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      errorBanner.show("That did not work: " + e.getMessage());
    }
    driver.pump();
  }

  // --- rendering -------------------------------------------------------------------------

  String name(RoomKey key) {
    RoomState state = hydrator.state(key);
    if (state != null && state.config() != null) {
      String name = texts.read(session.rooms().room(key), state.config().name());
      return name == Texts.NO_KEY ? "Private room" : name;
    }
    return "Room " + RoomListView.keyText(key).substring(0, 6);
  }

  private void rerender() {
    render(session.rooms());
  }

  /**
   * Room states arrive in bursts (one per room at start-up, 500 for 500 rooms): they are drawn
   * together, one render per burst, rather than one full render per state.
   */
  private void renderSoon() {
    if (renderTimer < 0) {
      renderTimer = DomGlobal.setTimeout(ignored -> {
        renderTimer = -1;
        render(session.rooms());
      }, RENDER_BATCH_MS);
    }
  }

  private static final int RENDER_BATCH_MS = 16;
  private double renderTimer = -1;

  private void render(Rooms rooms) {
    if (renderTimer >= 0) {
      DomGlobal.clearTimeout(renderTimer); // drawn now, with everything that arrived
      renderTimer = -1;
    }
    TabSession.LoadState state = session.loadState();
    if (state == TabSession.LoadState.LOADED || state == TabSession.LoadState.MIGRATING) {
      // Room states are fetched once the list is known: the slots come first on the wire.
      hydrator.track(rooms.map().keySet());
    }
    List<RoomKey> display = RoomListOrder.display(rooms);
    if (session.loadState() == TabSession.LoadState.LOADED && (shown == null || !rooms.holds(shown))) {
      // Nothing (or a room since left) on screen: show the user's stored current room.
      RoomKey stored = rooms.currentRoom();
      shown = stored != null && rooms.holds(stored) ? stored : null;
    }
    RoomKey current = shown != null && rooms.holds(shown) ? shown : null;
    list.render(display, current, new RoomListView.Labels() {
      @Override
      public String name(RoomKey key) {
        return RoomsScreen.this.name(key);
      }

      @Override
      public int unread(RoomKey key) {
        return unreadCount(rooms, key);
      }
    });
    double now = elemental2.core.JsDate.now();
    for (RoomKey key : display) {
      if (!firstListed.containsKey(key)) {
        firstListed.put(key, now);
      }
    }
    list.stampListedAt(firstListed);
    if (!loadedStamped && session.loadState() == TabSession.LoadState.LOADED) {
      // "App start until all rooms are listed", for the benchmark: epoch ms of the first render
      // of the loaded ROOMS.
      loadedStamped = true;
      loadBanner.element().setAttribute("data-listed-at", String.valueOf((long) now));
    }
    if (loadedStamped && !hydratedStamped && hydrator.allAnswered(display)) {
      // ... and when every listed room's state request was answered (names can show).
      hydratedStamped = true;
      loadBanner.element().setAttribute("data-hydrated-at", String.valueOf((long) now));
    }
    Dom.show(roomPane, current != null);
    Dom.show(emptyPane, current == null);
    if (current != null) {
      NotificationMode mode = rooms.notificationModes().get(current);
      header.show(name(current), mode == null ? NotificationMode.ALL : mode);
      renderMessages(current);
      renderMembers(current, rooms.room(current));
    }
    int total = 0;
    for (RoomKey key : display) {
      total += unreadCount(rooms, key);
    }
    DomGlobal.document.title = ReadMarks.title(total);
    if (total != shownTotal) {
      shownTotal = total;
      shell.title(total);
    }
    if (current != null) {
      markReadIfSeen(rooms, current); // last: it re-renders with the new mark
    }
  }

  private void renderMessages(RoomKey current) {
    RoomState state = hydrator.state(current);
    List<MessageListView.Row> rows = new ArrayList<>();
    RoomData data = session.rooms().room(current);
    Names names = Names.of(state, sb -> texts.readOrNull(data, sb));
    Set<String> shown = new HashSet<>();
    byte[] me = session.rooms().room(current).verifyingKey().toArray();
    if (state != null) {
      List<VisibleMessage> visible = MessageView.of(state);
      java.util.Map<String, VisibleMessage> byId = new java.util.HashMap<>();
      for (VisibleMessage m : visible) {
        byId.put(Base58.encode(m.id()), m);
      }
      for (VisibleMessage m : visible) {
        String id = Base58.encode(m.id());
        shown.add(id);
        MessageListView.Row row = new MessageListView.Row(id, names.of(m.author()), text(m.content()), false, m.edited())
            .own(Arrays.equals(m.author(), me));
        if (m.replyTo() != null) {
          VisibleMessage quoted = byId.get(Base58.encode(m.replyTo()));
          row.replyTo(quoted == null ? "a message that is no longer here"
              : names.of(quoted.author()) + ": " + snippet(text(quoted.content())));
        }
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        Set<String> mine = new HashSet<>();
        for (RoomMessage r : m.reactions()) {
          String emoji = text(r.content());
          int[] c = counts.get(emoji);
          if (c == null) {
            counts.put(emoji, c = new int[1]);
          }
          c[0]++;
          if (Arrays.equals(r.author(), me)) {
            mine.add(emoji);
          }
        }
        for (java.util.Map.Entry<String, int[]> c : counts.entrySet()) {
          row.reaction(new MessageListView.Reaction(c.getKey(), c.getValue()[0], mine.contains(c.getKey())));
        }
        rows.add(row);
      }
    }
    byte[] room = current.bytes().toArray();
    for (Outbox.Entry e : outbox.entries()) {
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
      if (e.deliveredId != null && shown.contains(e.deliveredId)) {
        outbox.forget(e.key); // the room has it now; silent: we are rendering
        continue;
      }
      boolean pending = e.deliveredId == null;
      rows.add(new MessageListView.Row(pending ? e.key : e.deliveredId, names.of(e.unsigned.author()),
          text(e.unsigned.content()), pending, false));
    }
    messages.render(RoomListView.keyText(current), rows);
  }

  private void renderMembers(RoomKey current, RoomData data) {
    RoomState state = hydrator.state(current);
    List<MembersView.Member> rows = new ArrayList<>();
    byte[] me = data.verifyingKey().toArray();
    String meText = Base58.encode(me);
    if (state != null) {
      Names names = Names.of(state, sb -> texts.readOrNull(data, sb));
      byte[] owner = current.bytes().toArray();
      String ownerText = Base58.encode(owner);
      rows.add(new MembersView.Member(ownerText, names.of(owner), "owner", ownerText.equals(meText), false));
      for (AuthorizedMember m : state.members()) {
        if (state.isMember(m.member())) {
          String k = Base58.encode(m.member());
          rows.add(new MembersView.Member(k, names.of(m.member()), "invited by " + names.of(m.invitedBy()),
              k.equals(meText), Bans.canBan(state, me, m.member())));
        }
      }
    }
    members.render(RoomListView.keyText(current), rows, data.nickname());
    boolean removed = state != null && state.config() != null && !state.isMember(me);
    notice.textContent = removed
        ? "You are no longer a member of this room (you or someone who invited you was banned). You can read it until you leave."
        : "";
    Dom.show(notice, removed);
    Dom.show(composer.element(), !removed);
  }

  static String snippet(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  private String text(SealedBytes content) {
    RoomKey current = shown;
    return texts.read(current == null ? null : session.rooms().room(current), content);
  }

  private int unreadCount(Rooms rooms, RoomKey key) {
    RoomState state = hydrator.state(key);
    RoomData data = rooms.room(key);
    if (state == null || data == null) {
      return 0;
    }
    return ReadMarks.unread(MessageView.of(state), data.lastRead(), data.verifyingKey().toArray());
  }

  private void markReadIfSeen(Rooms rooms, RoomKey current) {
    TabSession.LoadState s = session.loadState();
    if (s != TabSession.LoadState.LOADED && s != TabSession.LoadState.MIGRATING) {
      return;
    }
    if (!"visible".equals(Js.asPropertyMap(DomGlobal.document).get("visibilityState"))) {
      return;
    }
    RoomState state = hydrator.state(current);
    RoomData data = rooms.room(current);
    if (state == null || data == null) {
      return;
    }
    LastRead latest = ReadMarks.latest(MessageView.of(state));
    if (latest != null && LastRead.later(latest, data.lastRead()) == latest && !latest.equals(data.lastRead())) {
      session.markRead(current, latest);
      driver.pump();
    }
  }
}
