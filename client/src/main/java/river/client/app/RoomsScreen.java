package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jsinterop.base.Js;
import river.actions.RoomActions;
import river.chat.ReadMarks;
import river.client.app.ui.CreateRoomDialog;
import river.client.app.ui.Dom;
import river.client.app.ui.ErrorBanner;
import river.client.app.ui.InviteDialog;
import river.client.app.ui.JoinDialog;
import river.client.app.ui.LoadBanner;
import river.client.app.ui.RoomHeaderView;
import river.client.app.ui.RoomListView;
import river.client.app.ui.ScreenLayout;
import river.engine.SaveReport;
import river.engine.TabSession;
import river.nav.TabTitle;
import river.room.MessageView;
import river.room.RoomState;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomListOrder;
import river.rooms.Rooms;

/**
 * The rooms screen: sidebar (create, room list) and the current room's header, bound to the tab's
 * {@link TabSession}. Every user action becomes one session call (which asks for a coalesced save);
 * every change of ROOMS, whether made here or learned from another tab, re-renders from the
 * session's state. Names come from the room contracts when known.
 */
final class RoomsScreen
    implements TabSession.Listener,
        RoomListView.Listener,
        RoomHeaderView.Listener,
        Outbox.Listener,
        ScreenHost {
  private final SessionDriver driver;
  private final TabSession session;
  private final LoadBanner loadBanner;
  private final ErrorBanner errorBanner = new ErrorBanner();
  private final RoomListView list = new RoomListView(this);
  private final RoomHeaderView header = new RoomHeaderView(this);
  private final CreateRoomDialog createDialog;
  private final HTMLElement emptyPane =
      Dom.text("p", "empty-pane", "Create a room or join one with an invitation.");

  /** The three parts (rooms, conversation, members) and which one a narrow window shows. */
  private final ScreenLayout layout;

  private final RoomHydrator hydrator;

  /**
   * The room this tab shows. The tab's address picks it ({@link TabAddress}; the stored current
   * room in rooms_meta only for a tab opened without one); after that only this tab's own clicks
   * and history change it, so opening a room in one tab does not yank another tab away from the
   * conversation it is showing.
   */
  private RoomKey shown;

  /** This tab's address: what it shows on arrival and after back/forward, its links. */
  private final TabAddress address;

  private String shownTitleRoom;

  /** When this tab first listed each room (epoch ms): the benchmark reads it as data-listed-at. */
  private final Map<RoomKey, Double> firstListed = new HashMap<>();

  private boolean loadedStamped;
  private boolean hydratedStamped;
  private final Outbox outbox;
  private final ActionDriver actions;
  private final NodeKeyFollower keys;

  /** The room whose node key was last checked because it was shown, so each opening checks once. */
  private RoomKey keyCheckedFor;

  private TabSession.LoadState lastLoadState;
  private final InviteDialog inviteDialog = new InviteDialog();
  private final JoinDialog joinDialog;
  private final MessagePane messagePane;
  private final MembersPane membersPane;
  private final RoomCipher cipher = new RoomCipher();
  private final Texts texts = new Texts(cipher, this::rerender);

  private final ShellLink shell;
  private int shownTotal = -1;
  private final UnreadCounts unread;

  RoomsScreen(
      SessionDriver driver, NodeLink node, ShellLink shell, HTMLElement bar, HTMLElement host) {
    this.driver = driver;
    this.shell = shell;
    this.outbox = new Outbox(shell, this);
    this.address = new TabAddress(shell, this::rerender);
    list.setLinks(address::roomHref);
    this.session = driver.session();
    this.hydrator =
        new RoomHydrator(
            node,
            new RoomHydrator.Listener() {
              @Override
              public void onRoomState(RoomKey key, RoomState state) {
                renderSoon();
              }

              @Override
              public void onRoomUnavailable(RoomKey key, String reason) {
                // Listed from the user's own store but not (or not yet) on this node: keep listing
                // it.
                DomGlobal.console.warn(
                    "River: room " + RoomListView.keyText(key) + " unavailable: " + reason);
                renderSoon();
              }
            });
    NodeCalls calls = new NodeCalls(node);
    this.keys = new NodeKeyFollower(calls, driver);
    this.actions = new ActionDriver(node, cipher, driver, outbox);
    outbox.attach(actions);
    this.joinDialog = new JoinDialog(this::join);
    this.unread = new UnreadCounts(texts);
    this.messagePane = new MessagePane(session, hydrator, outbox, texts, cipher, this);
    this.membersPane = new MembersPane(session, hydrator, actions.actions(), texts, this);
    messagePane.setLinks(address);
    this.layout = new ScreenLayout(header.element(), membersPane.element(), emptyPane);
    this.loadBanner = new LoadBanner(driver::retryLoad);
    this.createDialog =
        new CreateRoomDialog(
            (name, nickname, isPrivate) -> {
              act(
                  () ->
                      actions
                          .actions()
                          .create(
                              name,
                              nickname,
                              isPrivate,
                              this::show,
                              message ->
                                  errorBanner.show("Could not create the room: " + message)));
            });
    session.setListener(this);
    bar.appendChild(loadBanner.element());
    bar.appendChild(errorBanner.element());
    bar.appendChild(address.noticeElement());
    bar.appendChild(address.copyStatusElement());

    HTMLElement sidebar = layout.sidebar();
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
    HTMLElement chat = layout.chat();
    chat.appendChild(messagePane.messagesElement());
    chat.appendChild(membersPane.notice());
    chat.appendChild(messagePane.composerElement());
    // A room counts as read only while its tab is visible: coming back marks it read.
    DomGlobal.document.addEventListener("visibilitychange", e -> render(session.rooms()));
    host.appendChild(layout.element());
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
    if (lastLoadState == TabSession.LoadState.MIGRATING && state == TabSession.LoadState.LOADED) {
      // The legacy blob held each room's signing key; the node has never seen them.
      keys.followAll(
          session.rooms(),
          problem -> {
            if (problem != null) {
              errorBanner.show(
                  problem
                      + " rooms brought over from the previous version can be read but not"
                      + " posted in: this node did not accept your keys for them.");
            }
          });
    }
    lastLoadState = state;
    loadBanner.show(state.name().toLowerCase(), detail);
    render(session.rooms());
  }

  @Override
  public void onRoomsChanged(Rooms before, Rooms after) {
    keys.onRoomsChanged(before, after);
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

  TabAddress address() {
    return address;
  }

  @Override
  public void onSelect(RoomKey key) {
    address.pick(key, shown);
    shown = key;
    layout.picked();
    messagePane.resetModes();
    header.reset();
    act(() -> session.setCurrentRoom(key));
    render(session.rooms());
  }

  /** A room this tab just created or joined becomes the one it shows. */
  void show(RoomKey key) {
    address.pick(key, shown);
    shown = key;
    layout.picked();
    header.reset();
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
      act(
          () ->
              actions
                  .actions()
                  .leave(
                      current,
                      hydrator.state(current),
                      problem ->
                          DomGlobal.console.warn(
                              "River: the others were not told you left: " + problem)));
    }
  }

  @Override
  public void onInvite() {
    RoomKey current = shown;
    if (current == null || !session.rooms().holds(current)) {
      return;
    }
    act(
        () -> {
          inviteDialog.opening();
          String refused =
              actions
                  .actions()
                  .invite(
                      current,
                      hydrator.state(current),
                      code -> inviteDialog.show(code, inviteLink(code)),
                      problem -> {
                        inviteDialog.close();
                        errorBanner.show("Could not create an invitation: " + problem);
                      });
          if (refused != null) {
            inviteDialog.close();
            errorBanner.show(refused);
          }
        });
  }

  @Override
  public String onRename(String newName) {
    Rooms rooms = session.rooms();
    RoomKey current = shown;
    if (current == null || !rooms.holds(current)) {
      return "Open a room first.";
    }
    String refused =
        actions
            .actions()
            .rename(
                current,
                hydrator.state(current),
                newName,
                problem -> errorBanner.show("The room was not renamed: " + problem));
    actions.pump();
    return refused;
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
    if (!session.isReady()) {
      joinDialog.refuse("Your rooms are still loading; try again in a moment.");
      return;
    }
    act(
        () ->
            actions
                .actions()
                .join(
                    code,
                    nickname,
                    joined -> {
                      joinDialog.close();
                      show(joined);
                    },
                    joinDialog::refuse));
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

  @Override
  public RoomKey shown() {
    return shown;
  }

  @Override
  public void problem(String message) {
    errorBanner.show(message);
  }

  @Override
  public void act(Runnable action) {
    if (!session.isReady()) {
      errorBanner.show("Your rooms are still loading; try again in a moment.");
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      errorBanner.show("That did not work: " + e.getMessage());
    }
    driver.pump();
    actions.pump();
  }

  @Override
  public void pumpActions() {
    actions.pump();
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
      renderTimer =
          DomGlobal.setTimeout(
              ignored -> {
                renderTimer = -1;
                render(session.rooms());
              },
              RENDER_BATCH_MS);
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
    if (session.isReady()) {
      // Room states are fetched once the list is known: the slots come first on the wire.
      hydrator.track(rooms.map().keySet());
    }
    List<RoomKey> display = RoomListOrder.display(rooms);
    if (session.loadState() == TabSession.LoadState.LOADED) {
      // The tab's address decides: on arrival, after back/forward, and when the shown room goes.
      RoomKey next = address.settle(rooms, shown, display);
      if (next == null ? shown != null : !next.equals(shown)) {
        messagePane.resetModes();
        header.reset();
        shown = next;
        layout.picked();
      }
    }
    RoomKey current = shown != null && rooms.holds(shown) ? shown : null;
    if (current != null && !current.equals(keyCheckedFor)) {
      // Before the user posts in it: a join cut short in another tab may have left the node
      // signing with a key this profile does not hold.
      keyCheckedFor = current;
      keys.follow(current);
    }
    list.render(
        display,
        current,
        new RoomListView.Labels() {
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
    Dom.show(layout.roomPane(), current != null);
    layout.roomShown(current != null);
    Dom.show(emptyPane, current == null);
    if (current != null) {
      NotificationMode mode = rooms.notificationModes().get(current);
      header.show(
          name(current),
          mode == null ? NotificationMode.ALL : mode,
          RoomActions.isOwner(current, rooms.room(current)));
      messagePane.render(current);
      boolean removed = membersPane.render(current, rooms.room(current));
      Dom.show(messagePane.composerElement(), !removed);
    }
    int total = 0;
    for (RoomKey key : display) {
      total +=
          unread.attention(
              key, hydrator.state(key), rooms.room(key), rooms.notificationModes().get(key));
    }
    String titleRoom = current == null ? null : name(current);
    DomGlobal.document.title = TabTitle.of(total, titleRoom);
    if (total != shownTotal || !Objects.equals(titleRoom, shownTitleRoom)) {
      shownTotal = total;
      shownTitleRoom = titleRoom;
      shell.title(total, titleRoom);
    }
    if (current != null) {
      markReadIfSeen(rooms, current); // last: it re-renders with the new mark
    }
  }

  private int unreadCount(Rooms rooms, RoomKey key) {
    return unread.unread(
        key, hydrator.state(key), rooms.room(key), rooms.notificationModes().get(key));
  }

  private void markReadIfSeen(Rooms rooms, RoomKey current) {
    if (!session.isReady()) {
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
    if (latest != null
        && LastRead.later(latest, data.lastRead()) == latest
        && !latest.equals(data.lastRead())) {
      session.markRead(current, latest);
      driver.pump();
    }
  }
}
