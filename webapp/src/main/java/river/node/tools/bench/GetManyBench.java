package river.node.tools.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import river.node.tools.WsClient;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * How fast the node answers GetMany (issue 18: the app reads its room slots 128 keys per GetMany,
 * and 5,000 rooms should be listed within 1 s). One user with S stored slots of {@link
 * #VALUE_BYTES} bytes each, over a real WebSocket to the node {@link BenchSuite} started:
 *
 * <ul>
 *   <li><b>per answer</b>: GetMany of {@link #BATCH} keys, one in flight at a time, cycling over
 *       every slot; the p50 of the send-to-answer times after a warm-up pass over every slot;
 *   <li><b>every slot</b>: all S slots asked at once in {@link #BATCH}-key GetManys (the app
 *       pipelines them the same way), first send to last answer; the median of {@link #PASSES}.
 * </ul>
 *
 * Every answer is checked (every slot present, the bytes stored): a bench that reads nothing fast
 * would otherwise look like a win.
 */
final class GetManyBench {
  static final int BATCH = DelegateRequest.GetMany.MAX_KEYS;

  /** About a room slot's size (a RoomSlot with a name, nickname and a few fields). */
  static final int VALUE_BYTES = 300;

  private static final int PASSES = 5;

  /** Store requests in flight while seeding: well inside the node's per-connection limit. */
  private static final int SEED_WINDOW = 128;

  private GetManyBench() {}

  static void getMany(BenchReport report, int port, BenchSuite.Options o) throws Exception {
    int slots = o.slots;
    try (WsClient c = WsClient.connect(BenchSuite.wsUrl(port, BenchSuite.newProfile(port)))) {
      List<byte[]> keys = new ArrayList<>(slots);
      List<byte[]> values = new ArrayList<>(slots);
      seed(c, slots, o.seed, keys, values);
      List<List<Integer>> batches = new ArrayList<>();
      for (int from = 0; from + BATCH <= slots; from += BATCH) {
        List<Integer> b = new ArrayList<>(BATCH);
        for (int i = from; i < from + BATCH; i++) {
          b.add(i);
        }
        batches.add(b);
      }
      // warm-up: every slot once, one answer at a time (JIT, page cache, reader connections)
      for (List<Integer> b : batches) {
        ask(c, b, keys, values).join();
      }
      long[] lat = new long[Math.max(o.getManyAnswers, 1)];
      for (int i = 0; i < lat.length; i++) {
        long t0 = System.nanoTime();
        ask(c, batches.get(i % batches.size()), keys, values).join();
        lat[i] = System.nanoTime() - t0;
      }
      Arrays.sort(lat);
      report.add(
          BenchReport.JVM,
          "GetMany of " + BATCH + " keys, ms per answer (p50)",
          lat[lat.length / 2] / 1e6,
          "ms",
          null,
          lat.length
              + " answers one at a time, "
              + slots
              + " stored slots of "
              + VALUE_BYTES
              + " B, one user, over a WebSocket");
      long[] passes = new long[PASSES];
      for (int p = 0; p < PASSES; p++) {
        List<Integer> all = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
          all.add(i);
        }
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int from = 0; from < slots; from += BATCH) {
          answers.add(ask(c, all.subList(from, Math.min(slots, from + BATCH)), keys, values));
        }
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).join();
        passes[p] = System.nanoTime() - t0;
      }
      Arrays.sort(passes);
      report.add(
          BenchReport.JVM,
          "every slot read by pipelined GetManys, " + slots + " slots",
          passes[PASSES / 2] / 1e6,
          "ms",
          null,
          "median of " + PASSES + " passes; the node's reads alone, not the app's load");
    }
  }

  /** Stores {@code slots} values of the current delegate, {@link #SEED_WINDOW} in flight. */
  private static void seed(WsClient c, int slots, long seed, List<byte[]> keys, List<byte[]> values)
      throws Exception {
    Random rnd = new Random(seed);
    Semaphore window = new Semaphore(SEED_WINDOW);
    List<CompletableFuture<DelegateResponse>> stores = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      byte[] key = String.format("room:%08x", i).getBytes(StandardCharsets.UTF_8);
      byte[] value = new byte[VALUE_BYTES];
      rnd.nextBytes(value);
      keys.add(key);
      values.add(value);
      window.acquire();
      stores.add(
          c.delegateAsync(new DelegateRequest.Store(key, value))
              .whenComplete((r, e) -> window.release()));
    }
    for (CompletableFuture<DelegateResponse> f : stores) {
      WsClient.await(f);
    }
  }

  /** One GetMany of the slots at {@code at}; fails unless it answers their stored bytes. */
  private static CompletableFuture<Void> ask(
      WsClient c, List<Integer> at, List<byte[]> keys, List<byte[]> values) {
    List<byte[]> asked = new ArrayList<>(at.size());
    for (int i : at) {
      asked.add(keys.get(i));
    }
    return c.delegateAsync(new DelegateRequest.GetMany(asked))
        .thenAccept(
            r -> {
              DelegateResponse.GetMany many = (DelegateResponse.GetMany) r;
              for (int j = 0; j < at.size(); j++) {
                if (!Arrays.equals(values.get(at.get(j)), many.value(j))) {
                  throw new IllegalStateException(
                      "GetMany answered other bytes for slot " + at.get(j));
                }
              }
            });
  }
}
