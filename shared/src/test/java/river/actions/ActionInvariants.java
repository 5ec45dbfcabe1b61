package river.actions;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.chat.Roster;
import river.room.PendingMessage;
import river.room.RoomMessage;
import river.room.RoomState;
import river.rooms.RoomKey;
import river.store.Base58;

/**
 * The invariants of {@link ActionSimulator}, checked after every round and after the outboxes
 * drained: one profile per browser, every listed room held with the node's key and a member's, tabs
 * of a user agree, a user appears once in a member list, every acknowledged message is in its room
 * exactly once, and at the end every queued message is delivered once or was refused and told.
 */
final class ActionInvariants {
  private final ActionSimulator sim;

  ActionInvariants(ActionSimulator sim) {
    this.sim = sim;
  }

  /** One room a tab lists, as the invariants read it: the profile's data and the node's room. */
  interface RoomView {
    void check(
        String user,
        ActionTab t,
        river.rooms.RoomData data,
        byte[] me,
        RoomState s,
        river.room.MemberInfo info);
  }

  /** Every room every tab lists ({@code firstTabs}: each user's first tab only). */
  void eachListed(boolean firstTabs, RoomView view) {
    for (String u : sim.users) {
      List<ActionTab> tabs = sim.tabs.get(u);
      for (ActionTab t : firstTabs ? tabs.subList(0, 1) : tabs) {
        for (RoomKey key : sim.listed(t)) {
          river.rooms.RoomData data = t.session().rooms().map().get(key);
          byte[] me = data.verifyingKey().toArray();
          RoomState s = sim.node.room(key.bytes().toArray());
          view.check(u, t, data, me, s, river.chat.SecretKeys.infoOf(s, me));
        }
      }
    }
  }

  /** A member who is in the room and has not left it. */
  static boolean current(byte[] me, RoomState s, river.room.MemberInfo info) {
    return info != null && !info.left() && s.isMember(me);
  }

  /**
   * Every room a tab lists, once shown, has the member's published key, and their profile keeps its
   * private half: no edit, rejoin or other tab left them unable to receive direct messages.
   */
  void everyMemberHasAKeyTheyKeep(String where) {
    eachListed(
        false,
        (u, t, data, me, s, info) -> {
          byte[] published = info == null ? null : info.encryptionKey();
          if (published == null) {
            throw new AssertionError(
                where
                    + ": "
                    + u
                    + " has no key in a room they show (their info: "
                    + (info == null
                        ? "none"
                        : "version " + info.version() + ", left " + info.left())
                    + "; the tab: failures "
                    + t.failures
                    + ", connected "
                    + t.connected
                    + ", key pairs kept "
                    + river.chat.RoomSecrets.privateKeysToTry(data.invitationSecrets(), null).size()
                    + ")");
          }
          if (river.chat.RoomSecrets.privateKeyFor(data.invitationSecrets(), published) == null) {
            throw new AssertionError(
                where + ": " + u + "'s key in a room is one their profile does not keep");
          }
        });
  }

  /**
   * Each current member's info (unless they left) names every current member their requests name,
   * and none they took back: a rename in another tab did not drop a naming for good.
   */
  void deputiesFollowTheRequests(String where) {
    eachListed(
        true,
        (u, t, data, me, s, info) -> {
          if (!current(me, s, info)) {
            return;
          }
          for (java.util.Map.Entry<river.rooms.Bytes, Long> e : data.deputyMarks().entrySet()) {
            byte[] k = e.getKey().toArray();
            boolean asked = river.rooms.DeputyMarks.named(e.getValue()) && s.isMember(k);
            if (asked != info.names(k)) {
              throw new AssertionError(
                  where
                      + ": "
                      + u
                      + "'s info "
                      + (asked ? "does not name a deputy they named" : "names one they took back"));
            }
          }
        });
  }

  /** Every member's info carries the nickname their profile keeps, and no request is left. */
  void nicknamesFollowTheRequests(String where) {
    eachListed(
        false,
        (u, t, data, me, s, info) -> {
          if (!current(me, s, info)) {
            return;
          }
          String shown = river.chat.Names.of(s).nickname(me);
          if (data.nicknameAskedAt() != 0 || !data.nickname().equals(shown)) {
            throw new AssertionError(
                where
                    + ": "
                    + u
                    + "'s profile asked for the nickname \""
                    + data.nickname()
                    + "\""
                    + (data.nicknameAskedAt() != 0 ? " (still asked)" : "")
                    + ", the room shows \""
                    + shown
                    + "\"");
          }
        });
  }

