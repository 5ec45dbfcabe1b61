package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What readers see of a room's messages: TEXT and REPLY messages in (time, id) order, with the
 * actions that refer to them applied. EDIT and DELETE count only when their author wrote the target
 * (anyone else's are ignored, not refused: the contract cannot tell a stale action from a malicious
 * one); the latest edit by (time, id) wins; a deleted message disappears with its edits and
 * reactions. REACT adds a reaction to a visible message; UNREACT withdraws a REACT of the same
 * author. Actions whose target is no longer in the room are ignored. Pure; applied on the state
 * alone, so every replica with the same state shows the same thing.
 */
public final class MessageView {
  private MessageView() {}

  public static List<VisibleMessage> of(RoomState state) {
    Map<String, RoomMessage> byId = new HashMap<String, RoomMessage>();
    for (RoomMessage m : state.messages) {
      byId.put(UnsignedBytes.hex(m.signatureShared()), m);
    }
    Map<String, RoomMessage> latestEdit = new HashMap<String, RoomMessage>();
    Map<String, Boolean> deleted = new HashMap<String, Boolean>();
    Map<String, Boolean> withdrawn = new HashMap<String, Boolean>();
    for (RoomMessage m : state.messages) { // oldest first: a later edit replaces an earlier one
      if (!m.kind().hasTarget() || m.kind() == MessageKind.REPLY || m.kind() == MessageKind.REACT) {
        continue;
      }
      String t = UnsignedBytes.hex(m.target());
      RoomMessage target = byId.get(t);
      if (target == null || !Arrays.equals(target.authorShared(), m.authorShared())) {
        continue;
      }
      if (m.kind() == MessageKind.EDIT && isPost(target)) {
        latestEdit.put(t, m);
      } else if (m.kind() == MessageKind.DELETE && isPost(target)) {
        deleted.put(t, Boolean.TRUE);
      } else if (m.kind() == MessageKind.UNREACT && target.kind() == MessageKind.REACT) {
        withdrawn.put(t, Boolean.TRUE);
      }
    }
    Map<String, List<RoomMessage>> reactions = new LinkedHashMap<String, List<RoomMessage>>();
    for (RoomMessage m : state.messages) {
      if (m.kind() == MessageKind.REACT
          && !withdrawn.containsKey(UnsignedBytes.hex(m.signatureShared()))) {
        String t = UnsignedBytes.hex(m.target());
        List<RoomMessage> l = reactions.get(t);
        if (l == null) {
          l = new ArrayList<RoomMessage>();
          reactions.put(t, l);
        }
        l.add(m);
      }
    }
    List<VisibleMessage> out = new ArrayList<VisibleMessage>();
    for (RoomMessage m : state.messages) {
      String id = UnsignedBytes.hex(m.signatureShared());
      if (!isPost(m) || deleted.containsKey(id)) {
        continue;
      }
      RoomMessage edit = latestEdit.get(id);
      List<RoomMessage> r = reactions.get(id);
      out.add(
          new VisibleMessage(
              m,
              edit == null ? m.content() : edit.content(),
              edit != null,
              r == null ? new ArrayList<RoomMessage>() : r));
    }
    return out;
  }

  private static boolean isPost(RoomMessage m) {
    return m.kind() == MessageKind.TEXT || m.kind() == MessageKind.REPLY;
  }
}
