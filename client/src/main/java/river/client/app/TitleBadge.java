package river.client.app;

import elemental2.dom.DomGlobal;
import java.util.Objects;
import river.nav.TabTitle;

/**
 * The tab's title and the shell's copy of it (the shell page's title is what the browser shows):
 * the count of unread messages that call for attention and the shown room's name. The shell is told
 * only when either changed, not on every render.
 */
final class TitleBadge {
  private final ShellLink shell;
  private int shownTotal = -1;
  private String shownRoom;

  TitleBadge(ShellLink shell) {
    this.shell = shell;
  }

  void show(int total, String room) {
    DomGlobal.document.title = TabTitle.of(total, room);
    if (total != shownTotal || !Objects.equals(room, shownRoom)) {
      shownTotal = total;
      shownRoom = room;
      shell.title(total, room);
    }
  }
}
