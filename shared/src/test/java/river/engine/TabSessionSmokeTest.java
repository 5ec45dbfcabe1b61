package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;

/** End-to-end smoke test of two tab sessions over the delegate model. */
class TabSessionSmokeTest {
  @Test
  void roomCreatedInOneTabIsStoredAppearsInTheOtherAndSurvivesReload() throws Exception {
    World w = new World();
    int a = w.openTab(), b = w.openTab();
    w.runAll();
    assertEquals(TabSession.LoadState.LOADED, w.tab(a).loadState());
    w.act(a, t -> t.createRoom(room(1)));
    w.runAll();
    byte[] stored = w.current().data(RoomStorageKeys.roomKey(key(1)));
    assertEquals(RoomSlot.present(room(1)), w.codec.decodeSlot(stored));
    assertTrue(w.tab(b).rooms().holds(key(1)), "live push brought the room to tab b");
    w.reload(b);
    w.runAll();
    assertTrue(w.tab(b).rooms().holds(key(1)));
    assertEquals(List.of(), w.problems);
  }
}
