package river.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NarrowViewTest {
  @Test
  void withNoRoomShownOnlyTheRoomListIsShown() {
    for (NarrowView v : NarrowView.values()) {
      assertEquals(NarrowView.ROOMS, v.given(false));
    }
  }

  @Test
  void withARoomShownTheChosenViewStays() {
    for (NarrowView v : NarrowView.values()) {
      assertEquals(v, v.given(true));
    }
  }

  @Test
  void pickingARoomOpensItsConversation() {
    assertEquals(NarrowView.CONVERSATION, NarrowView.picked());
  }

  @Test
  void backShowsTheRoomListFromEitherView() {
    assertEquals(NarrowView.ROOMS, NarrowView.CONVERSATION.back());
    assertEquals(NarrowView.ROOMS, NarrowView.MEMBERS.back());
  }

  @Test
  void theMembersButtonTogglesBetweenMembersAndConversation() {
    assertEquals(NarrowView.MEMBERS, NarrowView.CONVERSATION.toggleMembers());
    assertEquals(NarrowView.CONVERSATION, NarrowView.MEMBERS.toggleMembers());
  }

  @Test
  void theStylesheetSeesLowerCaseNames() {
    assertEquals("rooms", NarrowView.ROOMS.attribute());
    assertEquals("conversation", NarrowView.CONVERSATION.attribute());
    assertEquals("members", NarrowView.MEMBERS.attribute());
  }
}
