package river.node.delegate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import river.node.store.DelegateStore;
import river.store.Envelope;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ListValuesResponse;

/**
 * Serves a ListValuesRequest on the current delegate: every key, then the values of the first ones
 * read {@link DelegateRequest.GetMany#MAX_KEYS} at a time, as a GetMany reads them, until they pass
 * the budget or {@link #MAX_VALUES} are read; {@link ListValuesResponse#fitting} then cuts them to
 * the budget. The budget asked is capped at {@link #MAX_BYTES}, so the answer fits its frame.
 * Hazard: reading the 1,024 values at once would hold up to 256 MiB for one request of a user who
 * stores large values; read by chunks, a request holds at most one GetMany's worth past the budget.
 * The reads are separate snapshots, as a List and then GetManys are: a key gone in between answers
 * null (generation 0).
 */
final class ListValuesRead {
  /** The most values one answer carries, whatever its budget allows. */
  static final int MAX_VALUES = 1024;

  /** The largest budget served: what one GetMany answer may carry. */
  static final long MAX_BYTES = DelegateHost.GET_MANY_BUDGET_BYTES;

  private final DelegateStore store;
  private final String user;
  private final byte[] delegate;
  private final long budget;
  private final List<byte[]> keys;
  private final int limit;
  private final List<byte[]> values = new ArrayList<>();
  private long[] generations = new long[0];
  private long total;

  private ListValuesRead(
      DelegateStore store, String user, byte[] delegate, long budget, List<byte[]> keys) {
    this.store = store;
    this.user = user;
    this.delegate = delegate;
    this.budget = budget;
    this.keys = keys;
    this.limit = Math.min(keys.size(), MAX_VALUES);
    this.total = ListValuesResponse.keysCost(keys);
  }

  static CompletableFuture<DelegateResponse> serve(
      DelegateStore store, String user, byte[] delegate, long maxBytes) {
    long budget = ListValuesResponse.capped(maxBytes, MAX_BYTES);
    return store
        .listKeys(user, delegate)
        .thenCompose(keys -> new ListValuesRead(store, user, delegate, budget, keys).from(0));
  }

  private CompletableFuture<DelegateResponse> from(int at) {
    if (at >= limit || ListValuesResponse.over(total, budget)) {
      return CompletableFuture.completedFuture(
          ListValuesResponse.fitting(keys, values, generations, budget));
    }
    List<byte[]> chunk = keys.subList(at, Math.min(limit, at + DelegateRequest.GetMany.MAX_KEYS));
    return store
        .readMany(user, delegate, chunk)
        .thenCompose(
            stored -> {
              generations = Arrays.copyOf(generations, values.size() + stored.size());
              for (byte[] row : stored) {
                Envelope e = row == null ? null : Envelope.unwrap(row);
                generations[values.size()] = e == null ? 0 : e.generation();
                values.add(e == null ? null : e.data());
                total += ListValuesResponse.valueCost(e == null ? null : e.data());
              }
              return from(at + chunk.size());
            });
  }
}
