package river.engine;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.wire.DelegateRequest;

/** The load states a host shows (DESIGN "Loading" step 4) and when actions are allowed. */
class LoadStateTest {
  private static List<TabSession.LoadState> record(World w, int t) {
    List<TabSession.LoadState> states = new ArrayList<>();
    w.tab(t)
        .setListener(
            new TabSession.Listener() {
              @Override
              public void onLoadState(TabSession.LoadState s, String d) {
                states.add(s);
              }
            });
    return states;
  }

  @Test
  void perRoomGoesStraightToLoaded() {
    World w = new World();
    w.putSlot(World.CURRENT, key(1), RoomSlot.present(room(1)));
    int t = w.openTab();
    List<TabSession.LoadState> states = record(w, t);
    assertThrows(
        IllegalStateException.class,
        () -> w.tab(t).createRoom(room(2)),
        "no actions while loading");
    w.runAll();
    assertEquals(List.of(TabSession.LoadState.LOADED), states);
    assertThrows(
        IllegalStateException.class,
        () -> w.tab(t).start(),
        "a loaded tab is not reloaded in place");
  }

  @Test
  void migrationShowsMigratingUntilDoneIsRecorded() {
    World w = new World();
    w.delegates
        .get(World.LEGACY_OLDER)
        .putRaw(
            RoomStorageKeys.ROOMS_DATA, w.codec.encodeLegacyBlob(Rooms.EMPTY.withRoom(room(1))));
    int t = w.openTab();
    List<TabSession.LoadState> states = record(w, t);
    w.runAllExcept(
        e -> e.kind == World.Kind.REQUEST && Answers.is(e.op, DelegateRequest.CasStore.class));
    assertEquals(List.of(TabSession.LoadState.MIGRATING), states);
    assertTrue(w.tab(t).rooms().holds(key(1)), "rooms are shown while migrating");
    w.act(t, s -> s.setNickname(key(1), "edited while migrating"));
    w.runAll();
    assertEquals(List.of(TabSession.LoadState.MIGRATING, TabSession.LoadState.LOADED), states);
    assertEquals("edited while migrating", w.slot(key(1)).data().nickname());
    assertTrue(w.current().keys().contains(RoomStorageKeys.MIGRATION_DONE));
  }
}
