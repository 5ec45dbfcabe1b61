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
  private final HTMLInputElement input = Js.uncheckedCast(Dom.hook("input", "message-input", "message-input"));
  private final HTMLElement problem = Dom.hook("p", "composer-error", "composer-error");

  public Composer(Listener listener) {
    input.type = "text";
    input.setAttribute("aria-label", "Message");
    input.setAttribute("autocomplete", "off");
    input.placeholder = "Write a message";
    HTMLButtonElement send = Js.uncheckedCast(Dom.hook("button", "primary", "message-send"));
    send.type = "submit";
    send.textContent = "Send";
    HTMLElement row = Dom.el("div", "composer-row");
    row.appendChild(input);
    row.appendChild(send);
    root.appendChild(row);
    root.appendChild(problem);
    Dom.show(problem, false);
    root.addEventListener("submit", e -> {
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

  public void clearProblem() {
    Dom.show(problem, false);
  }
}
