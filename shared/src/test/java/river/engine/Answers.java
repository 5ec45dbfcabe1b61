package river.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import river.rooms.Bytes;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * Test-side helpers around the wire types the engines emit and consume: the text key of a request,
 * answer frames ({@link Response}) for the tests' in-memory node, and how a host feeds such a frame
 * to a session ({@link #deliver}).
 */
public final class Answers {
  private Answers() {}

  public static Bytes delegate(Op.Delegate op) {
    return Bytes.of(op.delegate());
  }

  /** The storage key of a keyed request as text; null for List and GetMany. */
  public static String key(Op.Delegate op) {
    return key(op.msg());
  }

  public static String key(DelegateRequest r) {
    byte[] k = null;
    if (r instanceof DelegateRequest.Get) k = ((DelegateRequest.Get) r).key();
    else if (r instanceof DelegateRequest.GetVersioned)
      k = ((DelegateRequest.GetVersioned) r).key();
    else if (r instanceof DelegateRequest.Store) k = ((DelegateRequest.Store) r).key();
    else if (r instanceof DelegateRequest.CasStore) k = ((DelegateRequest.CasStore) r).key();
    return k == null ? null : new String(k, StandardCharsets.UTF_8);
  }

  /** The keys of a GetMany as text. */
  public static List<String> keys(Op.Delegate op) {
    List<String> out = new ArrayList<>();
    for (byte[] k : ((DelegateRequest.GetMany) op.msg()).keys())
      out.add(new String(k, StandardCharsets.UTF_8));
    return out;
  }

  public static boolean is(Op.Delegate op, Class<? extends DelegateRequest> kind) {
    return op != null && op.msg().getClass() == kind;
  }

  /** A write: CasStore or Store. */
  public static boolean isWrite(Op.Delegate op) {
    return is(op, DelegateRequest.CasStore.class) || is(op, DelegateRequest.Store.class);
  }

  public static Response ok(long id, DelegateResponse r) {
    return Response.ok(id, new OpResult.Delegate(r));
  }

  public static Response unknownDelegate(long id) {
    return Response.err(id, ErrorCodes.UNKNOWN_DELEGATE, "no such delegate");
  }

  /** The delegate response of an ok frame, else null. */
  public static DelegateResponse response(Response r) {
    return r.isOk() && r.result() instanceof OpResult.Delegate
        ? ((OpResult.Delegate) r.result()).response()
        : null;
  }

  /**
   * Feeds an answer frame to a session as the hosts do: a delegate result to {@code onResponse}, an
   * error to {@code onError}, any other result as an {@code invalid} error.
   */
  public static boolean deliver(TabSession s, long id, Response r) {
    if (!r.isOk()) return s.onError(id, r.errorCode(), r.errorMessage());
    DelegateResponse d = response(r);
    if (d == null) return s.onError(id, ErrorCodes.INVALID, "not a delegate response");
    return s.onResponse(id, d);
  }

  /** The answer says a value was written: CasStore Stored, or Store Ok. */
  public static boolean wrote(Response r) {
    DelegateResponse d = response(r);
    if (d instanceof DelegateResponse.CasStore) {
      return ((DelegateResponse.CasStore) d).result() instanceof CasStoreResult.Stored;
    }
    return d instanceof DelegateResponse.Store && ((DelegateResponse.Store) d).result().isOk();
  }

  /** The generation a CasStore answer stored, else -1. */
  public static long storedGeneration(Response r) {
    DelegateResponse d = response(r);
    if (d instanceof DelegateResponse.CasStore
        && ((DelegateResponse.CasStore) d).result() instanceof CasStoreResult.Stored) {
      return ((CasStoreResult.Stored) ((DelegateResponse.CasStore) d).result()).generation();
    }
    return -1;
  }

  /**
   * What two answers to the same request must agree on (a real node against the model): any error
   * is "error"; a response's kind, value, generation, CAS or Store outcome, and a List's keys as a
   * set (GetMany: its kind).
   */
  public static String summary(Response r) {
    if (!r.isOk()) return "error";
    DelegateResponse d = response(r);
    if (d == null) return "result " + r.result();
    if (d instanceof DelegateResponse.Get) return "Get " + hex(((DelegateResponse.Get) d).value());
    if (d instanceof DelegateResponse.GetVersioned) {
      DelegateResponse.GetVersioned g = (DelegateResponse.GetVersioned) d;
      return "GetVersioned " + hex(g.value()) + "@" + g.generation();
    }
    if (d instanceof DelegateResponse.CasStore) {
      CasStoreResult c = ((DelegateResponse.CasStore) d).result();
      if (c instanceof CasStoreResult.Stored)
        return "Stored@" + ((CasStoreResult.Stored) c).generation();
      if (c instanceof CasStoreResult.Conflict) {
        CasStoreResult.Conflict k = (CasStoreResult.Conflict) c;
        return "Conflict " + hex(k.currentValue()) + "@" + k.currentGeneration();
      }
      return "Failed " + ((CasStoreResult.Failed) c).message();
    }
    if (d instanceof DelegateResponse.Store) {
      DelegateResponse.Store s = (DelegateResponse.Store) d;
      return "Store " + (s.result().isOk() ? "Ok" : "Err " + s.result().error());
    }
    if (d instanceof DelegateResponse.ListKeys) {
      TreeSet<String> keys = new TreeSet<>();
      for (byte[] k : ((DelegateResponse.ListKeys) d).keys()) keys.add(hex(k));
      return "List " + keys;
    }
    return d.variantName();
  }

  private static String hex(byte[] b) {
    return b == null ? "absent" : Bytes.of(b).toHex();
  }
}
