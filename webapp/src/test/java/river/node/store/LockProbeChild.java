package river.node.store;

import java.nio.file.Path;

/** Child JVM of {@link DataDirLockTest}: tries to open the store and reports how it went. */
public final class LockProbeChild {

  public static void main(String[] args) {
    try (DelegateStore store = DelegateStore.open(Path.of(args[0]))) {
      System.out.println("OPENED");
    } catch (DataDirLockedException e) {
      System.out.println("REFUSED " + e.getMessage());
      System.exit(3);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(4);
    }
  }
}
