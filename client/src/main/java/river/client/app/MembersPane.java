package river.client.app;

import elemental2.dom.HTMLElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.actions.RoomActions;
import river.actions.RoomTexts;
import river.chat.Bans;
import river.chat.Deputies;
import river.chat.Names;
import river.chat.PlainErrors;
import river.chat.Roster;
import river.client.app.ui.Dom;
import river.client.app.ui.MembersView;
import river.client.app.ui.RoomListView;
import river.engine.TabSession;
import river.room.AuthorizedMember;
import river.room.RoomState;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.store.Base58;

/**
 * The shown room's members: who invited whom, the user's own nickname (edited here), deputies (who
 * named whom, and naming the user's own), bans where the user has the authority, and the notice
 * shown when the user was banned out of the room.
 */
final class MembersPane {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final RoomActions actions;
  private final Texts texts;
  private final ScreenHost host;
  private final HTMLElement notice = Dom.hook("p", "room-notice", "room-notice");
  private final MembersView members =
      new MembersView(
          new MembersView.Listener() {
            @Override
            public String onNickname(String nickname) {
              return saveNickname(nickname);
            }

            @Override
            public String lookAlikeOf(String nickname) {
              RoomKey current = host.shown();
              RoomData data = current == null ? null : session.rooms().room(current);
              RoomState state = current == null ? null : hydrator.state(current);
              return data == null || state == null
                  ? null
                  : Names.of(state, sb -> texts.readOrNull(data, sb))
                      .lookAlikeOf(nickname, data.verifyingKey().toArray());
            }

            @Override
            public void onDirect(String memberKey) {
              RoomKey current = host.shown();
              if (current != null) {
                host.openDirect(current, Base58.decode(memberKey));
              }
            }

            @Override
            public void onDeputy(String memberKey, boolean named) {
              RoomKey current = host.shown();
              if (current != null && session.rooms().holds(current)) {
                host.act(
                    () -> {
                      String refused =
                          actions.setDeputy(
                              current,
                              hydrator.state(current),
                              Base58.decode(memberKey),
                              named,
                              problem ->
                                  host.problem(
                                      PlainErrors.failed(PlainErrors.Action.DEPUTY, problem)));
                      if (refused != null) {
                        host.problem(refused);
                      }
                    });
              }
            }

            @Override
            public void onBan(String memberKey) {
              Rooms rooms = session.rooms();
              RoomKey current = host.shown();
              if (current != null && rooms.holds(current)) {
                host.act(
                    () -> {
                      String refused =
                          actions.ban(
                              current,
                              hydrator.state(current),
                              Base58.decode(memberKey),
                              problem ->
                                  host.problem(
                                      PlainErrors.failed(PlainErrors.Action.BAN, problem)));
                      if (refused != null) {
                        host.problem(refused);
                      }
                    });
              }
            }
          });

  MembersPane(
      TabSession session,
      RoomHydrator hydrator,
      RoomActions actions,
      Texts texts,
      ScreenHost host) {
    this.session = session;
    this.hydrator = hydrator;
    this.actions = actions;
    this.texts = texts;
    this.host = host;
  }

  HTMLElement element() {
    return members.element();
  }

  HTMLElement notice() {
    return notice;
  }

  /** What the user reads when an edit did not reach the room and is kept to go out later. */
  private static final String KEPT =
      PlainErrors.failed(PlainErrors.Action.NICKNAME, RoomTexts.NICKNAME_KEPT);

  private String saveNickname(String nickname) {
    Rooms rooms = session.rooms();
    RoomKey current = host.shown();
    if (current == null || !rooms.holds(current)) {
      return "Open a room first.";
    }
    String refused =
        actions.setNickname(
            current,
            hydrator.state(current),
            nickname,
            problem -> host.problem(PlainErrors.failed(PlainErrors.Action.NICKNAME, problem)));
    host.pumpActions();
    return refused;
  }

  /** The names of who named {@code member} a deputy, joined; null when nobody did. */
  private static String deputyOf(RoomState state, Names names, byte[] member) {
    List<byte[]> namers = Deputies.namers(state, member);
    if (namers.isEmpty()) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (byte[] k : namers) {
      named.add(names.of(k));
    }
    return Dom.listed(named);
  }

  private static String deputyAction(RoomState state, byte[] me, byte[] member) {
    if (Deputies.isNamedBy(state, me, member)) {
      return MembersView.Member.UNDEPUTIZE;
    }
    return Deputies.canName(state, me, member) ? MembersView.Member.DEPUTIZE : null;
  }

  /** Draws the members of {@code current}; true when the user is no longer a member of it. */
  boolean render(RoomKey current, RoomData data) {
    RoomState state = hydrator.state(current);
    List<MembersView.Member> rows = new ArrayList<>();
    byte[] me = data.verifyingKey().toArray();
    String meText = Base58.encode(me);
    if (state != null) {
      Names names = Names.of(state, sb -> texts.readOrNull(data, sb));
      byte[] owner = current.bytes().toArray();
      String ownerText = Base58.encode(owner);
      rows.add(
          new MembersView.Member(
                  ownerText,
                  names.of(owner),
                  "owner",
                  null,
                  ownerText.equals(meText),
                  false,
                  names.looksLikeAnother(owner))
              .deputy(deputyOf(state, names, owner), null));
      // One row per person: members who left, and records nobody speaks for, are not listed.
      Set<String> listed = new HashSet<>();
      for (byte[] k : Roster.shown(state)) {
        listed.add(Base58.encode(k));
      }
      for (AuthorizedMember m : state.members()) {
        String k = Base58.encode(m.member());
        if (state.isMember(m.member()) && (listed.contains(k) || k.equals(meText))) {
          rows.add(
              new MembersView.Member(
                      k,
                      names.of(m.member()),
                      "invited by",
                      names.of(m.invitedBy()),
                      k.equals(meText),
                      Bans.canBan(state, me, m.member()),
                      names.looksLikeAnother(m.member()))
                  .deputy(deputyOf(state, names, m.member()), deputyAction(state, me, m.member())));
        }
      }
    }
    members.render(RoomListView.keyText(current), rows, data.nickname());
    if (data.nicknameAskedAt() == 0) { // a kept edit went out: "not saved yet" no longer holds
      host.problemSolved(KEPT);
    }
    boolean removed = state != null && state.config() != null && !state.isMember(me);
    members.showNicknameEditor(!removed); // a removed member's nickname is no longer theirs to set
    notice.textContent =
        removed
            ? "You were removed from this room. You, or the member who invited you, was banned,"
                + " so you are no longer a member; you can still read it until you leave."
            : "";
    Dom.show(notice, removed);
    return removed;
  }
}