  void check(String where) {
    for (String u : sim.users) {
      for (ActionTab t : sim.tabs.get(u)) {
        if (!t.user.equals(sim.credentials.get(u).stored)) {
          throw new AssertionError(
              where + ": a tab of " + u + " is not the profile its browser stores");
        }
      }
      Set<RoomKey> first = null;
      for (ActionTab t : sim.tabs.get(u)) {
        Set<RoomKey> listed = new HashSet<>(sim.listed(t));
        if (first == null) {
          first = listed;
        } else if (!first.equals(listed)) {
          throw new AssertionError(where + ": " + u + "'s tabs list different rooms");
        }
        for (RoomKey key : listed) {
          byte[] mine = t.session().rooms().map().get(key).verifyingKey().toArray();
          byte[] held = sim.node.heldKey(sim.credentials.get(u).stored, key.bytes().toArray());
          if (held == null || !Arrays.equals(held, mine)) {
            throw new AssertionError(
                where + ": " + u + " lists a room with a key the node does" + " not hold");
          }
          sim.keysEver.get(u).add(Base58.encode(mine));
          if (!sim.node.room(key.bytes().toArray()).isMember(mine)) {
            throw new AssertionError(where + ": " + u + " lists a room they are not a member of");
          }
        }
      }
    }
    for (RoomKey key : sim.rooms) {
      RoomState s = sim.node.room(key.bytes().toArray());
      for (String u : sim.users) {
        byte[] held = sim.node.heldKey(sim.credentials.get(u).stored, key.bytes().toArray());
        if (held != null) {
          sim.keysEver.get(u).add(Base58.encode(held));
        }
        int shown = 0;
        for (byte[] k : Roster.shown(s)) {
          shown += sim.keysEver.get(u).contains(Base58.encode(k)) ? 1 : 0;
        }
        if (shown > 1) {
          throw new AssertionError(where + ": " + u + " appears " + shown + " times in a room");
        }
      }
    }
    for (RoomMessage m : sim.acked) {
      if (copies(m) != 1) {
        throw new AssertionError(
            where + ": an acknowledged post is in its room " + copies(m) + " times");
      }
    }
    for (ActionTab t : sim.allTabs()) {
      for (RoomMessage m : t.acknowledged.values()) {
        if (copies(m) != 1) {
          throw new AssertionError(
              where
                  + ": a message the outbox saw acknowledged is in its room "
                  + copies(m)
                  + " times");
        }
      }
    }
  }

  /**
   * After the outboxes drained: every queued message is in its room once, or was refused for good,
   * the user told, and is not there. Answers how many were refused.
   */
  int queuedOnce(String where) {
    Set<String> refused = new HashSet<>();
    for (ActionTab t : sim.allTabs()) {
      refused.addAll(t.refused);
    }
    for (RoomMessage m : sim.queued) {
      int n = copies(m);
      boolean told = refused.contains(Base58.encode(m.signedBytes()));
      if (told ? n != 0 : n != 1) {
        throw new AssertionError(
            where
                + ": a queued message is in its room "
                + n
                + " times"
                + (told ? " though the user was told it could not be delivered" : ""));
      }
    }
    return refused.size();
  }

  boolean outboxesEmpty() {
    for (ActionTab t : sim.allTabs()) {
      if (!t.stored.items.isEmpty()) {
        return false;
      }
      for (OutboxQueue.Entry e : t.outbox.entries()) {
        if (e.deliveredId == null) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * How many messages in the room carry {@code m}'s author and content (every text this simulator
   * writes is unique): a retry that made a second message, even under another time, counts twice.
   */
  int copies(RoomMessage m) {
    RoomState s = sim.node.room(PendingMessage.room(m));
    int n = 0;
    if (s != null) {
      for (RoomMessage held : s.messages()) {
        n += Arrays.equals(held.author(), m.author()) && held.content().equals(m.content()) ? 1 : 0;
      }
    }
    return n;
  }
}
