package river.client.shell;

import elemental2.dom.DomGlobal;
import elemental2.promise.Promise;
import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;
import jsinterop.base.Js;
import river.client.BridgeMessage;
import river.nav.RoomAddress;
import river.room.Invitation;

/**
 * The shell's URL, which it owns for its tab: the fragment names the room the tab shows ({@link
 * RoomAddress}, {@code /#/room/ROOM[/MESSAGE]}). The shell reads it and tells the app (with its
 * answer to every hello, and after back/forward or a fragment typed into the address bar); the app
 * decides what to show ({@code river.nav.Navigation}) and asks the shell to push or replace a
 * history entry, which the shell does only for a well-formed room address (or none). The app is
 * sandboxed without the clipboard, so the shell also copies a room address's full URL for it; it
 * copies nothing else.
 *
 * <p>New tabs need no help from here: a Ctrl/middle-click (or "open in new tab") on a room link in
 * the app opens the link's URL, this shell's, as a new top-level page of its own (measured in
 * Chromium: it does not inherit the app's sandbox), with the app's {@code allow-popups}.
 */
final class ShellAddress {
  /** {@code navigator.clipboard}, which Elemental2 1.1.0 does not describe. */
  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Object")
  static class Clipboard {
    public native Promise<Object> writeText(String text);
  }

  private final AppBridge bridge;

  /**
   * The fragment the app last heard of, or asked for: back/forward to it again is news, the echo of
   * our own write is not.
   */
  private String told = "";

  ShellAddress(AppBridge bridge) {
    this.bridge = bridge;
    // A back/forward between pushed entries fires popstate; a fragment typed in the address bar
    // fires both popstate and hashchange: whichever comes first tells the app, once.
    DomGlobal.window.addEventListener("popstate", e -> moved());
    DomGlobal.window.addEventListener("hashchange", e -> moved());
  }

  /** The shell's URL without its fragment: what the app puts before a room address in links. */
  static String base() {
    return DomGlobal.location.origin + DomGlobal.location.pathname;
  }

  private static String hash() {
    String h = DomGlobal.location.hash;
    return h == null ? "" : h;
  }

  /** The app said hello (it started, or started again): where this tab is now. */
  void onHello() {
    told = hash();
    bridge.send(BridgeMessage.address(told, base(), false));
  }

  private void moved() {
    String now = hash();
    if (!now.equals(told)) {
      told = now;
      bridge.send(BridgeMessage.address(now, base(), true));
    }
  }

  /** The app picked a room (push) or settled on one (replace). */
  void onHistory(String fragment, boolean replace) {
    RoomAddress address = RoomAddress.parse(fragment);
    String url;
    if (address.kind() == RoomAddress.Kind.ROOM) {
      url = address.fragment();
    } else if (address.kind() == RoomAddress.Kind.NONE) {
      url = DomGlobal.location.pathname + DomGlobal.location.search; // no room: no fragment
    } else {
      return;
    }
    if (replace) {
      DomGlobal.window.history.replaceState(null, "", url);
    } else {
      DomGlobal.window.history.pushState(null, "", url);
    }
    told = hash();
  }

  /**
   * Copies the full URL of a room or message address. A click in the app gave this page the user
   * activation the clipboard needs (activation reaches a frame's ancestors), and this page is the
   * one the browser lets write it.
   */
  void onCopy(String fragment) {
    RoomAddress address = RoomAddress.parse(fragment);
    copy(address.kind() == RoomAddress.Kind.ROOM ? base() + address.fragment() : null);
  }

  /**
   * Copies an invitation code, or the shell's link that opens the join dialog with it. Only a
   * string that decodes as an invitation is copied: the app cannot put arbitrary text on the user's
   * clipboard through the shell.
   */
  void onCopyInvitation(String code, boolean asLink) {
    String text = code.trim();
    try {
      Invitation.decode(text);
    } catch (RuntimeException notAnInvitation) {
      text = null;
    }
    copy(text == null ? null : asLink ? DomGlobal.location.origin + "/?invitation=" + text : text);
  }

  /** Writes {@code text} (null: nothing to copy) and tells the app whether it worked. */
  private void copy(String text) {
    Clipboard clipboard = Js.uncheckedCast(Js.asPropertyMap(DomGlobal.navigator).get("clipboard"));
    if (text == null || clipboard == null) {
      // No clipboard outside a secure context (https or loopback): the app shows the text instead.
      bridge.send(BridgeMessage.copied(false));
      return;
    }
    clipboard
        .writeText(text)
        .then(
            done -> {
              bridge.send(BridgeMessage.copied(true));
              return null;
            })
        .catch_(
            refused -> {
              bridge.send(BridgeMessage.copied(false));
              return null;
            });
  }
}
