package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/**
 * The sidebar's {@code notifications-enable} button and, when the browser blocks River's
 * notifications, {@code notifications-help} saying how to allow them again. {@code data-state} is
 * the browser's permission as the shell reports it ({@code default} / {@code granted} / {@code
 * denied}); the whole row is hidden where the browser has no notifications.
 */
public final class NotificationsButton {
  /** What the row says when the browser blocks notifications: a person can act on it. */
  public static final String BLOCKED_HELP =
      "Your browser blocks notifications from River. To allow them, open the site settings (the"
          + " icon before the address), allow notifications, then reload River.";

  private final HTMLElement row = Dom.el("div", "side-actions notifications");
  private final HTMLButtonElement button =
      Js.uncheckedCast(Dom.hook("button", "secondary", "notifications-enable"));
  private final HTMLElement help = Dom.hook("p", "hint", "notifications-help");

  public NotificationsButton(Runnable enable) {
    button.type = "button";
    button.addEventListener("click", e -> enable.run());
    help.textContent = BLOCKED_HELP;
    row.appendChild(button);
    row.appendChild(help);
    Dom.show(row, false); // until the shell says what the browser allows
  }

  public HTMLElement element() {
    return row;
  }

  /** The permission the shell reported: default, granted, denied, or unsupported. */
  public void show(String state) {
    boolean known = "default".equals(state) || "granted".equals(state) || "denied".equals(state);
    Dom.show(row, known);
    if (!known) {
      return;
    }
    button.setAttribute("data-state", state);
    button.disabled = !"default".equals(state);
    button.textContent =
        "granted".equals(state)
            ? "Notifications on"
            : "denied".equals(state) ? "Notifications blocked" : "Turn on notifications";
    Dom.show(help, "denied".equals(state));
  }
}
