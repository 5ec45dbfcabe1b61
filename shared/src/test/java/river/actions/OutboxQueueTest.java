package river.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import river.engine.SeededRandom;
import river.engine.World;
import river.room.MessageKind;
import river.room.PendingMessage;
import river.room.RoomMessage;
import river.room.SealedBytes;
import river.rooms.RoomKey;
import river.wire.ErrorCodes;
import river.wire.WireException;

/** The outbox's decisions, one test per rule, against the node model. */
class OutboxQueueTest {
  final ModelNode node = new ModelNode(5);
  final ActionTab alice = new ActionTab("alice", new World(), node);
  final Map<String, byte[]> shell = new LinkedHashMap<>(); // the shell's IndexedDB outbox
  RoomKey room;

  final class Tab implements OutboxQueue.Host {
    final ActionLink link = new ActionLink(ActionTab.CIPHER);
    final OutboxQueue queue = new OutboxQueue(link, this, () -> node.now, new SeededRandom(1));
    final List<String> undeliverable = new ArrayList<>();
    long wake = -1;
    String failWith; // answer every request with this error code while set
    int failing = -1; // how many requests failWith refuses (-1: all)

    @Override
    public void store(String key, byte[] body) {
      shell.put(key, body);
    }

    @Override
    public void remove(String key) {
      shell.remove(key);
    }

    @Override
    public void wakeAt(long at) {
      wake = at;
    }

    @Override
    public void changed() {}

    @Override
    public void undeliverable(String reason) {
      undeliverable.add(reason);
    }

    /** Answers everything sent until quiet; returns how many requests went out. */
    int pump() {
      int n = 0;
      for (List<ActionRequest> out = link.drain(); !out.isEmpty(); out = link.drain()) {
        for (ActionRequest r : out) {
          n++;
          if (failWith != null && failing != 0) {
            failing--;
            link.onError(r.id, failWith, "refused: " + failWith);
            continue;
          }
          try {
            link.onResult(r.id, node.answer("alice", r.op));
          } catch (WireException e) {
            link.onError(r.id, e.code(), e.getMessage());
          }
        }
      }
      return n;
    }
  }

  RoomMessage message(String text, long time) {
    if (room == null) {
      List<RoomKey> made = new ArrayList<>();
      alice.actions.create("Lobby", "alice", false, made::add, alice.failInto());
      alice.pump();
      room = made.get(0);
    }
    return Compose.message(
        room,
        alice.session().rooms().map().get(room),
        node.room(room.bytes().toArray()),
        time,
        MessageKind.TEXT,
        null,
        SealedBytes.publicBytes(text.getBytes(StandardCharsets.UTF_8)));
  }

  boolean inRoom(RoomMessage m) {
    return PendingMessage.deliveredIn(node.room(room.bytes().toArray()), m);
  }

  Tab connected() {
    Tab t = new Tab();
    t.queue.onConnected();
    t.queue.onItems(new LinkedHashMap<>(shell));
    return t;
  }

  @Test
  void aMessageIsStoredBeforeItIsSentAndLeavesTheStoreWhenAcknowledged() {
    Tab t = connected();
    RoomMessage m = message("hi", node.now);
    String key = t.queue.add(m);
    assertTrue(shell.containsKey(key));
    assertEquals(1, t.pump(), "only the signature is asked for while the shell stores it");
    assertTrue(!inRoom(m), "nothing is published before the shell committed it");
    t.queue.onSaved(key, true);
    assertEquals(1, t.pump(), "then the update, with the signature already in");
    assertTrue(inRoom(m));
    assertNotNull(t.queue.entries().get(0).deliveredId);
    assertTrue(shell.isEmpty());
  }

  @Test
  void nothingIsSentWhileDisconnectedAndEverythingWaitingGoesOnConnect() {
    Tab t = new Tab();
    RoomMessage m = message("offline", node.now);
    t.queue.onSaved(t.queue.add(m), true);
    assertEquals(0, t.pump());
    t.queue.onConnected();
    t.queue.onItems(new LinkedHashMap<>(shell));
    t.pump();
    assertTrue(inRoom(m));
  }

  @Test
  void aPermanentRefusalDropsTheEntryAndTellsTheUser() {
    Tab t = connected();
    RoomMessage m = message("too late", node.now);
    String key = t.queue.add(m);
    t.failWith = ErrorCodes.INVALID;
    t.queue.onSaved(key, true);
    t.pump();
    assertEquals(1, t.undeliverable.size());
    assertTrue(t.queue.entries().isEmpty());
    assertTrue(shell.isEmpty());
  }

