package river.client.app.ui;

import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;
import river.chat.PlainErrors;

/**
 * The {@code load-state} banner: loading, migrating, loaded (quiet), failed with {@code
 * load-retry}.
 */
public final class LoadBanner {
  private final HTMLElement root = Dom.hook("div", "load-banner", "load-state");
  private final HTMLElement text = Dom.el("span", "load-text");
  private final HTMLButtonElement retry =
      Js.uncheckedCast(Dom.hook("button", "load-retry", "load-retry"));

  public LoadBanner(Runnable onRetry) {
    retry.textContent = "Retry";
    retry.type = "button";
    retry.addEventListener("click", e -> onRetry.run());
    root.appendChild(text);
    root.appendChild(retry);
    root.setAttribute("role", "status");
    show("loading");
  }

  /**
   * {@code data-saving}: whether this tab has a change not yet stored (a save pass running or due),
   * for tests that must wait until another tab can read it.
   */
  public void markSaving(boolean saving) {
    String value = saving ? "true" : "false";
    if (!value.equals(root.getAttribute("data-saving"))) {
      root.setAttribute("data-saving", value);
    }
  }

  public HTMLElement element() {
    return root;
  }

  /** The state's sentence; why a load failed is for programs (the console), never shown here. */
  public void show(String state) {
    root.setAttribute("data-state", state);
    // The states this tab went through, in order: a quick migration is otherwise invisible.
    String seen = root.getAttribute("data-states");
    String last = seen == null ? null : seen.substring(seen.lastIndexOf(' ') + 1);
    if (!state.equals(last)) {
      root.setAttribute("data-states", seen == null ? state : seen + " " + state);
    }
    switch (state) {
      case "loading":
        text.textContent = "Loading your rooms…";
        break;
      case "migrating":
        text.textContent = "Upgrading your rooms to the new storage format…";
        break;
      case "failed":
        text.textContent = PlainErrors.LOAD_FAILED;
        break;
      default:
        text.textContent = "";
    }
    Dom.show(retry, "failed".equals(state));
  }
}
