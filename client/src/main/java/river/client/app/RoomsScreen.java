package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import java.util.List;
import jsinterop.base.Js;
import river.actions.RoomActions;
import river.chat.PlainErrors;
import river.chat.RoomBurst;
import river.chat.RoomLabels;
import river.client.app.ui.Dom;
import river.client.app.ui.ErrorBanner;
import river.client.app.ui.InviteDialog;
import river.client.app.ui.LoadBanner;
import river.client.app.ui.RoomHeaderView;
import river.client.app.ui.RoomListView;
import river.client.app.ui.ScreenLayout;
import river.engine.SaveReport;
import river.engine.TabSession;
import river.room.RoomState;
import river.rooms.NotificationMode;
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
    implements TabSession.Listener, RoomListView.Listener, Outbox.Listener, ScreenHost {
  private final SessionDriver driver;
  private final TabSession session;
  private final LoadBanner loadBanner;
  private final ErrorBanner errorBanner = new ErrorBanner();
  private final RoomListView list = new RoomListView(this);
  private final RoomHeaderView header;
  private final RoomEntry entry;
  private final SessionNotices notices;
  private final SeenMarker seen;
  private final HTMLElement emptyPane = Dom.hook("p", "empty-pane", "empty-pane");
  private final HTMLElement reorderHint = Dom.hook("p", "hint", "reorder-hint");

  /** The three parts (rooms, conversation, members) and which one a narrow window shows. */
  private final ScreenLayout layout;

  private final RoomHydrator hydrator;
  private final Notifier notifier;
  private final RoomNames names;

  /**
   * The room this tab shows. The tab's address picks it ({@link TabAddress}; the stored current
   * room in rooms_meta only for a tab opened without one); after that only this tab's own clicks
   * and history change it, so opening a room in one tab does not yank another tab away from the
   * conversation it is showing.
   */
  private RoomKey shown;

  /** This tab's address: what it shows on arrival and after back/forward, its links. */
  private final TabAddress address;

  private final LoadStamps stamps = new LoadStamps();
  private final Outbox outbox;
  private final ActionDriver actions;
  private final NodeKeyFollower keys;

  /** The room whose node key was last checked because it was shown, so each opening checks once. */
  private RoomKey keyCheckedFor;

  private final InviteDialog inviteDialog;
  private final MessagePane messagePane;
  private final MembersPane membersPane;
  private final RoomCipher cipher = new RoomCipher();
  private final Texts texts = new Texts(cipher, this::rerender);
  private final RoomDetailsPane details;
  private final ProfileTools tools;

  private final ShellLink shell;
  private final Drafts drafts;
  private final TitleBadge title;
  private final UnreadCounts unread;
  private final DmPane dms;

  RoomsScreen(
      SessionDriver driver, NodeLink node, ShellLink shell, HTMLElement bar, HTMLElement host) {
    this.driver = driver;
    this.shell = shell;
    this.outbox = new Outbox(shell, this);
    this.title = new TitleBadge(shell);
    this.address = new TabAddress(shell, this::rerender);
    list.setLinks(address::roomHref);
    this.session = driver.session();
    this.hydrator =
        new RoomHydrator(
            node,
            new RoomHydrator.Listener() {
              @Override
              public void onRoomState(RoomKey key, RoomState state) {
                actions.onRoomState(key, state, key.equals(shown));
                notifier.onRoomState(key, state);
                stateArrived(key);
              }

              private int unavailableLogged;

              @Override
              public void onRoomUnavailable(RoomKey key, String reason) {
                // Listed from the user's own store but not (or not yet) on this node: keep listing
                // it. Only the first three are logged: thousands cost ~0.5 s with DevTools open.
                if (++unavailableLogged <= 3) {
                  DomGlobal.console.warn(
                      "River: room " + RoomListView.keyText(key) + " unavailable: " + reason);
                }
                stateArrived(key);
              }
            });
    this.names = new RoomNames(session, hydrator, texts);
    NodeCalls calls = new NodeCalls(node);
    this.keys = new NodeKeyFollower(calls, driver);
    this.actions = new ActionDriver(node, cipher, driver, outbox);
    this.notifier =
        new Notifier(
            shell,
            session,
            hydrator,
            texts,
            this::name,
            this::onSelect,
            this::openDirect,
            (k, s, m, then, fail) -> actions.actions().readDirect(k, s, m, then, fail));
    outbox.attach(actions);
    this.inviteDialog = new InviteDialog(shell::copyInvitation, this::focusComposer);
    this.unread = new UnreadCounts(texts, hydrator);
    this.drafts = new Drafts(shell);
    this.messagePane = new MessagePane(session, hydrator, outbox, texts, cipher, drafts, this);
    drafts.onLoaded(messagePane::draftsLoaded);
    this.membersPane = new MembersPane(session, hydrator, actions.actions(), texts, this);
    messagePane.setLinks(address);
    this.details =
        new RoomDetailsPane(
            session,
            hydrator,
            actions,
            texts,
            this,
            Js.uncheckedCast(
                messagePane.composerElement().querySelector("[data-testid=message-input]")));
    this.tools = new ProfileTools(driver, calls, hydrator, this, this::show);
    this.dms = new DmPane(driver, hydrator, actions, texts, this, this::name, this::rerender);
    this.header =
        new RoomHeaderView(
            new RoomHeaderActions(
                session, hydrator, actions, inviteDialog, tools, details, this, drafts));
    details.dialog().addSection(tools.exportSection());
    this.layout = new ScreenLayout(header.element(), membersPane.element(), emptyPane);
    this.loadBanner = new LoadBanner(driver::retryLoad);
    this.notices = new SessionNotices(session, keys, loadBanner, errorBanner);
    this.seen = new SeenMarker(session, hydrator, driver);
    this.entry = new RoomEntry(session, actions, this, this::show, this::focusComposer);
    session.setListener(this);
    driver.afterEachPump(() -> loadBanner.markSaving(session.isSaving()));
    bar.appendChild(loadBanner.element());
    bar.appendChild(errorBanner.element());
    bar.appendChild(address.noticeElement());
    bar.appendChild(address.copyStatusElement());

    HTMLElement sidebar = layout.sidebar();
    sidebar.appendChild(entry.buttons());
    sidebar.appendChild(tools.buttons());
    sidebar.appendChild(notifier.button().element());
    sidebar.appendChild(list.element());
    sidebar.appendChild(dms.listElement());
    reorderHint.textContent = "Drag rooms, or Alt+↑/↓, to reorder.";
    sidebar.appendChild(reorderHint);
    HTMLElement chat = layout.chat();
    chat.appendChild(messagePane.messagesElement());
    chat.appendChild(membersPane.notice());
    chat.appendChild(messagePane.composerElement());
    dms.placeIn(chat, messagePane.messagesElement(), messagePane.composerElement());
    // A room counts as read only while its tab is visible: coming back marks it read.
    DomGlobal.document.addEventListener("visibilitychange", e -> render(session.rooms()));
    host.appendChild(layout.element());
    host.appendChild(entry.createDialog());
    host.appendChild(inviteDialog.element());
    host.appendChild(entry.joinDialog());
    host.appendChild(details.element());
    for (HTMLElement dialog : tools.dialogs()) {
      host.appendChild(dialog);
    }
    render(session.rooms());
  }

  RoomHydrator hydrator() {
    return hydrator;
  }

  Notifier notifier() {
    return notifier;
  }

  // --- TabSession.Listener -------------------------------------------------------------

  @Override
  public void onLoadState(TabSession.LoadState state, String detail) {
    notices.onLoadState(state, detail);
    render(session.rooms());
  }

  @Override
  public void onRoomsChanged(Rooms before, Rooms after) {
    keys.onRoomsChanged(before, after);
    if (session.isReady()) {
      render(after);
    } else {
      // The loaded rooms arrive just before the load state does, which draws them: one render of
      // 5,000 rooms at load, not two.
      drawn.oweFull();
      renderSoon(RoomBurst.BATCH_MS);
    }
  }

  @Override
  public void onSaveFinished(SaveReport report) {
    notices.onSaveFinished(report);
  }

  @Override
  public void onProblem(String message) {
    notices.onProblem(message);
  }

  // --- user actions ----------------------------------------------------------------------

  TabAddress address() {
    return address;
  }

  @Override
  public void onSelect(RoomKey key) {
    dms.close();
    address.pick(key, shown);
    shown = key;
    layout.picked();
    messagePane.resetModes();
    header.reset();
    act(() -> session.setCurrentRoom(key));
    render(session.rooms());
  }

  /** A room this tab just created or joined becomes the one it shows, ready to write in. */
  void show(RoomKey key) {
    address.pick(key, shown);
    shown = key;
    layout.picked();
    header.reset();
    render(session.rooms());
    focusComposer();
  }

  /**
   * Where focus goes when a dialog closes or a room was just created or joined: the composer of the
   * shown room, or the "New room" button while no room can be written in.
   */
  private void focusComposer() {
    HTMLElement composer = messagePane.composerElement();
    HTMLElement input = Js.uncheckedCast(composer.querySelector("[data-testid=message-input]"));
    if (input != null && shown != null && !composer.hasAttribute("hidden")) {
      input.focus();
    } else {
      entry.focus();
    }
  }

  /** The shell's answer to a copy: the invite dialog's, or a room or message link's. */
  void onCopied(boolean ok) {
    if (inviteDialog.awaitsCopy()) {
      inviteDialog.copied(ok);
    } else {
      address.onCopied(ok);
    }
  }

  @Override
  public void onReorder(List<RoomKey> newOrder) {
    act(() -> session.setOrder(newOrder));
  }

  /** An {@code ?invitation=} link opened the app, or one in a message was accepted. */
  @Override
  public void offerInvitation(String code) {
    entry.offerInvitation(code);
  }

  Drafts drafts() {
    return drafts;
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
    errorBanner.show(PlainErrors.failed(PlainErrors.Action.DELIVER, reason));
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
  public void problemSolved(String message) {
    errorBanner.hideIf(message);
  }

  @Override
  public void openDirect(RoomKey room, byte[] peer) {
    if (!room.equals(shown)) {
      onSelect(room);
    }
    dms.open(room, river.rooms.Bytes.of(peer));
    render(session.rooms());
  }

  @Override
  public void act(Runnable action) {
    if (!session.isReady()) {
      errorBanner.show(PlainErrors.STILL_LOADING);
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      DomGlobal.console.warn("River: an action failed", e); // for programs, not people
      errorBanner.show(PlainErrors.UNEXPECTED);
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
    return names.name(key);
  }

  private void rerender() {
    render(session.rooms());
  }

  /** A room's state (or its refusal) arrived: drawn with the rest of its burst. */
  private void stateArrived(RoomKey key) {
    drawn.arrived(key);
    renderSoon(RoomBurst.drawDelayMs(key, shown));
  }

  /**
   * Room states arrive in bursts (one per room at start-up, 5,000 for 5,000 rooms): they are drawn
   * together, one redraw per burst, and a burst that changed nothing but those rooms' states
   * redraws only those rooms, and the shown room's state is drawn at once ({@link RoomBurst}).
   */
  private void renderSoon(int delayMs) {
    burst.within(delayMs);
  }

  private final DrawnRooms drawn = new DrawnRooms();

  private final DrawTimer burst = new DrawTimer(this::drawBurst);

  private void drawBurst() {
    Rooms rooms = session.rooms();
    if (drawn.onlyArrived(rooms, shown, session.loadState())) {
      redrawArrived(rooms);
    } else {
      render(rooms);
    }
  }

  /**
   * Redraws the rooms whose state arrived, as {@link #render} would draw them: their list items,
   * their share of the title count, and the parts drawn from every room's state (direct messages).
   */
  private void redrawArrived(Rooms rooms) {
    RoomKey current = shown != null && rooms.holds(shown) ? shown : null;
    List<RoomKey> keys = drawn.takeArrived();
    list.redraw(keys, current, labels(rooms));
    stamps.stampAnswered(loadBanner.element(), drawn.display(), hydrator);
    details.render();
    notifier.flush(); // messages whose text was still being decrypted
    dms.render(rooms);
    for (RoomKey key : keys) {
      if (drawn.attention.counts(key)) {
        drawn.attention.put(key, unread.attention(rooms, key));
      }
    }
    title.show(dms.unread() + drawn.attention.sum(), current == null ? null : name(current));
  }

  private RoomListView.Labels labels(Rooms rooms) {
    return new RoomListView.Labels() {
      @Override
      public String name(RoomKey key) {
        return RoomsScreen.this.name(key);
      }

      @Override
      public int unread(RoomKey key) {
        return unread.unread(rooms, key);
      }
    };
  }

  private void render(Rooms rooms) {
    burst.cancel(); // drawn now, with everything that arrived
    drawn.fullStarts(); // draws everything that arrived
    List<RoomKey> display = RoomListOrder.display(rooms);
    if (session.isReady()) {
      // Room states are fetched once the list is known (the slots come first on the wire), in
      // list order, after this render has drawn the list.
      hydrator.track(rooms.map().keySet(), display);
    }
    if (session.loadState() == TabSession.LoadState.LOADED) {
      // The tab's address decides: on arrival, after back/forward, and when the shown room goes.
      RoomKey next = address.settle(rooms, shown, display);
      if (next == null ? shown != null : !next.equals(shown)) {
        messagePane.resetModes();
        messagePane.resetDivider();
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
      RoomState opened = hydrator.state(current);
      if (opened != null) {
        // after this render: a public room gets this member's key (for direct messages) now
        DomGlobal.setTimeout(ignored -> actions.onRoomState(current, opened, true), 0);
      }
    }
    Dom.show(layout.roomPane(), current != null);
    layout.roomShown(current != null);
    Dom.show(emptyPane, current == null);
    Dom.show(reorderHint, display.size() > 1);
    emptyPane.textContent = RoomLabels.emptyPane(display.size());
    if (current != null) {
      NotificationMode mode = rooms.notificationModes().get(current);
      header.show(
          name(current),
          details.description(current),
          mode == null ? NotificationMode.ALL : mode,
          RoomActions.isOwner(current, rooms.room(current)));
      messagePane.render(current);
      boolean removed = membersPane.render(current, rooms.room(current));
      Dom.show(messagePane.composerElement(), !removed);
      // A removed member reads the room as it was: nothing offered that the room would refuse.
      header.showMemberActions(!removed);
      if (removed) {
        layout.roomPane().setAttribute("data-removed", "true");
      } else {
        layout.roomPane().removeAttribute("data-removed");
      }
    }
    // The list after the conversation: the conversation reads its scroll position, which lays out
    // the page, and 5,000 list items changed just before would be laid out in that read too.
    list.render(display, current, labels(rooms));
    stamps.stamp(
        list,
        loadBanner.element(),
        display,
        session.loadState() == TabSession.LoadState.LOADED,
        hydrator);
    details.render();
    notifier.flush(); // messages whose text was still being decrypted
    dms.render(rooms);
    drawn.attention.clear();
    for (RoomKey key : display) {
      drawn.attention.put(key, unread.attention(rooms, key));
    }
    // a direct message counts like a mention
    title.show(dms.unread() + drawn.attention.sum(), current == null ? null : name(current));
    drawn.fullDrawn(rooms, shown, session.loadState(), display);
    if (current != null) {
      seen.markIfSeen(rooms, current); // last: it re-renders with the new mark
    }
  }
}
