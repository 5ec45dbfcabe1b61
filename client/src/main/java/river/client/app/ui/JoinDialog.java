package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.HTMLTextAreaElement;
import jsinterop.base.Js;
import river.room.RoomConfig;

/**
 * The join-with-code dialog ({@code join-code}, {@code join-nickname}, {@code join-submit}); why an
 * invitation was refused shows in {@code join-error}, and the dialog stays open.
 */
public final class JoinDialog {
  public interface Listener {
    void onJoin(String code, String nickname);
  }

  private final DialogFrame frame;
  private final HTMLFormElement form = Js.uncheckedCast(Dom.el("form", "dialog"));
  private final HTMLTextAreaElement code =
      Js.uncheckedCast(Dom.hook("textarea", "join-code", "join-code"));
  private final HTMLInputElement nickname = CreateRoomDialog.input("text", "join-nickname");
  private final HTMLElement problem = Dom.hook("p", "dialog-error", "join-error");
  private final HTMLButtonElement submit =
      Js.uncheckedCast(Dom.hook("button", "primary", "join-submit"));

  /** {@code home}: where focus goes when the dialog closes (the composer). */
  public JoinDialog(Listener listener, Runnable home) {
    frame = new DialogFrame(form, "Join a room", home);
    form.appendChild(Dom.text("h2", null, "Join a room"));
    code.rows = 4;
    nickname.maxLength = RoomConfig.DEFAULT_MAX_NICKNAME_BYTES;
    form.appendChild(CreateRoomDialog.labelled("Invitation code", code));
    form.appendChild(CreateRoomDialog.labelled("Your nickname", nickname));
    form.appendChild(problem);
    Dom.show(problem, false);
    HTMLElement buttons = Dom.el("div", "dialog-buttons");
    HTMLButtonElement cancel = Js.uncheckedCast(Dom.text("button", "secondary", "Cancel"));
    cancel.type = "button";
    cancel.addEventListener("click", e -> close());
    submit.type = "submit";
    submit.textContent = "Join";
    buttons.appendChild(cancel);
    buttons.appendChild(submit);
    form.appendChild(buttons);
    form.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          String nick = nickname.value.trim();
          if (code.value.trim().isEmpty() || nick.isEmpty()) {
            refuse("Paste an invitation code and choose a nickname.");
            return;
          }
          Dom.show(problem, false);
          submit.disabled = true;
          listener.onJoin(code.value, nick);
        });
    frame.onClose(() -> submit.disabled = false);
  }

  public HTMLElement element() {
    return frame.element();
  }

  public void open(String prefilledCode) {
    code.value = prefilledCode == null ? "" : prefilledCode;
    nickname.value = "";
    Dom.show(problem, false);
    submit.disabled = false;
    frame.open(prefilledCode == null ? code : nickname);
  }

  public void refuse(String reason) {
    problem.textContent = reason;
    Dom.show(problem, true);
    submit.disabled = false;
  }

  public void close() {
    frame.close();
  }
}
