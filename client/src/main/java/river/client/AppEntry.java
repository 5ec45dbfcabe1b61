package river.client;

import elemental2.dom.DomGlobal;
import jsinterop.annotations.JsType;
import river.client.app.AppPage;

/**
 * Entry point of the app bundle ({@code app.js}), the sandboxed chat frame. It reaches only the
 * app's code, so the shell's storage and socket code is not in the file the frame parses. Starts
 * only on a page whose {@code <body>} says {@code data-river="app"}: the dev build loads both entry
 * points on every page, and j2cl:test hosts have no marker.
 */
@JsType
public class AppEntry {
  public void onModuleLoad() {
    if ("app".equals(DomGlobal.document.body.getAttribute("data-river"))) {
      new AppPage().start();
    }
  }
}
