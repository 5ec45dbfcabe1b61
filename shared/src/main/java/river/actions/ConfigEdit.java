package river.actions;

import java.util.Arrays;
import river.cbor.Utf8;
import river.engine.TabSession;
import river.room.ConfigRules;
import river.room.RoomConfig;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SigningPurpose;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * The owner edits the room's configuration (name, description, limits), rename included: checked
 * locally first and refused in words ({@link RoomTexts}, ranges from {@link ConfigRules}); then the
 * name and description are sealed with the room secret in a private room, the next version is
 * signed by the owner's node-held key ({@link SigningPurpose#CONFIG}) and sent as an update. Every
 * member's tabs see it through the contract push. The one seal/sign/send path of a config: rename
 * is an edit of the name alone.
 */
final class ConfigEdit {
  private final ActionLink link;
  private final TabSession session;

  ConfigEdit(ActionLink link, TabSession session) {
    this.link = link;
    this.session = session;
  }

  /** Null when the edit went out (or changed nothing); else why not, in words for the user. */
  String edit(
      RoomKey key,
      RoomState state,
      SettingsEdit edit,
      String notOwner,
      final ActionLink.Fail fail) {
    final RoomData data = session.rooms().map().get(key);
    String problem = RoomEdits.usable(data, state);
    if (problem == null && !RoomEdits.isOwner(key, data)) {
      problem = notOwner;
    }
    if (problem != null) {
      return problem;
    }
    final RoomConfig config = state.config();
    int[] limits = config.limits();
    String[] typed = {edit.maxRecentMessages, edit.maxMessageBytes, edit.maxMembers};
    int[] which = {ConfigRules.RECENT_MESSAGES, ConfigRules.MESSAGE_BYTES, ConfigRules.MEMBERS};
    // in the order the details show them: name, description, members, message size, kept
    problem = edit.name == null ? null : RoomTexts.checkName(edit.name, config.maxNameBytes());
    if (problem == null && edit.description != null) {
      problem = RoomTexts.checkDescription(edit.description, config.maxDescriptionBytes());
    }
    for (int i = which.length - 1; i >= 0 && problem == null; i--) {
      if (typed[i] != null) {
        problem = RoomTexts.checkLimit(which[i], typed[i]);
        if (problem == null) {
          limits[which[i]] = RoomTexts.parseLimit(typed[i]);
        }
      }
    }
    if (problem != null) {
      return problem;
    }
    final byte[] name = edit.name == null ? null : Utf8.encode(edit.name.trim());
    final byte[] description =
        edit.description == null ? null : Utf8.encode(edit.description.trim());
    if (unchanged(config, name, description, limits)) {
      return null;
    }
    final int[] newLimits = limits;
    final byte[] room = key.bytes().toArray();
    sealOrKeep(
        state,
        data,
        name,
        config.name(),
        new ActionLink.Then<SealedBytes>() {
          @Override
          public void accept(final SealedBytes sealedName) {
            sealOrKeep(
                state,
                data,
                description,
                config.description(),
                new ActionLink.Then<SealedBytes>() {
                  @Override
                  public void accept(SealedBytes sealedDescription) {
                    signAndSend(
                        room, config.edited(sealedName, sealedDescription, newLimits), fail);
                  }
                },
                fail);
          }
        },
        fail);
    return null;
  }

  /** A public room's edit that changes nothing is not sent (private text cannot be compared). */
  private static boolean unchanged(
      RoomConfig config, byte[] name, byte[] description, int[] limits) {
    return !config.isPrivate()
        && (name == null || Arrays.equals(name, config.name().data()))
        && (description == null || Arrays.equals(description, config.description().data()))
        && Arrays.equals(limits, config.limits());
  }

  /** The new text sealed as the room requires, or the value held when there is no new text. */
  private void sealOrKeep(
      RoomState state,
      RoomData data,
      byte[] plain,
      SealedBytes held,
      ActionLink.Then<SealedBytes> then,
      ActionLink.Fail fail) {
    if (plain == null) {
      then.accept(held);
      return;
    }
    link.sealForRoom(data, state, plain, then, fail);
  }

  private void signAndSend(
      final byte[] room, final RoomConfig unsigned, final ActionLink.Fail fail) {
    link.signAndUpdate(
        room,
        SigningPurpose.CONFIG,
        unsigned.signedBytes(),
        sig -> RoomDelta.builder().config(unsigned.withSignature(sig)).build(),
        null,
        fail,
        new ActionLink.CodedFail() {
          @Override
          public void fail(String code, String message) {
            fail.fail(RoomTexts.settingsRefused(code, message));
          }
        });
  }
}