  @Test
  void anUpdateRefusedAfterSigningAheadIsSignedAgainOnceBeforeItIsRefusedForGood() {
    Tab t = connected();
    RoomMessage m = message("signed ahead", node.now);
    String key = t.queue.add(m);
    assertEquals(1, t.pump(), "signed while the shell stores it");
    t.failWith = ErrorCodes.INVALID; // e.g. the member's key changed in another tab meanwhile
    t.failing = 1;
    t.queue.onSaved(key, true);
    assertEquals(3, t.pump(), "the refused update, a new signature, the update again");
    assertTrue(inRoom(m));
    assertTrue(t.undeliverable.isEmpty());

    RoomMessage n = message("refused twice", node.now + 1);
    String again = t.queue.add(n);
    t.pump();
    t.failing = -1;
    t.queue.onSaved(again, true);
    assertEquals(2, t.pump(), "the refused update and the refused signing: no third try");
    assertEquals(1, t.undeliverable.size());
    assertTrue(!inRoom(n));
  }

  @Test
  void aTransientFailureIsRetriedWithBackoffAndKept() {
    for (String code :
        new String[] {"timeout", "disconnected", "unavailable", ErrorCodes.INTERNAL}) {
      shell.clear();
      Tab t = connected();
      RoomMessage m = message("retry " + code, node.now + code.length());
      String key = t.queue.add(m);
      t.failWith = code;
      t.queue.onSaved(key, true);
      t.pump();
      assertTrue(t.wake > node.now, code + ": a retry is scheduled");
      assertTrue(shell.containsKey(key), code + ": still stored");
      assertTrue(t.undeliverable.isEmpty());
      t.failWith = null;
      t.queue.onWakeup();
      t.pump();
      assertTrue(inRoom(m), code);
    }
  }

  @Test
  void anotherOpenTabsEntryIsShownAndSentHereOnlyIfItLingers() {
    Tab writer = connected();
    Tab other = connected();
    RoomMessage m = message("from the other tab", node.now);
    String key = writer.queue.add(m); // stored; the writer has not sent it yet
    other.queue.onItems(new LinkedHashMap<>(shell));
    assertEquals(1, other.queue.entries().size());
    assertTrue(other.queue.entries().get(0).foreign);
    assertEquals(0, other.pump(), "the writing tab sends it");
    assertEquals(node.now + OutboxQueue.LINGER_MS + 100, other.wake);
    node.now += OutboxQueue.LINGER_MS + 100;
    other.queue.onWakeup();
    other.pump();
    assertTrue(inRoom(m), "it lingered: this tab sent it");
    // the writer sends it too when it gets round to it: the same signed message, held once
    writer.queue.onSaved(key, true);
    writer.pump();
    assertEquals(1, node.room(room.bytes().toArray()).messages().size());
  }

  @Test
  void anotherTabsEntryThatLeftTheStoreWasDeliveredThere() {
    Tab other = connected();
    Tab writer = connected();
    String key = writer.queue.add(message("x", node.now));
    other.queue.onItems(new LinkedHashMap<>(shell));
    shell.remove(key);
    other.queue.onItems(new LinkedHashMap<>(shell));
    assertTrue(other.queue.entries().isEmpty());
  }

  @Test
  void afterAReconnectEveryTabSendsWhatIsWaiting() {
    Tab writer = connected();
    Tab other = connected();
    RoomMessage m = message("left behind", node.now);
    writer.queue.add(m);
    other.queue.onItems(new LinkedHashMap<>(shell));
    other.queue.onDisconnected();
    other.queue.onConnected();
    other.queue.onItems(new LinkedHashMap<>(shell));
    assertTrue(other.pump() > 0);
    assertTrue(inRoom(m));
  }

  @Test
  void unreadableStoredEntriesAreRemoved() {
    shell.put("junk", new byte[] {(byte) 0xff, 0});
    Tab t = connected();
    assertNull(shell.get("junk"));
    assertTrue(t.queue.entries().isEmpty());
  }

  @Test
  void theRoomHoldingTheMessageDeliversItWhateverTheAcknowledgment() {
    Tab t = connected();
    RoomMessage m = message("acked late", node.now);
    String key = t.queue.add(m);
    t.queue.deliveredByRoom(key);
    assertTrue(shell.isEmpty());
    assertTrue(t.queue.entries().isEmpty());
  }
}
