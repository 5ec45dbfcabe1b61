package river.client.app;

import river.chat.RoomLabels;
import river.engine.TabSession;
import river.room.RoomState;
import river.rooms.RoomKey;

/**
 * What a room is called in this tab: its name from the room's contract (opened with the room's
 * secret in a private room), or a placeholder while the state or its decryption is on its way, or
 * when this profile holds no key for it ({@link RoomLabels}).
 */
final class RoomNames {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final Texts texts;

  RoomNames(TabSession session, RoomHydrator hydrator, Texts texts) {
    this.session = session;
    this.hydrator = hydrator;
    this.texts = texts;
  }

  String name(RoomKey key) {
    RoomState state = hydrator.state(key);
    String name = null;
    boolean sealed = false;
    boolean decrypting = false;
    if (state != null && state.config() != null) {
      name = texts.read(session.rooms().room(key), state.config().name());
      sealed = name == Texts.NO_KEY;
      decrypting = name == Texts.DECRYPTING;
      name = sealed || decrypting ? null : name;
    }
    // a name still being decrypted is loading, like one whose state has not arrived
    return RoomLabels.name(name, sealed, hydrator.answered(key) && !decrypting);
  }
}
