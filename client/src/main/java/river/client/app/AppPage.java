package river.client.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The chat app inside the sandboxed iframe. The connection pill says {@code connected} only once
 * a Ping has made the full round trip app → shell → node → shell → app, so "connected" means the
 * whole path works, not just the shell's socket. {@code data-pongs} counts completed round trips.
 */
public final class AppPage implements ShellLink.Listener {
  private Element pill;
  private ShellLink shell;
  private NodeLink node;
  private int pongs;
  private String shellState = "connecting";

  public void start() {
    pill = DomGlobal.document.querySelector("[data-testid=connection-status]");
    shell = new ShellLink(this);
    node = new NodeLink(shell);
    shell.hello();
  }

  @Override
  public void onStatus(String state) {
    shellState = state;
    if ("connected".equals(state)) {
      ping();
    } else {
      node.onDisconnected();
      show(state);
    }
  }

  @Override
  public void onFrame(byte[] frame) {
    node.onFrame(frame);
  }

  private void ping() {
    node.request(Op.PING, new NodeLink.Callback() {
      @Override
      public void onResult(OpResult result) {
        if (result instanceof OpResult.Pong && "connected".equals(shellState)) {
          pongs++;
          pill.setAttribute("data-pongs", String.valueOf(pongs));
          show("connected");
        }
      }

      @Override
      public void onError(String code, String message) {
        if ("connected".equals(shellState)) {
          // The socket is up but the node did not answer: retry rather than claim a working path.
          DomGlobal.setTimeout(ignored -> ping(), 1000);
        }
      }
    });
  }

  private void show(String state) {
    pill.setAttribute("data-state", state);
    pill.textContent = state;
  }
}
