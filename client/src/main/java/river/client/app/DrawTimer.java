package river.client.app;

import elemental2.dom.DomGlobal;

/**
 * The one pending draw of a burst: asked for again while it waits, it keeps waiting, unless the new
 * request is sooner (then the sooner one stands); a draw made meanwhile cancels it, since that draw
 * already holds everything that arrived.
 */
final class DrawTimer {
  private final Runnable draw;
  private double timer = -1;
  private int delayMs;

  DrawTimer(Runnable draw) {
    this.draw = draw;
  }

  /** Draws within {@code delayMs} (0: at the next task). */
  void within(int delayMs) {
    if (timer >= 0 && delayMs < this.delayMs) {
      cancel();
    }
    if (timer < 0) {
      this.delayMs = delayMs;
      timer =
          DomGlobal.setTimeout(
              ignored -> {
                timer = -1;
                draw.run();
              },
              delayMs);
    }
  }

  void cancel() {
    if (timer >= 0) {
      DomGlobal.clearTimeout(timer);
      timer = -1;
    }
  }
}
