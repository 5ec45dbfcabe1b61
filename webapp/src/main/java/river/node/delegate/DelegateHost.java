package river.node.delegate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import river.node.signing.SigningKeys;
import river.node.store.DelegateStore;
import river.node.store.Mutation;
import river.node.ws.ClientConnection;
import river.node.ws.ConnectionRegistry;
import river.node.ws.ErrorTranslation;
import river.node.ws.OpHandler;
import river.store.CasDecision;
import river.store.CasRule;
import river.store.DelegateKeys;
import river.store.Envelope;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Event;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Push;
import river.wire.UnitResult;
import river.wire.WireCodec;
import river.wire.WireException;

/**
 * The chat delegate on the node (DESIGN.md "Delegate storage semantics", "Delegate versions"):
 * serves {@code Op.Delegate} for the connection's own user only, on one store per (user, delegate
 * key), over the durable {@link DelegateStore}.
 *
 * <ul>
 *   <li>{@link DelegateKeys#current()}: every value in the versioned envelope; Get strips it, Store
 *       is a blind write at generation + 1, CasStore compares and writes in one {@code update} step
 *       ({@link CasRule}); GetVersioned reports the generation; GetMany is GetVersioned of up to
 *       128 keys answered in one frame; ListValues is List with the values of the first keys (a
 *       tab's load reads its List and its slots in one round trip).
 *   <li>{@link DelegateKeys#legacy()}: plain Get/Store/Delete/List of raw bytes; GetVersioned and
 *       CasStore are requests that release never knew: {@code unknown_op}.
 *   <li>Any other delegate key: {@code unknown_delegate}.
 * </ul>
 *
 * <p>Limits: keys up to {@link #MAX_KEY_BYTES}; values up to {@link #MAX_DATA_BYTES} bytes of data
 * on both versions. The store's limit ({@link DelegateStore#MAX_VALUE_BYTES}, 256 KiB) is on the
 * stored row, and the 9-byte envelope counts toward it: a current-delegate value of {@code
 * MAX_DATA_BYTES} data is exactly 256 KiB on disk. The legacy delegate gets the same data limit so
 * that anything stored there can be migrated into the current one. Over a limit: {@code too_large},
 * checked before anything is queued, so nothing is written.
 *
 * <p>Every answer to a write is sent only after the store's durable commit; then the user's other
 * connections (never the writer's, never another user's) get a {@code DelegateKeyChanged{delegate,
 * key, generation}} push (generation 0 after a Delete and on the legacy delegate, which has none).
 * A current-delegate write of at most {@link #PUSH_VALUE_BYTES} also carries its {@code value}, so
 * the other tabs need not read it back: the read they would send is a round trip through two pages
 * on a busy machine, and a value read back is the same bytes on the wire as one carried. Pushes are
 * completed on the store's single acks thread, in commit order, so one connection sees a key's
 * pushes in generation order.
 *
 * <p>Ordering: the writes of one connection reach the store's queue in the order their frames
 * arrived, so pipelined writes apply in send order. Reads run on reader threads and may overtake a
 * pipelined write of the same connection: a client that needs read-your-write waits for the write's
 * answer first.
 */
public final class DelegateHost implements OpHandler {
  public static final int MAX_KEY_BYTES = DelegateStore.MAX_KEY_BYTES;
  public static final int MAX_DATA_BYTES = DelegateStore.MAX_VALUE_BYTES - Envelope.HEADER_SIZE;

  /**
   * A written value up to this size rides on its push (a room slot is ~0.5 KiB, rooms_meta a few
   * KiB); a larger one is announced only, and the tabs re-read it.
   */
  public static final int PUSH_VALUE_BYTES = 64 * 1024;

  private static final byte[] CURRENT = DelegateKeys.current();
  private static final byte[] LEGACY = DelegateKeys.legacy();

  /** What failed, in the log line of a failure ({@link ErrorTranslation}). */
  private static final String WHAT = "delegate request";

  private final DelegateStore store;
  private final ConnectionRegistry registry;
  private final SigningKeys signing;

  public DelegateHost(DelegateStore store, ConnectionRegistry registry) {
    this(store, registry, null);
  }

  /**
   * With {@code signing} (may be null), the current delegate also serves the room signing-key
   * variants, for the connection's own user only.
   */
  public DelegateHost(DelegateStore store, ConnectionRegistry registry, SigningKeys signing) {
    this.store = store;
    this.registry = registry;
    this.signing = signing;
  }

  @Override
  public CompletionStage<OpResult> handle(ClientConnection connection, Op op) {
    if (!(op instanceof Op.Delegate d)) {
      return failed(ErrorCodes.UNKNOWN_OP, "not a delegate operation");
    }
    return handle(connection.userId(), connection, d.delegate(), d.msg())
        .thenApply(OpResult.Delegate::new);
  }

