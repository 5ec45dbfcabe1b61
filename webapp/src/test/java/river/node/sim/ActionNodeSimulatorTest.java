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
 * The randomized multi-tab action runs of {@link ActionSimulator} against a real node: the tabs'
 * first opens mint real profiles ({@code POST /v1/profiles}), and every room action and outbox send
 * of every tab goes over its profile's WebSocket to the node's signing keys and room contracts
 * (each browser's delegate store for the tabs' saves stays the shared model, as in the model runs).
 * Now and then the node restarts on its data directory with every connection cut, so what was
 * acknowledged before must survive it; identities are replaced with {@code StoreSigningKey} and
 * {@code if_held}, as an import will. Fewer seeds than the model runs: each request is a real round
 * trip.
 */
class ActionNodeSimulatorTest {
  @TempDir Path dir;

  /** One WebSocket per user; the node's refusals come back as WireException. */
  static final class RealNode implements NodeAnswers, AutoCloseable {
    final Path dir;
    final Map<String, WsClient> users = new HashMap<>();
    final String readerToken;
    TestNode node;
    WsClient reader;
    int restarts;

    RealNode(Path dir) throws Exception {
      this.dir = dir;
      this.node = new TestNode(dir);
      this.readerToken = node.newProfile();
      this.reader = WsClient.connect(node.wsUrl(readerToken));
    }

    /** The WebSocket of one profile token (opened on first use, and again after a restart). */
    WsClient of(String token) {
      return users.computeIfAbsent(
          token,
          t -> {
            try {
              return WsClient.connect(node.wsUrl(t));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @Override
    public String newProfile() {
      try {
        return node.newProfile();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** Stops the node and starts it again on the same data: every connection is lost. */
    @Override
    public void restart() {
      users.values().forEach(WsClient::close);
      users.clear();
      reader.close();
      node.close();
      try {
        node = new TestNode(dir);
        reader = WsClient.connect(node.wsUrl(readerToken));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      restarts++;
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

    /** How far the tabs' clock was moved past this machine's ({@link #advance}). */
    private long ahead;

    @Override
    public long now() {
      return System.currentTimeMillis() + ahead;
    }

    @Override
    public void advance(long millis) {
      ahead += millis;
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
    int queued = 0;
    int minted = 0;
    int cuts = 0;
    int restarts = 0;
    int identities = 0;
    int shown = 0;
    int deputies = 0;
    int renames = 0;
    int renamesFailed = 0;
    for (int seed = 1; seed <= 8; seed++) {
      try (RealNode real = new RealNode(dir.resolve("seed" + seed))) {
        ActionSimulator sim = new ActionSimulator(seed, real);
        sim.run(20);
        concurrent += sim.concurrentJoins;
        posts += sim.posts;
        queued += sim.queuedPosts;
        minted += sim.tokensMinted;
        cuts += sim.cuts;
        restarts += sim.restarts;
        identities += sim.identityChanges;
        shown += sim.roomsShown;
        deputies += sim.deputyChanges;
        renames += sim.renames;
        renamesFailed += sim.renamesFailed;
      }
    }
    System.out.println(
        "action simulator on a real node: 8 seeds, "
            + minted
            + " tokens minted by tabs opened at once, "
            + concurrent
            + " invitations accepted by two tabs at once, "
            + posts
            + " posts, "
            + queued
            + " messages queued in outboxes, "
            + cuts
            + " connections cut, "
            + restarts
            + " node restarts, "
            + identities
            + " identities replaced, "
            + shown
            + " rooms shown at random, "
            + deputies
            + " deputies named or taken back, "
            + renames
            + " renames from another tab meanwhile ("
            + renamesFailed
            + " told they did not go through)");
    assertTrue(concurrent > 0 && posts > 0 && minted > 8 && queued > 0 && cuts > 0);
    assertTrue(restarts > 0, "the node must restart in some seed");
    assertTrue(identities > 0, "an identity must be replaced in some seed");
    assertTrue(shown > 0, "a tab must show a room (and publish the member's key) in some seed");
    assertTrue(deputies > 0, "a tab must name a deputy (while another renames) in some seed");
  }
}
