package river.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import river.cbor.ReadOnly;
import river.room.DirectMessage;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * A user's direct-message threads across their rooms, as a pure answer over the room states and
 * their room data: one thread per (room, peer) with a DM either way, its messages oldest first, its
 * newest message, and how many of the peer's messages are after the thread's read mark (the user's
 * own never count). A mark is the newest DM read: position = its time, id = its id, so "after" is
 * the same (time, id) order the room keeps DMs in ({@link LastRead#later}). Threads come newest
 * first. A thread the user hid ({@link RoomData#dmHidden}) stays hidden while its newest message is
 * not after the hidden mark: a message either way brings it back ({@link #listed}).
 */
public final class DmThreads {
  private DmThreads() {}

  /** One (room, peer) conversation. */
  public static final class Conversation {
    public final RoomKey room;
    public final Bytes peer;
    public final List<DirectMessage> messages;
    public final int unread;

    /** The user hid it, and nothing arrived since. */
    public final boolean hidden;

    Conversation(
        RoomKey room, Bytes peer, List<DirectMessage> messages, int unread, boolean hidden) {
      this.room = room;
      this.peer = peer;
      this.messages = ReadOnly.list(messages);
      this.unread = unread;
      this.hidden = hidden;
    }

    public DirectMessage newest() {
      return messages.get(messages.size() - 1);
    }
  }

  /** One room as the user holds it: its data (identity, marks) and its state, or null. */
  public static final class Room {
    final RoomKey key;
    final RoomData data;
    final RoomState state;

    public Room(RoomKey key, RoomData data, RoomState state) {
      this.key = key;
      this.data = data;
      this.state = state;
    }
  }

  public static List<Conversation> of(List<Room> rooms) {
    List<Conversation> out = new ArrayList<Conversation>();
    for (Room r : rooms) {
      if (r.data == null || r.state == null) {
        continue;
      }
      out.addAll(inRoom(r.key, r.data, r.state));
    }
    Collections.sort(
        out,
        new Comparator<Conversation>() {
          @Override
          public int compare(Conversation a, Conversation b) {
            LastRead x = markOf(a.newest());
            LastRead y = markOf(b.newest());
            return x.equals(y) ? 0 : LastRead.later(x, y) == x ? -1 : 1;
          }
        });
    return out;
  }

  /** The threads of one room, in the order their peers first appear. */
  static List<Conversation> inRoom(RoomKey key, RoomData data, RoomState state) {
    byte[] me = data.verifyingKey().toArray();
    Map<Bytes, List<DirectMessage>> byPeer = new LinkedHashMap<Bytes, List<DirectMessage>>();
    for (DirectMessage m : state.directMessages()) { // oldest first
      byte[] peer = peerOf(m, me);
      if (peer == null) {
        continue;
      }
      Bytes p = Bytes.of(peer);
      List<DirectMessage> list = byPeer.get(p);
      if (list == null) {
        list = new ArrayList<DirectMessage>();
        byPeer.put(p, list);
      }
      list.add(m);
    }
    List<Conversation> out = new ArrayList<Conversation>();
    for (Map.Entry<Bytes, List<DirectMessage>> e : byPeer.entrySet()) {
      LastRead mark = data.dmRead(e.getKey());
      int unread = 0;
      for (DirectMessage m : e.getValue()) {
        if (!Arrays.equals(m.sender(), me) && isAfter(m, mark)) {
          unread++;
        }
      }
      List<DirectMessage> messages = e.getValue();
      DirectMessage newest = messages.get(messages.size() - 1);
      boolean hidden = !isAfter(newest, data.dmHidden(e.getKey()));
      out.add(new Conversation(key, e.getKey(), messages, unread, hidden));
    }
    return out;
  }

  /**
   * The threads the list shows: every one not hidden, and the open one (room and peer, null for
   * none) even when hidden, so the conversation on screen keeps its place in the list.
   */
  public static List<Conversation> listed(
      List<Conversation> threads, RoomKey openRoom, Bytes openPeer) {
    List<Conversation> out = new ArrayList<Conversation>();
    for (Conversation t : threads) {
      if (!t.hidden || (t.room.equals(openRoom) && t.peer.equals(openPeer))) {
        out.add(t);
      }
    }
    return out;
  }

  /** The thread with {@code peer} in this room, or null when there is no DM either way. */
  public static Conversation find(List<Conversation> threads, RoomKey room, Bytes peer) {
    for (Conversation t : threads) {
      if (t.room.equals(room) && t.peer.equals(peer)) {
        return t;
      }
    }
    return null;
  }

  /** The other party of {@code m} when {@code me} is one of them, else null. */
  public static byte[] peerOf(DirectMessage m, byte[] me) {
    if (Arrays.equals(m.sender(), me)) {
      return m.recipient();
    }
    return Arrays.equals(m.recipient(), me) ? m.sender() : null;
  }

  /** The read mark that says "read up to and including {@code m}". */
  public static LastRead markOf(DirectMessage m) {
    return new LastRead(m.time(), Bytes.of(m.id()));
  }

  /**
   * Whether {@code m} is unread by the user holding {@code data}: someone else wrote it to them and
   * it is after their read mark of that thread (the same count {@link Conversation#unread} makes).
   */
  public static boolean isUnread(DirectMessage m, RoomData data) {
    byte[] me = data.verifyingKey().toArray();
    byte[] peer = peerOf(m, me);
    return peer != null
        && !Arrays.equals(m.sender(), me)
        && isAfter(m, data.dmRead(Bytes.of(peer)));
  }

  static boolean isAfter(DirectMessage m, LastRead mark) {
    LastRead own = markOf(m);
    return !own.equals(mark) && LastRead.later(own, mark) == own;
  }

  /** Unread DMs across all threads (for a badge or the title). */
  public static int unreadTotal(List<Conversation> threads) {
    int n = 0;
    for (Conversation t : threads) {
      n += t.unread;
    }
    return n;
  }
}