  /**
   * Serves one request for {@code user}; {@code origin} (may be null) is the writer's connection,
   * which gets no push for its own writes.
   */
  public CompletableFuture<DelegateResponse> handle(
      String user, ClientConnection origin, byte[] delegate, DelegateRequest msg) {
    boolean current;
    if (Arrays.equals(delegate, CURRENT)) {
      current = true;
    } else if (Arrays.equals(delegate, LEGACY)) {
      current = false;
    } else {
      return failed(
          ErrorCodes.UNKNOWN_DELEGATE,
          "this node hosts no delegate with key "
              + (delegate.length <= 64
                  ? HexFormat.of().formatHex(delegate)
                  : "of " + delegate.length + " bytes"));
    }
    try {
      CompletableFuture<DelegateResponse> result =
          current && signing != null && signing.handles(msg)
              ? signing.handle(user, msg).toCompletableFuture()
              : current
                  ? serveCurrent(user, origin, delegate, msg)
                  : serveLegacy(user, origin, delegate, msg);
      return result.handle(
          (ok, failure) -> {
            if (failure != null) {
              throw new CompletionException(ErrorTranslation.toWire(failure, WHAT));
            }
            return ok;
          });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(ErrorTranslation.toWire(e, WHAT));
    }
  }

  private CompletableFuture<DelegateResponse> serveCurrent(
      String user, ClientConnection origin, byte[] delegate, DelegateRequest msg) {
    if (msg instanceof DelegateRequest.Get r) {
      byte[] key = checkKey(r.key());
      return store
          .read(user, delegate, key)
          .thenApply(
              stored ->
                  new DelegateResponse.Get(
                      key, stored == null ? null : Envelope.unwrap(stored).data()));
    } else if (msg instanceof DelegateRequest.GetVersioned r) {
      byte[] key = checkKey(r.key());
      return store
          .read(user, delegate, key)
          .thenApply(
              stored -> {
                if (stored == null) {
                  return new DelegateResponse.GetVersioned(key, null, 0);
                }
                Envelope e = Envelope.unwrap(stored);
                return new DelegateResponse.GetVersioned(key, e.data(), e.generation());
              });
    } else if (msg instanceof DelegateRequest.GetMany r) {
      return getMany(user, delegate, r);
    } else if (msg instanceof DelegateRequest.ListKeys) {
      return list(user, delegate);
    } else if (msg instanceof DelegateRequest.ListValues r) {
      return ListValuesRead.serve(store, user, delegate, r.maxBytes());
    } else if (msg instanceof DelegateRequest.Store r) {
      byte[] key = checkKey(r.key());
      byte[] value = checkValue(r.value());
      return store
          .update(user, delegate, key, stored -> decided(CasRule.blindStore(stored, value)))
          .thenApply(
              decision -> {
                if (decision.kind() == CasDecision.Kind.STORED) {
                  push(user, origin, delegate, key, decision.generation(), value);
                }
                return new DelegateResponse.Store(key, value.length, decision.toStoreResult());
              });
    } else if (msg instanceof DelegateRequest.CasStore r) {
      byte[] key = checkKey(r.key());
      byte[] value = checkValue(r.value());
      long expected = r.expectedGeneration();
      return store
          .update(user, delegate, key, stored -> decided(CasRule.casStore(stored, expected, value)))
          .thenApply(
              decision -> {
                if (decision.kind() == CasDecision.Kind.STORED) {
                  push(user, origin, delegate, key, decision.generation(), value);
                }
                return new DelegateResponse.CasStore(key, decision.toCasStoreResult());
              });
    } else if (msg instanceof DelegateRequest.Delete r) {
      return delete(user, origin, delegate, checkKey(r.key()));
    }
    throw new WireException(
        ErrorCodes.UNKNOWN_OP, "the chat delegate does not serve " + msg.variantName());
  }

  private CompletableFuture<DelegateResponse> serveLegacy(
      String user, ClientConnection origin, byte[] delegate, DelegateRequest msg) {
    if (msg instanceof DelegateRequest.Get r) {
      byte[] key = checkKey(r.key());
      return store
          .read(user, delegate, key)
          .thenApply(stored -> new DelegateResponse.Get(key, stored));
    } else if (msg instanceof DelegateRequest.ListKeys) {
      return list(user, delegate);
    } else if (msg instanceof DelegateRequest.Store r) {
      byte[] key = checkKey(r.key());
      byte[] value = checkValue(r.value());
      return store
          .update(user, delegate, key, stored -> Mutation.put(value, Boolean.TRUE))
          .thenApply(
              stored -> {
                push(user, origin, delegate, key, 0, null);
                return new DelegateResponse.Store(key, value.length, UnitResult.OK);
              });
    } else if (msg instanceof DelegateRequest.Delete r) {
      return delete(user, origin, delegate, checkKey(r.key()));
    }
    throw new WireException(
        ErrorCodes.UNKNOWN_OP,
        "the legacy chat delegate has no "
            + msg.variantName()
            + " (plain Get/Store/Delete/List only)");
  }

