package river.node.store;

import static river.node.store.StoreFixtures.CURRENT;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Child JVM of {@link CrashDurabilityTest}: a write storm that runs until it is killed. Each of
 * {@code threads} threads owns key {@code storm-<i>} and writes 1, 2, 3, ... (resuming from what is
 * stored); one more thread creates users. A line goes to stdout only after the write's future
 * completed, i.e. after it was acknowledged:
 *
 * <pre>
 * ACK storm-3 1234 END
 * USER &lt;token hex&gt; &lt;user id&gt; END
 * </pre>
 */
public final class StormChild {

  static final String USER = "storm-user";

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    // args[2], when given: a jdbc:postgresql: URL (the same storm on the PostgreSQL store)
    DelegateStore store =
        args.length > 2 ? PostgresDelegateStore.open(args[2]) : DelegateStore.open(dir);
    for (int t = 0; t < threads; t++) {
      byte[] key = ("storm-" + t).getBytes(StandardCharsets.UTF_8);
      String name = "storm-" + t;
      Thread th =
          new Thread(
              () -> {
                try {
                  while (true) {
                    long v =
                        store
                            .update(
                                USER,
                                CURRENT,
                                key,
                                cur -> {
                                  long next = StoreFixtures.longOf(cur) + 1;
                                  return Mutation.put(StoreFixtures.longBytes(next), next);
                                })
                            .get();
                    synchronized (out) {
                      out.println("ACK " + name + " " + v + " END");
                      out.flush();
                    }
                  }
                } catch (Throwable e) {
                  e.printStackTrace();
                  System.exit(2);
                }
              },
              name);
      th.start();
    }
    Thread users =
        new Thread(
            () -> {
              try {
                while (true) {
                  String token = DelegateStore.newToken();
                  String id = store.createUser(DelegateStore.hashToken(token)).get();
                  synchronized (out) {
                    out.println(
                        "USER "
                            + HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8))
                            + " "
                            + id
                            + " END");
                    out.flush();
                  }
                }
              } catch (Throwable e) {
                e.printStackTrace();
                System.exit(2);
              }
            },
            "users");
    users.start();
    Thread.sleep(Long.MAX_VALUE);
  }
}
