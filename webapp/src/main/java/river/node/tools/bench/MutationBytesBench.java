package river.node.tools.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import river.node.tools.WsClient;
import river.node.tools.seed.SeedLegacy;
import river.node.ws.RequestDispatcher;
import river.rooms.CborRoomsCodec;
import river.rooms.RoomKey;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.Op;
import river.wire.Request;
import river.wire.Response;
import river.wire.WireCodec;

/**
 * Bytes sent to the node per one-room mutation with N rooms, next to the single-blob baseline
 * measured in the same run (see {@link BenchSuite}).
 */
final class MutationBytesBench {
  private MutationBytesBench() {}

  static void bytesPerMutation(BenchReport report, int port, int n, BenchSuite.Options o)
      throws Exception {
    String url = BenchSuite.wsUrl(port, BenchSuite.newProfile(port));
    CborRoomsCodec codec = new CborRoomsCodec();
    Rooms rooms = SeedLegacy.rooms(n);
    try (WsClient legacy = WsClient.connect(url)) {
      storeBlob(legacy, codec.encodeLegacyBlob(rooms)); // the tab migrates from it
    }
    long perRoom;
    long maxOne = 0;
    long requests;
    Rooms after;
    try (TabDriver tab = new TabDriver(url, o.seed, "bench-tab")) {
      tab.load(120_000);
      List<RoomKey> keys = new ArrayList<>(tab.call(s -> s.rooms().map().keySet()));
      if (keys.size() != n) {
        throw new IllegalStateException("the tab migrated " + keys.size() + " rooms, not " + n);
      }
      tab.resetCounters();
      for (int i = 0; i < o.mutations; i++) {
        long before = tab.bytesSent();
        RoomKey k = keys.get((i * 7919) % n);
        String nick = "bench nickname " + i;
        tab.act(s -> s.setNickname(k, nick));
        tab.awaitQuiet(30_000);
        maxOne = Math.max(maxOne, tab.bytesSent() - before);
      }
      perRoom = tab.bytesSent();
      requests = tab.requestsSent();
      after = tab.call(s -> s.rooms());
      if (!tab.problems().isEmpty()) {
        throw new IllegalStateException("the tab reported problems: " + tab.problems());
      }
    }
    // a second tab loads the N rooms with no send window, as a host that sends everything at once
    String unwindowed;
    try (TabDriver tab =
        new TabDriver(url, o.seed + 1, "bench-tab-unwindowed", Integer.MAX_VALUE)) {
      String outcome;
      try {
        tab.load(120_000);
        outcome = "loaded " + tab.call(s -> s.rooms().map().size()) + " of " + n;
      } catch (IllegalStateException e) {
        outcome = e.getMessage();
      }
      int refused = tab.refusedOverLimit();
      if (outcome.length() > 160) {
        outcome = outcome.substring(0, 160) + "...";
      }
      unwindowed =
          outcome
              + "; refused: too_large, over the node's "
              + RequestDispatcher.MAX_IN_FLIGHT
              + " in flight per connection (timing-dependent: the node answers some Gets before the last arrive)";
      report.add(
          BenchReport.JVM,
          "requests refused when a tab loads "
              + n
              + (n == 1 ? " room" : " rooms")
              + " with no send window",
          (double) refused,
          "requests",
          "0",
          unwindowed);
    }
    double mean = (double) perRoom / o.mutations;
    long blob;
    try (WsClient legacy = WsClient.connect(url)) {
      blob = storeBlob(legacy, codec.encodeLegacyBlob(after)); // what the old client sent per save
    }
    String r = n + (n == 1 ? " room" : " rooms");
    report.add(
        "bytes sent per one-room mutation, " + r,
        mean,
        "B",
        "<= 2048 B at 500 rooms",
        "mean of "
            + o.mutations
            + " nickname changes, "
            + BenchReport.format((double) requests / o.mutations)
            + " requests each, max "
            + maxOne
            + " B");
    report.add(
        "single-blob baseline per save, " + r,
        blob,
        "B",
        null,
        "legacy rooms_data of the same rooms, one Store frame");
    report.add("baseline / per-room ratio, " + r, blob / mean, "x", null, null);
  }

  /**
   * Sends the blob as a Store to the legacy delegate; returns the request frame's size in bytes.
   */
  private static long storeBlob(WsClient c, byte[] blob) throws Exception {
    Op op =
        new Op.Delegate(
            DelegateKeys.legacy(),
            new DelegateRequest.Store(
                RoomStorageKeys.ROOMS_DATA.getBytes(StandardCharsets.UTF_8), blob));
    long id = 1;
    int size = WireCodec.encodeRequest(new Request(id, op)).length;
    Response r = WsClient.await(c.request(id, op));
    WsClient.delegateResponse(r); // throws on an error response
    return size;
  }
}
