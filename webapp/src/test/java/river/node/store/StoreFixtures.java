package river.node.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the store tests (and the child JVMs they start). */
final class StoreFixtures {

  /** SHA-256("river.chat-delegate/2"), the current delegate's id. */
  static final byte[] CURRENT = DelegateStore.hashToken("river.chat-delegate/2");

  /** SHA-256("river.chat-delegate/1"), the legacy delegate's id. */
  static final byte[] LEGACY = DelegateStore.hashToken("river.chat-delegate/1");

  private StoreFixtures() {}

  static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String str(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static long longOf(byte[] b) {
    return b == null ? 0 : ByteBuffer.wrap(b).getLong();
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  static void put(DelegateStore s, String user, byte[] delegate, String key, byte[] value)
      throws Exception {
    get(s.update(user, delegate, key(key), cur -> Mutation.put(value, null)));
  }

  static void delete(DelegateStore s, String user, byte[] delegate, String key) throws Exception {
    get(s.update(user, delegate, key(key), cur -> Mutation.delete(null)));
  }

  static List<String> keys(DelegateStore s, String user, byte[] delegate) throws Exception {
    List<String> out = new ArrayList<>();
    for (byte[] k : get(s.listKeys(user, delegate))) {
      out.add(str(k));
    }
    return out;
  }

  /** A JVM command line running {@code main} with this test run's classpath. */
  static List<String> javaCommand(Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }
}
