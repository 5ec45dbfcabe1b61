package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/**
 * The invite dialog: the portable code ({@code invite-code}) and a link that opens the join dialog
 * pre-filled ({@code invite-link}), both as plain selectable text.
 */
public final class InviteDialog {
  private final HTMLElement root = Dom.el("div", "dialog-backdrop");
  private final HTMLElement code = Dom.hook("code", "invite-code", "invite-code");
  private final HTMLElement link = Dom.hook("code", "invite-link", "invite-link");
  private final HTMLElement status = Dom.el("p", "dialog-hint");

  public InviteDialog() {
    HTMLElement box = Dom.el("div", "dialog");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Invite someone");
    box.appendChild(Dom.text("h2", null, "Invite someone"));
    box.appendChild(
        Dom.text(
            "p",
            "dialog-hint",
            "Anyone with this code can join the room once, as a member you invited. Send it privately."));
    box.appendChild(Dom.text("span", "field-label", "Invitation code"));
    box.appendChild(code);
    box.appendChild(Dom.text("span", "field-label", "Or this link"));
    box.appendChild(link);
    box.appendChild(status);
    HTMLElement buttons = Dom.el("div", "dialog-buttons");
    HTMLButtonElement close = Js.uncheckedCast(Dom.hook("button", "secondary", "invite-close"));
    close.type = "button";
    close.textContent = "Close";
    close.addEventListener("click", e -> Dom.show(root, false));
    buttons.appendChild(close);
    box.appendChild(buttons);
    root.appendChild(box);
    Dom.show(root, false);
  }

  public HTMLElement element() {
    return root;
  }

  public void opening() {
    code.textContent = "";
    link.textContent = "";
    status.textContent = "Creating an invitation…";
    Dom.show(root, true);
  }

  public void show(String inviteCode, String inviteLink) {
    code.textContent = inviteCode;
    link.textContent = inviteLink;
    status.textContent = "";
    Dom.show(root, true);
  }

  public void close() {
    Dom.show(root, false);
  }
}
