package river.client.app;

import river.rooms.RoomKey;

/** What the panes of the rooms screen need from it: the room this tab shows, and its guards. */
interface ScreenHost {
  /** The room this tab shows, or null. */
  RoomKey shown();

  /** Runs a user action once the rooms are loaded (else says why not), then sends its saves. */
  void act(Runnable action);

  /** Sends what the room actions want sent (after an action that did not go through act). */
  void pumpActions();

  /** Shows a problem in the error banner. */
  void problem(String message);

  /** Hides the error banner if it still shows {@code message} (it no longer holds). */
  void problemSolved(String message);

  /** Shows the direct conversation with {@code peer} in {@code room}. */
  void openDirect(RoomKey room, byte[] peer);

  /** Offers to join by an invitation code: the join dialog, filled in. */
  void offerInvitation(String code);
}
