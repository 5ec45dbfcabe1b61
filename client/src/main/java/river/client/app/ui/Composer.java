package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLInputElement;
import jsinterop.base.Js;

/**
 * The composer ({@code message-input} / {@code message-send}; Enter sends). A refusal (too long,
 * not a member) shows inline under the input and keeps the typed text.
 */
public final class Composer {
  public interface Listener {
    /** Returns null when the text was taken (the input is cleared), else why it was refused. */
    String onSend(String text);
  }

  private final HTMLFormElement root = Js.uncheckedCast(Dom.el("form", "composer"));
  private final HTMLInputElement input =
      Js.uncheckedCast(Dom.hook("input", "message-input", "message-input"));

  {
    input.setAttribute("dir", "auto");
  }

  private final HTMLElement problem = Dom.hook("p", "composer-error", "composer-error");
  private final HTMLElement mode = Dom.hook("div", "composer-mode", "composer-mode");
  private final HTMLElement modeText = Dom.el("span", "composer-mode-text");
  private Runnable onCancel;

  public Composer(Listener listener) {
    input.type = "text";
    input.setAttribute("aria-label", "Message");
    input.setAttribute("autocomplete", "off");
    input.placeholder = "Write a message";
    HTMLButtonElement send = Js.uncheckedCast(Dom.hook("button", "primary", "message-send"));
    send.type = "submit";
    send.textContent = "Send";
    HTMLButtonElement cancel =
        Js.uncheckedCast(Dom.hook("button", "link-button", "composer-cancel"));
    cancel.type = "button";
    cancel.textContent = "Cancel";
    cancel.addEventListener(
        "click",
        e -> {
          Runnable c = onCancel;
          clearMode();
          if (c != null) {
            c.run();
          }
        });
    mode.appendChild(modeText);
    mode.appendChild(cancel);
    Dom.show(mode, false);
    root.appendChild(mode);
    HTMLElement row = Dom.el("div", "composer-row");
    row.appendChild(input);
    row.appendChild(send);
    root.appendChild(row);
    root.appendChild(problem);
    Dom.show(problem, false);
    root.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          String text = input.value;
          if (text.trim().isEmpty()) {
            return;
          }
          String refused = listener.onSend(text);
          if (refused == null) {
            input.value = "";
            Dom.show(problem, false);
          } else {
            problem.textContent = refused;
            Dom.show(problem, true);
          }
        });
    input.addEventListener("input", e -> Dom.show(problem, false));
  }

  public HTMLElement element() {
    return root;
  }

  /** Replying or editing: says so above the input, with a cancel button. */
  public void setMode(String label, String text, Runnable cancel) {
    modeText.textContent = label;
    onCancel = cancel;
    Dom.show(mode, true);
    if (text != null) {
      input.value = text;
    }
    input.focus();
  }

  public void clearMode() {
    onCancel = null;
    Dom.show(mode, false);
  }

  public void clearProblem() {
    Dom.show(problem, false);
  }
}
