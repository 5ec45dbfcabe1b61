package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * Answer to request {@code id}: {"id", "ok": OpResult} or {"id", "err": {"code": text, "message":
 * text}} (codes in {@link ErrorCodes}).
 */
public final class Response extends ServerFrame {
  private final long id;
  private final OpResult ok;
  private final String errorCode;
  private final String errorMessage;

  private Response(long id, OpResult ok, String errorCode, String errorMessage) {
    this.id = id;
    this.ok = ok;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  public static Response ok(long id, OpResult result) {
    if (result == null) {
      throw new NullPointerException("result");
    }
    return new Response(id, result, null, null);
  }

  public static Response err(long id, String code, String message) {
    if (code == null || message == null) {
      throw new NullPointerException("code and message");
    }
    return new Response(id, null, code, message);
  }

  public long id() {
    return id;
  }

  public boolean isOk() {
    return ok != null;
  }

  /** The result, or null for an error response. */
  public OpResult result() {
    return ok;
  }

  /** The error code, or null for an ok response. */
  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  @Override
  public CborItem toCbor() {
    CborMap.Builder b = CborMap.builder().put("id", CborItem.uint64(id));
    if (ok != null) {
      b.put("ok", ok.toCbor());
    } else {
      b.put(
          "err",
          CborMap.builder()
              .put("code", CborItem.text(errorCode))
              .put("message", CborItem.text(errorMessage))
              .build());
    }
    return b.build();
  }
}
