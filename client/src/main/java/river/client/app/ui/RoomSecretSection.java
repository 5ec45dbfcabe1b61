package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;

/**
 * The private room's key in the room details: which version the room is at ({@code
 * room-secret-version}, {@code data-held} once this tab holds it) and, for the owner, {@code
 * room-rotate-secret} to make a new one that every current member receives and nobody banned does.
 * Hidden in a public room.
 */
public final class RoomSecretSection {
  public interface Listener {
    void onRotate();
  }

  private final HTMLElement root = Dom.el("div", "dialog-section room-secret");
  private final HTMLElement version = Dom.hook("span", null, "room-secret-version");
  private final HTMLButtonElement rotate =
      Js.uncheckedCast(Dom.hook("button", null, "room-rotate-secret"));
  private final HTMLElement hint =
      Dom.text(
          "p",
          "dialog-hint",
          "A new key keeps banned members out of what is posted from now on. Members keep reading"
              + " older messages.");

  public RoomSecretSection(Listener listener) {
    HTMLElement line = Dom.text("p", null, "Room key version ");
    line.appendChild(version);
    root.appendChild(line);
    rotate.type = "button";
    rotate.textContent = "Make a new room key";
    rotate.addEventListener("click", e -> listener.onRotate());
    root.appendChild(rotate);
    root.appendChild(hint);
    Dom.show(root, false);
  }

  public HTMLElement element() {
    return root;
  }

  /**
   * {@code keyVersion} < 0: a public room (hidden). {@code held}: whether this tab holds that
   * version yet ({@code data-held}; it arrives a moment after the room announces it).
   */
  public void show(long keyVersion, boolean held, boolean owner) {
    Dom.show(root, keyVersion >= 0);
    version.textContent = String.valueOf(keyVersion);
    version.setAttribute("data-held", held ? "true" : "false");
    Dom.show(rotate, owner);
    Dom.show(hint, owner);
  }
}
