package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;

/**
 * The invite dialog: the portable code ({@code invite-code}) and a link that opens the join dialog
 * pre-filled ({@code invite-link}), both in full as plain selectable text that wraps (never cut off
 * in a scroll box), each with a copy button ({@code invite-copy-code} / {@code invite-copy-link})
 * that says "Copied" once the clipboard holds it. The sandboxed app has no clipboard: the shell
 * copies ({@link Copier}) and answers through {@link #copied}.
 */
public final class InviteDialog {
  /** Puts the code ({@code asLink} false) or the invitation link on the clipboard. */
  public interface Copier {
    void copy(String code, boolean asLink);
  }

  private final HTMLElement box = Dom.el("div", "dialog invite-dialog");
  private final DialogFrame frame;
  private final HTMLElement code = Dom.hook("code", "invite-code", "invite-code");
  private final HTMLElement link = Dom.hook("code", "invite-link", "invite-link");
  private final HTMLElement status = Dom.el("p", "dialog-hint");
  private final HTMLButtonElement copyCode =
      Dom.button("secondary copy-button", "invite-copy-code", "Copy code");
  private final HTMLButtonElement copyLink =
      Dom.button("secondary copy-button", "invite-copy-link", "Copy link");
  private final HTMLButtonElement close =
      Dom.button("secondary copy-button", "invite-close", "Close");
  private String shownCode;

  /** The button whose copy waits for the shell's answer (null: none). */
  private HTMLButtonElement copying;

  public InviteDialog(Copier copier, Runnable home) {
    frame = new DialogFrame(box, "Invite someone", home);
    box.appendChild(Dom.text("h2", null, "Invite someone"));
    box.appendChild(
        Dom.text(
            "p",
            "dialog-hint",
            "Anyone with this code can join the room once, as a member you invited. Send it privately."));
    box.appendChild(Dom.text("span", "field-label", "Invitation code"));
    box.appendChild(code);
    box.appendChild(row(copyCode));
    box.appendChild(Dom.text("span", "field-label", "Or this link"));
    box.appendChild(link);
    box.appendChild(row(copyLink));
    status.setAttribute("role", "status");
    box.appendChild(status);
    HTMLElement buttons = Dom.el("div", "dialog-buttons");
    close.className = "secondary";
    close.addEventListener("click", e -> frame.close());
    buttons.appendChild(close);
    box.appendChild(buttons);
    copyCode.addEventListener("click", e -> startCopy(copier, copyCode, false));
    copyLink.addEventListener("click", e -> startCopy(copier, copyLink, true));
  }

  public HTMLElement element() {
    return frame.element();
  }

  public void opening() {
    shownCode = null;
    code.textContent = "";
    link.textContent = "";
    resetCopyButtons();
    Dom.show(copyCode, false);
    Dom.show(copyLink, false);
    status.textContent = "Creating an invitation…";
    frame.open(close);
  }

  public void show(String inviteCode, String inviteLink) {
    shownCode = inviteCode;
    code.textContent = inviteCode;
    link.textContent = inviteLink;
    resetCopyButtons();
    Dom.show(copyCode, true);
    Dom.show(copyLink, true);
    status.textContent = "";
    frame.open(copyCode);
  }

  public void close() {
    frame.close();
  }

  /** Whether a copy started here waits for the shell's answer. */
  public boolean awaitsCopy() {
    return copying != null;
  }

  /** The shell's answer to the last copy: say so on its button, or how to copy by hand. */
  public void copied(boolean ok) {
    HTMLButtonElement b = copying;
    copying = null;
    if (b == null) {
      return;
    }
    if (ok) {
      b.textContent = "Copied";
      status.textContent =
          b == copyCode ? "The code is on your clipboard." : "The link is on your clipboard.";
    } else {
      status.textContent =
          "Your browser did not let River copy it. Select the text above and copy it yourself.";
    }
  }

  private void startCopy(Copier copier, HTMLButtonElement which, boolean asLink) {
    if (shownCode == null) {
      return;
    }
    resetCopyButtons();
    copying = which;
    copier.copy(shownCode, asLink);
  }

  private void resetCopyButtons() {
    copying = null;
    copyCode.textContent = "Copy code";
    copyLink.textContent = "Copy link";
  }

  private static HTMLElement row(HTMLButtonElement b) {
    HTMLElement r = Dom.el("div", "copy-row");
    r.appendChild(b);
    return r;
  }
}
