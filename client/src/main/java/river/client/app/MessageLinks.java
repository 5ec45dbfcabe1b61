package river.client.app;

import river.rooms.RoomKey;

/**
 * What the message list needs from the tab's address ({@link TabAddress}): the message a message
 * address points at (marked and scrolled to once), and copying a message's address.
 */
interface MessageLinks {
  /** The id (base58) of the message to mark in {@code room}, or null. */
  String highlight(RoomKey room);

  /** Whether the marked message still has to be scrolled to (once per arrival). */
  boolean scrollToHighlight();

  /**
   * After a render of {@code room}: whether its state was known and the marked message was drawn.
   */
  void drawn(RoomKey room, boolean stateKnown, boolean found);

  /** The user asked for a message's link: put its full address on the clipboard, and say so. */
  void copy(RoomKey room, String messageId);

  MessageLinks NONE =
      new MessageLinks() {
        @Override
        public String highlight(RoomKey room) {
          return null;
        }

        @Override
        public boolean scrollToHighlight() {
          return false;
        }

        @Override
        public void drawn(RoomKey room, boolean stateKnown, boolean found) {}

        @Override
        public void copy(RoomKey room, String messageId) {}
      };
}