  /**
   * GetVersioned of many keys, answered in one frame in request order, from one store read ({@link
   * DelegateStore#readMany}: one snapshot, one task on one reader). Refused (too_large) past {@link
   * DelegateRequest.GetMany#MAX_KEYS} keys, or when the values together would not fit the frame
   * limit: the client then reads them one by one.
   */
  private CompletableFuture<DelegateResponse> getMany(
      String user, byte[] delegate, DelegateRequest.GetMany r) {
    List<byte[]> keys = r.keys();
    if (keys.size() > DelegateRequest.GetMany.MAX_KEYS) {
      throw new WireException(
          ErrorCodes.TOO_LARGE,
          "GetManyRequest of "
              + keys.size()
              + " keys is over the limit of "
              + DelegateRequest.GetMany.MAX_KEYS);
    }
    for (byte[] key : keys) {
      checkKey(key);
    }
    return store
        .readMany(user, delegate, keys)
        .thenApply(
            stored -> {
              List<byte[]> values = new ArrayList<>(keys.size());
              long[] generations = new long[keys.size()];
              long total = 0;
              for (int i = 0; i < keys.size(); i++) {
                Envelope e = stored.get(i) == null ? null : Envelope.unwrap(stored.get(i));
                byte[] data = e == null ? null : e.data();
                generations[i] = e == null ? 0 : e.generation();
                total += keys.get(i).length + (data == null ? 0 : data.length) + 9;
                values.add(data);
              }
              if (total > GET_MANY_BUDGET_BYTES) {
                throw new WireException(
                    ErrorCodes.TOO_LARGE,
                    "the "
                        + keys.size()
                        + " values hold "
                        + total
                        + " bytes, over the "
                        + GET_MANY_BUDGET_BYTES
                        + " one answer may carry: read them one by one");
              }
              return new DelegateResponse.GetMany(keys, values, generations);
            });
  }

  /** What one GetManyResponse may carry (keys + values), well inside the 1 MiB frame limit. */
  static final int GET_MANY_BUDGET_BYTES = 768 * 1024;

  private CompletableFuture<DelegateResponse> list(String user, byte[] delegate) {
    return store.listKeys(user, delegate).thenApply(DelegateResponse.ListKeys::new);
  }

  private CompletableFuture<DelegateResponse> delete(
      String user, ClientConnection origin, byte[] delegate, byte[] key) {
    return store
        .update(
            user,
            delegate,
            key,
            stored -> stored == null ? Mutation.none(Boolean.FALSE) : Mutation.delete(Boolean.TRUE))
        .thenApply(
            existed -> {
              if (existed) {
                push(user, origin, delegate, key, 0, null); // Delete resets the generation
              }
              return new DelegateResponse.Delete(key, UnitResult.OK);
            });
  }

  /** Runs on the store's writer thread: pure, and only a put when the rule says STORED. */
  private static Mutation<CasDecision> decided(CasDecision decision) {
    return decision.kind() == CasDecision.Kind.STORED
        ? Mutation.put(decision.bytesToStore(), decision)
        : Mutation.none(decision);
  }

  /** {@code value}: what was written, carried when at most {@link #PUSH_VALUE_BYTES}; or null. */
  private void push(
      String user,
      ClientConnection origin,
      byte[] delegate,
      byte[] key,
      long generation,
      byte[] value) {
    var others = registry.others(user, origin);
    if (others.isEmpty()) {
      return;
    }
    byte[] carried = value != null && value.length <= PUSH_VALUE_BYTES ? value : null;
    byte[] frame =
        WireCodec.encodePush(
            new Push(new Event.DelegateKeyChanged(delegate, key, generation, carried)));
    for (ClientConnection c : others) {
      c.send(frame);
    }
  }

  private static byte[] checkKey(byte[] key) {
    if (key.length > MAX_KEY_BYTES) {
      throw new WireException(
          ErrorCodes.TOO_LARGE,
          "key of " + key.length + " bytes is over the limit of " + MAX_KEY_BYTES);
    }
    return key;
  }

  private static byte[] checkValue(byte[] value) {
    if (value.length > MAX_DATA_BYTES) {
      throw new WireException(
          ErrorCodes.TOO_LARGE,
          "value of "
              + value.length
              + " bytes is over the limit of "
              + MAX_DATA_BYTES
              + " (256 KiB stored, 9-byte envelope included)");
    }
    return value;
  }

  private static <T> CompletableFuture<T> failed(String code, String message) {
    return CompletableFuture.failedFuture(new WireException(code, message));
  }
}
