package river.client.app.ui;

import elemental2.core.JsDate;
import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import jsinterop.base.Js;
import river.net.OfflineNotice;

/**
 * The {@code offline-banner}: shown while the server has been unreachable for more than two
 * seconds, counting down ({@code data-retry-in}, whole seconds) to the shell's next reconnect
 * attempt, with {@code offline-retry} ("Retry now"). When it shows and what it says is {@link
 * OfflineNotice}'s decision; this view keeps one timer, set to the next moment that decision
 * changes.
 */
public final class OfflineBanner {
  private final HTMLElement root = Dom.hook("div", "offline-banner", "offline-banner");
  private final HTMLElement text = Dom.el("span", "offline-text");
  private final HTMLButtonElement retry =
      Js.uncheckedCast(Dom.hook("button", "secondary", "offline-retry"));
  private long downSince = OfflineNotice.NONE;
  private long nextAttemptAt = OfflineNotice.NONE;
  private double timer = -1;

  public OfflineBanner(Runnable onRetry) {
    retry.type = "button";
    retry.textContent = "Retry now";
    retry.addEventListener("click", e -> onRetry.run());
    root.setAttribute("role", "status");
    root.appendChild(text);
    root.appendChild(retry);
    Dom.show(root, false);
  }

  public HTMLElement element() {
    return root;
  }

  /** Whether the server is counted as unreachable (shown or not yet). */
  public boolean isDown() {
    return downSince != OfflineNotice.NONE;
  }

  /** The path to the server works again. */
  public void up() {
    downSince = OfflineNotice.NONE;
    nextAttemptAt = OfflineNotice.NONE;
    render();
  }

  /**
   * The server cannot be reached; the next attempt is {@code retryInMs} away (negative: one is
   * under way). Repeated calls keep the moment it went down.
   */
  public void down(double retryInMs) {
    long now = now();
    if (downSince == OfflineNotice.NONE) {
      downSince = now;
    }
    nextAttemptAt = retryInMs < 0 ? OfflineNotice.NONE : now + (long) retryInMs;
    render();
  }

  private void render() {
    if (timer >= 0) {
      DomGlobal.clearTimeout(timer);
      timer = -1;
    }
    long now = now();
    boolean shows = OfflineNotice.shows(downSince, now);
    Dom.show(root, shows);
    if (shows) {
      int seconds = OfflineNotice.retryInSeconds(nextAttemptAt, now);
      root.setAttribute("data-retry-in", String.valueOf(seconds));
      text.textContent =
          seconds > 0
              ? "Can't reach the River server. Trying again in " + seconds + " s."
              : "Can't reach the River server. Trying to reconnect…";
    } else {
      root.removeAttribute("data-retry-in");
    }
    long next = OfflineNotice.nextChangeAt(downSince, nextAttemptAt, now);
    if (next != OfflineNotice.NONE) {
      timer =
          DomGlobal.setTimeout(
              ignored -> {
                timer = -1;
                render();
              },
              (double) (next - now));
    }
  }

  private static long now() {
    return (long) JsDate.now();
  }
}
