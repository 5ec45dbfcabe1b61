package river.node.ws;

/** What the node does with the frames of a connection. Called on Jetty threads; must not block. */
public interface FrameHandler {
  void onBinary(ClientConnection connection, byte[] frame);

  void onText(ClientConnection connection, String text);

  default void onClose(ClientConnection connection) {}
}
