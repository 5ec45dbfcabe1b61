package river.client;

import elemental2.dom.DomGlobal;
import jsinterop.annotations.JsType;
import river.client.shell.ShellPage;

/**
 * Entry point of the shell bundle ({@code shell.js}), the top-level page. It reaches only the
 * shell's code, so the app's screens are not in the file the shell page downloads. Starts only on a
 * page whose {@code <body>} says {@code data-river="shell"}: the dev build loads both entry points
 * on every page, and j2cl:test hosts have no marker.
 */
@JsType
public class ShellEntry {
  public void onModuleLoad() {
    if ("shell".equals(DomGlobal.document.body.getAttribute("data-river"))) {
      new ShellPage().start();
    }
  }
}
