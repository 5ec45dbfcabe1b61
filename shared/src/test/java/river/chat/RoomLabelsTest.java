package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoomLabelsTest {
  @Test
  void aRoomWhoseStateHasNotArrivedSaysLoadingNotAKeyFragment() {
    assertEquals("Loading…", RoomLabels.name(null, false, false));
  }

  @Test
  void aRoomWithANameShowsIt() {
    assertEquals("Lobby", RoomLabels.name("Lobby", false, true));
  }

  @Test
  void aPrivateRoomWithoutItsSecretSaysPrivate() {
    assertEquals("Private room", RoomLabels.name(null, true, true));
  }

  @Test
  void aRoomTheNodeAnsweredWithoutSaysItIsNotAvailableInsteadOfLoadingForever() {
    assertEquals("Room not available", RoomLabels.name(null, false, true));
  }

  @Test
  void theEmptyPaneSaysWhatToDo() {
    assertTrue(RoomLabels.emptyPane(0).contains("New room"), RoomLabels.emptyPane(0));
    assertTrue(RoomLabels.emptyPane(0).contains("Join with code"), RoomLabels.emptyPane(0));
    assertTrue(RoomLabels.emptyPane(3).startsWith("Pick a room"), RoomLabels.emptyPane(3));
  }
}
