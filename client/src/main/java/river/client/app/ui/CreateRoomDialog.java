package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLInputElement;
import jsinterop.base.Js;
import river.actions.RoomTexts;
import river.room.RoomConfig;

/**
 * The create-room dialog: room name, own nickname, "private" checkbox. Opened by {@code
 * create-room-open}; submitting with an empty name or nickname shows why instead of creating
 * anything.
 */
public final class CreateRoomDialog {
  public interface Listener {
    void onCreate(String name, String nickname, boolean isPrivate);
  }

  private final DialogFrame frame;
  private final HTMLFormElement form = Js.uncheckedCast(Dom.el("form", "dialog"));
  private final HTMLInputElement name = input("text", "create-room-name");
  private final HTMLInputElement nickname = input("text", "create-room-nickname");
  private final HTMLInputElement isPrivate = input("checkbox", "create-room-private");
  private final HTMLElement problem = Dom.el("p", "dialog-error");

  /** {@code home}: where focus goes when the dialog closes (the composer). */
  public CreateRoomDialog(Listener listener, Runnable home) {
    frame = new DialogFrame(form, "Create a room", home);
    form.appendChild(Dom.text("h2", null, "Create a room"));
    name.maxLength = RoomConfig.DEFAULT_MAX_NAME_BYTES;
    nickname.maxLength = RoomConfig.DEFAULT_MAX_NICKNAME_BYTES;
    form.appendChild(labelled("Room name", name));
    form.appendChild(labelled("Your nickname", nickname));
    HTMLElement privateRow = Dom.el("label", "check-row");
    privateRow.appendChild(isPrivate);
    privateRow.appendChild(
        Dom.text("span", null, "Private (messages, names and nicknames encrypted)"));
    form.appendChild(privateRow);
    form.appendChild(problem);
    HTMLElement buttons = Dom.el("div", "dialog-buttons");
    HTMLButtonElement cancel = Js.uncheckedCast(Dom.text("button", "secondary", "Cancel"));
    cancel.type = "button";
    cancel.addEventListener("click", e -> close());
    HTMLButtonElement submit =
        Js.uncheckedCast(Dom.hook("button", "primary", "create-room-submit"));
    submit.type = "submit";
    submit.textContent = "Create";
    buttons.appendChild(cancel);
    buttons.appendChild(submit);
    form.appendChild(buttons);
    form.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          String n = name.value.trim();
          String nick = nickname.value.trim();
          // the same checks, and words, as the actions engine's (river.actions.RoomTexts)
          String refused = RoomTexts.checkName(n, RoomConfig.DEFAULT_MAX_NAME_BYTES);
          if (refused == null) {
            refused = RoomTexts.checkNickname(nick, RoomConfig.DEFAULT_MAX_NICKNAME_BYTES);
          }
          if (refused != null) {
            problem.textContent = refused;
            return;
          }
          close();
          listener.onCreate(n, nick, isPrivate.checked);
        });
  }

  public HTMLElement element() {
    return frame.element();
  }

  public void open() {
    name.value = "";
    nickname.value = "";
    isPrivate.checked = false;
    problem.textContent = "";
    frame.open(name);
  }

  public void close() {
    frame.close();
  }

  static HTMLInputElement input(String type, String testId) {
    HTMLInputElement i = Js.uncheckedCast(Dom.hook("input", null, testId));
    i.type = type;
    if ("text".equals(type)) {
      i.setAttribute("dir", "auto"); // what the user types shows in its own direction
    }
    return i;
  }

  static HTMLElement labelled(String label, HTMLElement field) {
    HTMLElement row = Dom.el("label", "field");
    row.appendChild(Dom.text("span", null, label));
    row.appendChild(field);
    return row;
  }
}
