package river.wire;

/** Node → client frame: a {@link Response} to a request or an unsolicited {@link Push}. */
public abstract class ServerFrame extends WireValue {
  ServerFrame() {}
}
