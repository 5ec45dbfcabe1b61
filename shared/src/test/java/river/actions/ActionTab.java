package river.actions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.engine.TabSession;
import river.engine.World;
import river.room.SealedBytes;
import river.wire.WireException;

/**
 * One browser tab for the actions tests: a {@link TabSession} over its user's delegate model
 * ({@link World}), its {@link RoomActions}, and a pump that answers the actions' requests from the
 * {@link ModelNode} and runs the session's saves and pushes until both are quiet. {@link #hold}
 * keeps requests back so tests can interleave two tabs step by step.
 */
public final class ActionTab {
  final String user;
  final World world;
  final int index;
  final NodeAnswers node;
  final RoomActions actions;
  final List<ActionRequest> held = new ArrayList<>();
  final List<String> failures = new ArrayList<>();
  boolean hold;

  /** Private-room sealing stand-in: the plain bytes with a fake tag, under the secret version. */
  static final Cipher CIPHER =
      new Cipher() {
        @Override
        public void seal(
            byte[] secret, long version, byte[] plain, Sealed then, ActionLink.Fail fail) {
          then.accept(
              SealedBytes.privateBytes(
                  Arrays.copyOf(plain, plain.length + 16), new byte[12], version));
        }

        @Override
        public byte[] newSecret() {
          return new byte[32];
        }
      };

  ActionTab(String user, World world, NodeAnswers node) {
    this(user, world, node, CIPHER, null);
  }

  /** A tab with real cryptography (private-room secret versions). */
  ActionTab(String user, World world, NodeAnswers node, JceCrypto crypto) {
    this(user, world, node, crypto, crypto);
  }

  private ActionTab(String user, World world, NodeAnswers node, Cipher cipher, SecretWrap wrap) {
    this.user = user;
    this.world = world;
    this.node = node;
    this.index = world.openTab();
    world.runAll();
    this.actions = new RoomActions(world.tab(index), cipher, wrap, node::now);
  }

  TabSession session() {
    return world.tab(index);
  }

  ActionLink.Fail failInto() {
    return m -> failures.add(m);
  }

  /** Answers every request (unless held) and settles the session, until nothing moves. */
  void pump() {
    for (int round = 0; round < 1000; round++) {
      List<ActionRequest> out = actions.link().drain();
      if (hold) {
        held.addAll(out);
        out = new ArrayList<>();
      }
      world.collect(index);
      boolean sessionBusy = !world.queue.isEmpty();
      world.runAll();
      if (out.isEmpty() && !sessionBusy) {
        return;
      }
      for (ActionRequest r : out) {
        answer(r);
      }
    }
    throw new AssertionError("the tab did not settle");
  }

  /** Releases the oldest held request, answers it, and pumps (still holding what follows). */
  boolean step() {
    if (held.isEmpty()) {
      pump();
      if (held.isEmpty()) {
        return false;
      }
    }
    answer(held.remove(0));
    pump();
    return true;
  }

  private void answer(ActionRequest r) {
    try {
      actions.link().onResult(r.id, node.answer(user, r.op));
    } catch (WireException e) {
      actions.link().onError(r.id, e.code(), e.getMessage());
    }
  }
}
