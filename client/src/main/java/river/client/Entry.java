package river.client;

import elemental2.dom.DomGlobal;
import jsinterop.annotations.JsType;
import river.client.app.AppPage;
import river.client.shell.ShellPage;

/**
 * The one script entry point for both pages. The shell page (top level, privileged) and the app
 * page (sandboxed iframe) load the same bundle; the {@code data-river} marker on {@code <body>}
 * says which one to start. Pages without a marker (e.g. j2cl:test hosts) start nothing.
 */
@JsType
public class Entry {
  public void onModuleLoad() {
    String role = DomGlobal.document.body.getAttribute("data-river");
    if ("shell".equals(role)) {
      new ShellPage().start();
    } else if ("app".equals(role)) {
      new AppPage().start();
    }
  }
}
