package river.client.shell;

import elemental2.core.ArrayBuffer;
import river.client.JsBytes;
import river.wire.Op;
import river.wire.Request;
import river.wire.Response;
import river.wire.ServerFrame;
import river.wire.WireCodec;

/**
 * The shell's own heartbeat Pings on the socket it shares with the app. Request ids are the
 * client's to choose; the app numbers its requests from 1, so the shell takes ids from {@link
 * #FIRST_ID} up, far beyond anything the app reaches, and keeps their Pongs to itself (the app
 * would only drop an answer it never asked for, but it need not see them at all).
 */
final class PingFrames {
  static final long FIRST_ID = 1L << 48;

  /** A Pong answer is a few bytes; anything longer is not one and is not decoded here. */
  private static final int MAX_PONG_BYTES = 32;

  private long nextId = FIRST_ID;

  ArrayBuffer next() {
    return JsBytes.toBuffer(WireCodec.encodeRequest(new Request(nextId++, Op.PING)));
  }

  static boolean isOwnPong(ArrayBuffer frame) {
    if (frame.byteLength > MAX_PONG_BYTES) {
      return false;
    }
    try {
      ServerFrame f = WireCodec.decodeServerFrame(JsBytes.fromBuffer(frame));
      long id = f instanceof Response ? ((Response) f).id() : -1;
      return id >= FIRST_ID && id < ShellPrefetch.FIRST_ID;
    } catch (RuntimeException notOurs) {
      return false;
    }
  }
}
