package river.node;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the node cleanly: the action closes the server and the store (which
 * commits what is queued), then {@code main} returns and the process exits 0. A shutdown hook alone
 * would leave the JVM's exit status at 143, which reads as a crash to supervisors.
 */
final class StopSignals {
  private StopSignals() {}

  static void onTerminate(Runnable action) {
    Runtime.getRuntime().addShutdownHook(new Thread(action, "river-shutdown"));
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> new Thread(action, "river-stop").start());
      } catch (IllegalArgumentException unavailable) {
        // this platform does not let us catch it; the shutdown hook still closes everything
      }
    }
  }
}
