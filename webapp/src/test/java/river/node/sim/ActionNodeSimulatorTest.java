package river.node.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.actions.ActionSimulator;
import river.actions.NodeAnswers;
import river.node.TestNode;
import river.node.tools.WsClient;
import river.room.RoomState;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;
import river.wire.WireException;

/**
 * The randomized multi-tab action runs of {@link ActionSimulator} against a real node: every room
 * action of every tab goes over the user's WebSocket to the node's signing keys and room contracts
 * (each user's delegate store for the tabs' saves stays the shared model, as in the model runs).
 * Fewer seeds than the model runs: each request is a real round trip.
 */
class ActionNodeSimulatorTest {
  @TempDir Path dir;

  /** One WebSocket per user; the node's refusals come back as WireException. */
  static final class RealNode implements NodeAnswers, AutoCloseable {
    final TestNode node;
    final Map<String, WsClient> users = new HashMap<>();
    final WsClient reader;

    RealNode(TestNode node) throws Exception {
      this.node = node;
      this.reader = WsClient.connect(node.wsUrl(node.newProfile()));
    }

    WsClient of(String user) {
      return users.computeIfAbsent(
          user,
          u -> {
            try {
              return WsClient.connect(node.wsUrl(node.newProfile()));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @Override
    public OpResult answer(String user, Op op) {
      WsClient c = of(user);
      c.drainPushes(); // room updates of subscribed rooms: not what these runs look at
      Response r;
      try {
        r = WsClient.await(c.request(op));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (!r.isOk()) {
        throw new WireException(r.errorCode(), r.errorMessage());
      }
      return r.result();
    }

    @Override
    public byte[] heldKey(String user, byte[] room) {
      try {
        return ((DelegateResponse.PublicKey)
                of(user).delegate(new DelegateRequest.GetPublicKey(room)))
            .publicKey();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public RoomState room(byte[] key) {
      try {
        Response r = WsClient.await(reader.request(new Op.Get(key, false)));
        return r.isOk()
            ? RoomState.decodeTrusted(key, ((OpResult.GetResult) r.result()).state())
            : null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public long now() {
      return System.currentTimeMillis();
    }

    @Override
    public void close() {
      users.values().forEach(WsClient::close);
      reader.close();
      node.close();
    }
  }

  @Test
  void twoUsersInSeveralTabsKeepEveryInvariantOnARealNode() throws Exception {
    int concurrent = 0;
    int posts = 0;
    for (int seed = 1; seed <= 8; seed++) {
      try (RealNode real = new RealNode(new TestNode(dir.resolve("seed" + seed)))) {
        ActionSimulator sim = new ActionSimulator(seed, real);
        sim.run(15);
        concurrent += sim.concurrentJoins;
        posts += sim.posts;
      }
    }
    System.out.println(
        "action simulator on a real node: 8 seeds, "
            + concurrent
            + " invitations accepted by two tabs at once, "
            + posts
            + " posts");
    assertTrue(concurrent > 0 && posts > 0);
  }
}
