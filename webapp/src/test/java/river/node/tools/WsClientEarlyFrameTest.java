package river.node.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import river.wire.Event;
import river.wire.Push;
import river.wire.WireCodec;

/**
 * A push that reaches a connection in the same packet as the upgrade's answer (the node pushes a
 * key change to every connection of a user, so a connection opened while the user's other
 * connections write gets one at once). {@code WsClient}'s listener once blocked on that frame until
 * {@code connect} returned, while {@code connect} waited for the listener's thread: the upgrade
 * hung until its 15 s timeout (seen in {@code KillOneOfTwoNodesTest}). A server written here
 * answers the upgrade and sends the push in one write, so the frame is always early.
 */
class WsClientEarlyFrameTest {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  @Test
  void aPushSentWithTheUpgradesAnswerNeitherBlocksConnectNorIsLost() throws Exception {
    byte[] key = "rooms_meta".getBytes(StandardCharsets.UTF_8);
    byte[] push =
        WireCodec.encodeServerFrame(new Push(new Event.DelegateKeyChanged(new byte[32], key, 7)));
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> answerOnce(server, push), "early-frame-server");
      t.setDaemon(true);
      t.start();
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            try (WsClient c =
                WsClient.connect("ws://127.0.0.1:" + server.getLocalPort() + "/v1/ws")) {
              Event e = c.nextPush(Duration.ofSeconds(5));
              Event.DelegateKeyChanged changed =
                  assertInstanceOf(Event.DelegateKeyChanged.class, e);
              assertArrayEquals(key, changed.key());
            }
          });
    }
  }

  /**
   * Accepts one upgrade; answers it and sends {@code frame} as one binary message, in one write.
   */
  private static void answerOnce(ServerSocket server, byte[] frame) {
    try (Socket s = server.accept()) {
      InputStream in = s.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.write(b);
      }
      Matcher m =
          Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)")
              .matcher(head.toString(StandardCharsets.ISO_8859_1));
      if (!m.find()) {
        return;
      }
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((m.group(1) + GUID).getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + Base64.getEncoder().encodeToString(sha1)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(0x82); // FIN, binary
      if (frame.length < 126) {
        out.write(frame.length);
      } else {
        out.write(126);
        out.write(frame.length >> 8);
        out.write(frame.length & 0xff);
      }
      out.write(frame);
      OutputStream o = s.getOutputStream();
      o.write(out.toByteArray());
      o.flush();
      // keep the connection open until the client closes it
      while (in.read() >= 0) {}
    } catch (Exception e) {
      // the test's assertion reports what the client saw
    }
  }
}
