package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;

/** The chat app inside the sandboxed iframe. */
public final class AppPage implements ShellLink.Listener {
  private Element pill;
  private ShellLink shell;

  public void start() {
    pill = DomGlobal.document.querySelector("[data-testid=connection-status]");
    shell = new ShellLink(this);
    shell.hello();
  }

  @Override
  public void onStatus(String state) {
    pill.setAttribute("data-state", state);
    pill.textContent = state;
  }

  @Override
  public void onFrame(byte[] frame) {}
}
