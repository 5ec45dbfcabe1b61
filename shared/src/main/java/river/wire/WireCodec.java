package river.wire;

import river.cbor.Cbor;
import river.cbor.CborCursor;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborKind;

/**
 * Bytes ↔ frames for the WebSocket API. Decoding throws only {@link WireException}: CBOR errors
 * become {@code malformed}, unknown variants {@code unknown_op}; a request whose id was readable
 * carries that id in the exception so the node can still answer it. Encoding is deterministic
 * (fields in a fixed order per message), so equal messages give equal bytes.
 */
public final class WireCodec {
  private WireCodec() {}

  public static Request decodeRequest(byte[] frame) {
    CborItem root = parse(frame);
    Fields f = Fields.of(root, "request");
    long id = f.uint64("id");
    try {
      return new Request(id, Op.fromCbor(f.any("op")));
    } catch (WireException e) {
      throw e.withRequestId(id);
    } catch (CborException e) {
      throw new WireException(ErrorCodes.MALFORMED, e.getMessage(), e).withRequestId(id);
    }
  }

  /** A response or a push; which one is decided by the "push" field. */
  public static ServerFrame decodeServerFrame(byte[] frame) {
    Response usual =
        LoadAnswerFrame.read(frame); // null: not a List or GetMany answer as written here
    if (usual != null) {
      return usual;
    }
    CborItem root = parse(frame);
    Fields f = Fields.of(root, "server frame");
    try {
      CborItem push = root.get("push");
      if (push != null) {
        return new Push(Event.fromCbor(push));
      }
      long id = f.uint64("id");
      CborItem ok = root.get("ok");
      CborItem err = root.get("err");
      if ((ok == null) == (err == null)) {
        throw WireException.malformed("response needs exactly one of \"ok\" and \"err\"");
      }
      if (ok != null) {
        return Response.ok(id, OpResult.fromCbor(ok));
      }
      Fields e = Fields.of(err, "err");
      return Response.err(id, e.text("code"), e.text("message"));
    } catch (CborException e) {
      throw new WireException(ErrorCodes.MALFORMED, e.getMessage(), e);
    }
  }

  /**
   * The id of a response frame from its first bytes alone (a 32-byte prefix is enough), or -1 for a
   * push or anything else. Reads only the shape this codec writes, {@code {"id": n, ...}} with the
   * id first: a relay that must find its own answers among large frames (the shell, issue 18) need
   * not decode them. A frame of another shape is simply not recognised.
   */
  public static long peekResponseId(byte[] prefix) {
    try {
      CborCursor c = new CborCursor(prefix);
      return c.count(CborCursor.MAP) > 0 && "id".equals(c.text()) ? c.uint() : -1;
    } catch (RuntimeException notThatShape) {
      return -1;
    }
  }

  public static byte[] encodeRequest(Request request) {
    return Cbor.encode(request.toCbor());
  }

  public static byte[] encodeResponse(Response response) {
    return Cbor.encode(response.toCbor());
  }

  public static byte[] encodePush(Push push) {
    return Cbor.encode(push.toCbor());
  }

  public static byte[] encodeServerFrame(ServerFrame frame) {
    return Cbor.encode(frame.toCbor());
  }

  private static CborItem parse(byte[] frame) {
    try {
      CborItem item = Cbor.decode(frame);
      if (item.kind() != CborKind.MAP) {
        throw WireException.malformed("frame must be a CBOR map, got " + item.kind());
      }
      return item;
    } catch (CborException e) {
      throw new WireException(ErrorCodes.MALFORMED, "not CBOR: " + e.getMessage(), e);
    }
  }
}
