package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLOptionElement;
import elemental2.dom.HTMLSelectElement;
import jsinterop.base.Js;
import river.rooms.NotificationMode;

/**
 * The current room's header: its name ({@code room-name}), the notification mode ({@code
 * notification-mode}), invite ({@code invite-create}), rename for the owner ({@code room-rename},
 * then {@code room-rename-input} / {@code room-rename-save}, refusals in {@code room-rename-error})
 * and leave ({@code leave-room}, confirmed by {@code leave-confirm}, which only the click renders).
 * Under the name, the room's description as text ({@code room-description}, absent when empty);
 * {@code room-settings-open} opens the room details.
 */
public final class RoomHeaderView {
  public interface Listener {
    void onModeChange(NotificationMode mode);

    void onLeave();

    void onInvite();

    /** Null when the new name went out; else why not (shown under the field). */
    String onRename(String newName);

    /** The user asked to see the room's details ({@code room-settings-open}). */
    void onOpenDetails();
  }

  private final HTMLElement root = Dom.el("div", "room-header");
  private final HTMLElement name = Dom.hook("h1", "room-title", "room-name");
  private final HTMLSelectElement mode =
      Js.uncheckedCast(Dom.hook("select", "mode-select", "notification-mode"));
  private final HTMLElement confirmRow = Dom.el("div", "leave-confirm-row");
  private final HTMLButtonElement rename = Dom.button("secondary", "room-rename", "Rename");
  private final HTMLElement titleBlock = Dom.el("div", "room-title-block");
  private final HTMLElement description = Dom.hook("p", "room-description", "room-description");
  private final HTMLButtonElement invite = Dom.button("secondary", "invite-create", "Invite");

  public RoomHeaderView(Listener listener) {
    for (NotificationMode m : NotificationMode.values()) {
      HTMLOptionElement o = Js.uncheckedCast(Dom.el("option", null));
      o.value = uiValue(m);
      o.textContent = label(m);
      mode.appendChild(o);
    }
    mode.setAttribute("aria-label", "Notifications for this room");
    mode.addEventListener("change", e -> listener.onModeChange(fromUiValue(mode.value)));
    invite.addEventListener("click", e -> listener.onInvite());
    HTMLButtonElement leave = Dom.button("danger", "leave-room", "Leave");
    leave.addEventListener(
        "click",
        e -> {
          Dom.clear(confirmRow);
          confirmRow.appendChild(
              Dom.text("span", null, "Leave this room? Your other tabs leave it too."));
          HTMLButtonElement yes = Dom.button("danger", "leave-confirm", "Leave room");
          yes.addEventListener(
              "click",
              ev -> {
                Dom.clear(confirmRow);
                listener.onLeave();
              });
          HTMLButtonElement no = Dom.button("secondary", "leave-cancel", "Stay");
          no.addEventListener("click", ev -> Dom.clear(confirmRow));
          confirmRow.appendChild(yes);
          confirmRow.appendChild(no);
        });
    rename.addEventListener("click", e -> openRename(listener));
    HTMLButtonElement details = Dom.button("secondary", "room-settings-open", "Details");
    details.addEventListener("click", e -> listener.onOpenDetails());
    HTMLElement actions = Dom.el("div", "room-actions");
    actions.appendChild(mode);
    actions.appendChild(details);
    actions.appendChild(invite);
    actions.appendChild(rename);
    actions.appendChild(leave);
    titleBlock.appendChild(name);
    root.appendChild(titleBlock);
    root.appendChild(actions);
    root.appendChild(confirmRow);
  }

  public HTMLElement element() {
    return root;
  }

  /**
   * {@code canRename}: the user owns the room. An open rename or leave row stays open. An empty
   * {@code roomDescription} removes the description line.
   */
  public void show(
      String roomName, String roomDescription, NotificationMode current, boolean canRename) {
    Dom.userText(name, roomName);
    boolean hasDescription = roomDescription != null && !roomDescription.trim().isEmpty();
    if (hasDescription) {
      Dom.userText(description, roomDescription);
      if (description.parentNode == null) {
        titleBlock.appendChild(description);
      }
    } else if (description.parentNode != null) {
      titleBlock.removeChild(description);
    }
    mode.value = uiValue(current);
    Dom.show(rename, canRename);
  }

  /** {@code member}: the user is a member (a removed member is offered no invite). */
  public void showMemberActions(boolean member) {
    Dom.show(invite, member);
  }

  /** Another room is shown: a half-done rename or leave belonged to the old one. */
  public void reset() {
    Dom.clear(confirmRow);
  }

  private void openRename(Listener listener) {
    Dom.clear(confirmRow);
    elemental2.dom.HTMLInputElement input =
        Js.uncheckedCast(Dom.hook("input", "rename-input", "room-rename-input"));
    input.value = name.textContent;
    input.setAttribute("dir", "auto");
    input.setAttribute("aria-label", "New room name");
    HTMLElement error = Dom.hook("span", "field-error", "room-rename-error");
    HTMLButtonElement save = Dom.button("primary", "room-rename-save", "Save name");
    Runnable submit =
        () -> {
          String refused = listener.onRename(input.value);
          if (refused == null) {
            Dom.clear(confirmRow);
          } else {
            error.textContent = refused;
          }
        };
    save.addEventListener("click", e -> submit.run());
    input.addEventListener(
        "keydown",
        e -> {
          if ("Enter".equals(((elemental2.dom.KeyboardEvent) e).key)) {
            submit.run();
          }
        });
    HTMLButtonElement cancel = Dom.button("secondary", "room-rename-cancel", "Cancel");
    cancel.addEventListener("click", e -> Dom.clear(confirmRow));
    confirmRow.appendChild(input);
    confirmRow.appendChild(save);
    confirmRow.appendChild(cancel);
    confirmRow.appendChild(error);
    input.focus();
  }

  /** UI-CONTRACT values: all / mentions / muted (the stored names differ). */
  static String uiValue(NotificationMode m) {
    return m.name().toLowerCase();
  }

  static NotificationMode fromUiValue(String v) {
    for (NotificationMode m : NotificationMode.values()) {
      if (uiValue(m).equals(v)) {
        return m;
      }
    }
    return NotificationMode.ALL;
  }

  private static String label(NotificationMode m) {
    switch (m) {
      case ALL:
        return "All messages";
      case MENTIONS:
        return "Mentions only";
      default:
        return "Muted";
    }
  }
}
