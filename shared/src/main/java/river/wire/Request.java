package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/** Client → node frame {"id": uint, "op": Op}; the id (u64 bits) is echoed in the response. */
public final class Request extends WireValue {
  private final long id;
  private final Op op;

  public Request(long id, Op op) {
    if (op == null) {
      throw new NullPointerException("op");
    }
    this.id = id;
    this.op = op;
  }

  public long id() {
    return id;
  }

  public Op op() {
    return op;
  }

  @Override
  public CborItem toCbor() {
    return CborMap.builder().put("id", CborItem.uint64(id)).put("op", op.toCbor()).build();
  }
}
