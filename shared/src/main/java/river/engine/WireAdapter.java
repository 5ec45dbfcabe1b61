package river.engine;

import java.util.ArrayList;
import java.util.List;
import river.cbor.CborException;
import river.cbor.Utf8;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;

/**
 * The one place where the engines' request/response types meet river.wire: a DelegateOp becomes
 * an {@code Op.Delegate} (delegate key + DelegateRequest), and a DelegateResponse (or an error
 * frame) becomes a DelegateReply. Storage keys are UTF-8 text on the engine side and bytes on
 * the wire. Hazard: a listed key that is not UTF-8 cannot be one of ours; it is dropped here
 * rather than turned into a look-alike string.
 */
public final class WireAdapter {
  private WireAdapter() {}

  /** The frame operation to send for an engine request. */
  public static Op toWire(DelegateOp op) {
    return new Op.Delegate(op.delegate().toArray(), toRequest(op));
  }

  public static DelegateRequest toRequest(DelegateOp op) {
    switch (op.kind()) {
      case GET:
        return new DelegateRequest.Get(Utf8.encode(op.key()));
      case GET_VERSIONED:
        return new DelegateRequest.GetVersioned(Utf8.encode(op.key()));
      case CAS_STORE:
        return new DelegateRequest.CasStore(Utf8.encode(op.key()), op.value(), op.expectedGeneration());
      case STORE:
        return new DelegateRequest.Store(Utf8.encode(op.key()), op.value());
      case LIST:
        return DelegateRequest.LIST;
      case GET_MANY: {
        List<byte[]> keys = new ArrayList<byte[]>(op.keys().size());
        for (String k : op.keys()) {
          keys.add(Utf8.encode(k));
        }
        return new DelegateRequest.GetMany(keys);
      }
      default:
        throw new IllegalArgumentException("unknown op " + op.kind());
    }
  }

  /** The engine reply for a delegate response frame (`{"ok": {"Delegate": ...}}`). */
  public static DelegateReply fromWire(DelegateResponse r) {
    if (r instanceof DelegateResponse.Get) {
      return DelegateReply.get(((DelegateResponse.Get) r).value());
    }
    if (r instanceof DelegateResponse.GetVersioned) {
      DelegateResponse.GetVersioned g = (DelegateResponse.GetVersioned) r;
      return DelegateReply.getVersioned(g.value(), g.generation());
    }
    if (r instanceof DelegateResponse.CasStore) {
      CasStoreResult c = ((DelegateResponse.CasStore) r).result();
      if (c instanceof CasStoreResult.Stored) {
        return DelegateReply.casStored(((CasStoreResult.Stored) c).generation());
      }
      if (c instanceof CasStoreResult.Conflict) {
        CasStoreResult.Conflict k = (CasStoreResult.Conflict) c;
        return DelegateReply.casConflict(k.currentGeneration(), k.currentValue());
      }
      return DelegateReply.casFailed(((CasStoreResult.Failed) c).message());
    }
    if (r instanceof DelegateResponse.Store) {
      DelegateResponse.Store s = (DelegateResponse.Store) r;
      return DelegateReply.stored(s.result().isOk() ? null : s.result().error());
    }
    if (r instanceof DelegateResponse.ListKeys) {
      List<String> keys = new ArrayList<String>();
      for (byte[] k : ((DelegateResponse.ListKeys) r).keys()) {
        try {
          keys.add(Utf8.decode(k, 0, k.length));
        } catch (CborException e) {
          // not UTF-8: not a key this app wrote
        }
      }
      return DelegateReply.list(keys);
    }
    if (r instanceof DelegateResponse.GetMany) {
      DelegateResponse.GetMany m = (DelegateResponse.GetMany) r;
      List<String> keys = new ArrayList<String>(m.size());
      List<byte[]> values = new ArrayList<byte[]>(m.size());
      long[] generations = new long[m.size()];
      for (int i = 0; i < m.size(); i++) {
        generations[i] = m.generation(i);
        byte[] k = m.key(i);
        try {
          keys.add(Utf8.decode(k, 0, k.length));
        } catch (CborException e) {
          return DelegateReply.error("a GetManyResponse key is not UTF-8: not an answer to us");
        }
        values.add(m.value(i));
      }
      return DelegateReply.getMany(keys, values, generations);
    }
    return DelegateReply.error("unexpected delegate response " + r.variantName());
  }

  /** The engine reply for an error frame (`{"err": {"code", "message"}}`) or a timeout. */
  public static DelegateReply fromError(String code, String message) {
    return DelegateReply.error(code, message);
  }
}
