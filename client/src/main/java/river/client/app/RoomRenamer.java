package river.client.app;

import java.util.Arrays;
import river.cbor.Utf8;
import river.chat.RoomSecrets;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomState;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.wire.Op;

/**
 * The owner renames a room: the next configuration version with the new name (sealed in a private
 * room), signed through the delegate, sent as an update; every member's tabs get it from the
 * contract push. Refusals that can be known here come back at once as text.
 */
final class RoomRenamer {
  private final NodeCalls calls;
  private final RoomCipher cipher;

  RoomRenamer(NodeCalls calls, RoomCipher cipher) {
    this.calls = calls;
    this.cipher = cipher;
  }

  /** Only the owner's key signs configurations. */
  static boolean isOwner(RoomKey key, RoomData data) {
    return data != null && Arrays.equals(data.verifyingKey().toArray(), key.bytes().toArray());
  }

  /** Null when the rename went out; else why not. */
  String rename(RoomKey key, RoomData data, RoomState state, String newName, NodeCalls.Fail fail) {
    if (state == null || state.config() == null) {
      return "This room has not loaded yet; try again in a moment.";
    }
    if (!isOwner(key, data)) {
      return "Only the room's owner can rename it.";
    }
    String name = newName.trim();
    if (name.isEmpty()) {
      return "A room needs a name.";
    }
    byte[] plain = Utf8.encode(name);
    RoomConfig config = state.config();
    if (plain.length > config.maxNameBytes()) {
      return "That name is too long for this room (" + plain.length + " bytes, at most " + config.maxNameBytes() + ").";
    }
    byte[] room = key.bytes().toArray();
    long secretVersion = config.secretVersion();
    cipher.seal(config.isPrivate(), config.isPrivate() ? RoomSecrets.find(data.invitationSecrets(), secretVersion) : null,
        secretVersion, plain, sealed -> {
          RoomConfig unsigned = config.renamed(sealed);
          calls.sign(room, "config", unsigned.signedBytes(), sig -> calls.contract(new Op.Update(room,
              RoomDelta.builder().config(unsigned.withSignature(sig)).build().encode()), ok -> { }, fail), fail);
        }, fail);
    return null;
  }
}
