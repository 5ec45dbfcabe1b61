package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test with a seeded generator: three replicas make random valid updates against their own
 * state (joins with member info, messages, replies, edits, deletes, reactions, nickname and config
 * changes, bans with cascade), and every update is delivered to every replica in random order, some
 * twice; a delivery refused for a missing prerequisite is retried later. After the deliveries the
 * replicas run summary/delta anti-entropy (what a client's Get + merge does), and must then hold
 * byte-identical states. Every 100th seed signs with real Ed25519, the others with fast stand-in
 * keys ({@link TestKey#fast}) so 400 scenarios run in seconds. Two regimes, matching the documented
 * hazards of {@link RoomMerge}: bans with no message overflow, and message overflow with no bans.
 */
class RoomConvergenceTest {
  static final int SEEDS = 200;

  @Test
  void replicasConvergeWithBansAndActions() {
    int antiEntropyNeeded = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      antiEntropyNeeded += new Run(seed, 100, true).run();
    }
    System.out.println(
        "bans regime: anti-entropy changed something in "
            + antiEntropyNeeded
            + " of "
            + SEEDS
            + " seeds");
  }

  @Test
  void replicasConvergeWithMessageOverflow() {
    for (int seed = 1; seed <= SEEDS; seed++) {
      new Run(1000 + seed, 5, false).run();
    }
  }

  /** One seeded scenario. */
  static final class Run {
    final Random rnd;
    final boolean bans;
    final SignatureVerifier verifier;
    final boolean realCrypto;
    final TestKey owner;
    final RoomFixture f;
    final Map<String, TestKey> keys = new HashMap<>();
    final RoomState[] replicas = new RoomState[3];
    final List<Delivery> pending = new ArrayList<>();
    int bansMade;
    final int seed;

    record Delivery(int replica, RoomDelta delta, int tries) {}

    Run(int seed, int maxMessages, boolean bans) {
      this.seed = seed;
      this.rnd = new Random(seed);
      this.bans = bans;
      // every 100th seed signs with real Ed25519; the rest with TestKey.fast (same code paths)
      this.realCrypto = seed % 100 == 0;
      this.verifier = realCrypto ? new CachingVerifier() : TestKey.FAST;
      owner = newKey();
      keys.put(hex(owner.pub), owner);
      f = new RoomFixture(owner);
      int[] limits = RoomConfig.defaultLimits();
      limits[0] = maxMessages;
      RoomState created =
          RoomContract.apply(
              RoomState.empty(owner.pub),
              RoomDelta.builder().config(f.config(1, "room", limits)).build(),
              verifier,
              RoomFixture.NOW);
      for (int i = 0; i < 3; i++) {
        replicas[i] = created;
      }
    }

    TestKey newKey() {
      return realCrypto ? TestKey.random(rnd) : TestKey.fast(rnd);
    }

    static String hex(byte[] b) {
      return HexFormat.of().formatHex(b);
    }

    /** Returns 1 when anti-entropy still had to change something. */
    int run() {
      int updates = 20 + rnd.nextInt(30);
      int made = 0;
      while (made < updates || !pending.isEmpty()) {
        if (made < updates && (pending.isEmpty() || rnd.nextInt(3) == 0)) {
          int r = rnd.nextInt(3);
          RoomDelta d = generate(replicas[r]);
          if (d == null) {
            continue;
          }
          made++;
          try {
            replicas[r] = RoomContract.apply(replicas[r], d, verifier, RoomFixture.NOW);
          } catch (RoomValidationException refused) {
            continue; // the generator also makes updates its own replica refuses: never sent
          }
          for (int i = 0; i < 3; i++) {
            if (i != r || rnd.nextInt(4) == 0) {
              pending.add(new Delivery(i, d, 0));
            }
            if (rnd.nextInt(5) == 0) {
              pending.add(new Delivery(i, d, 0)); // duplicate
            }
          }
        } else {
          Delivery d = pending.remove(rnd.nextInt(pending.size()));
          try {
            replicas[d.replica] =
                RoomContract.apply(replicas[d.replica], d.delta, verifier, RoomFixture.NOW);
          } catch (RoomValidationException e) {
            if (d.tries < 20) {
              pending.add(new Delivery(d.replica, d.delta, d.tries + 1));
            }
          }
        }
      }
      boolean changed = antiEntropy();
      for (int i = 1; i < 3; i++) {
        assertArrayEquals(
            replicas[0].encode(),
            replicas[i].encode(),
            "seed " + seed + ": replica " + i + " differs");
      }
      return changed ? 1 : 0;
    }

    /** Summary/delta exchange until nothing changes; a refused delta is retried item by item. */
    boolean antiEntropy() {
      boolean any = false;
      for (int round = 0; round < 10; round++) {
        boolean changed = false;
        for (int from = 0; from < 3; from++) {
          for (int to = 0; to < 3; to++) {
            if (from == to) {
              continue;
            }
            RoomDelta d = RoomSummary.deltaFor(replicas[from], RoomSummary.of(replicas[to]));
            if (d.isEmpty()) {
              continue;
            }
            byte[] before = replicas[to].encode();
            replicas[to] = applyLeniently(replicas[to], d);
            changed |= !Arrays.equals(before, replicas[to].encode());
          }
        }
        any |= changed;
        if (!changed) {
          return any;
        }
      }
      fail("seed " + seed + ": anti-entropy did not settle");
      return any;
    }

    RoomState applyLeniently(RoomState s, RoomDelta d) {
      try {
        return RoomContract.apply(s, d, verifier, RoomFixture.NOW);
      } catch (RoomValidationException e) {
        List<RoomDelta> parts = new ArrayList<>();
        if (d.config() != null) {
          parts.add(RoomDelta.builder().config(d.config()).build());
        }
        d.members().forEach(m -> parts.add(RoomDelta.builder().member(m).build()));
        d.bans().forEach(b -> parts.add(RoomDelta.builder().ban(b).build()));
        d.memberInfo().forEach(i -> parts.add(RoomDelta.builder().memberInfo(i).build()));
        d.messages().forEach(m -> parts.add(RoomDelta.builder().message(m).build()));
        for (RoomDelta p : parts) {
          try {
            s = RoomContract.apply(s, p, verifier, RoomFixture.NOW);
          } catch (RoomValidationException ignored) {
            // refused here for a reason the other side will learn (a ban it has not seen yet)
          }
        }
        return s;
      }
    }

    List<TestKey> current(RoomState s) {
      List<TestKey> out = new ArrayList<>();
      out.add(owner);
      for (AuthorizedMember m : s.members()) {
        if (s.isMember(m.member())) {
          out.add(keys.get(hex(m.member())));
        }
      }
      return out;
    }

    <T> T pick(List<T> l) {
      return l.get(rnd.nextInt(l.size()));
    }

    RoomDelta generate(RoomState s) {
      List<TestKey> members = current(s);
      TestKey actor = pick(members);
      long time = rnd.nextInt(500);
      int what = rnd.nextInt(100);
      if (what < 20 || members.size() < 3) {
        TestKey invitee = newKey();
        keys.put(hex(invitee.pub), invitee);
        return RoomDelta.builder()
            .member(f.invite(actor, invitee))
            .memberInfo(f.info(invitee, invitee, 1, "n" + rnd.nextInt(99)))
            .build();
      }
      if (what < 50 || s.messages().isEmpty()) {
        return RoomDelta.builder().message(f.text(actor, time, "t" + rnd.nextInt(1000))).build();
      }
      if (what < 70) {
        RoomMessage target = pick(s.messages());
        MessageKind kind =
            pick(
                List.of(
                    MessageKind.REPLY,
                    MessageKind.EDIT,
                    MessageKind.DELETE,
                    MessageKind.REACT,
                    MessageKind.UNREACT));
        TestKey author =
            kind == MessageKind.EDIT || kind == MessageKind.DELETE
                ? (rnd.nextBoolean() ? keys.get(hex(target.author())) : actor)
                : actor;
        if (!s.isMember(author.pub)) {
          author = actor;
        }
        return RoomDelta.builder()
            .message(
                f.message(
                    author,
                    time,
                    kind,
                    target.id(),
                    kind == MessageKind.REACT || kind == MessageKind.UNREACT ? "+1" : "x"))
            .build();
      }
      if (what < 82) {
        long v = 1;
        for (MemberInfo i : s.memberInfo()) {
          if (Arrays.equals(i.member(), actor.pub)) {
            v = i.version() + 1;
          }
        }
        TestKey signer = rnd.nextInt(4) == 0 ? owner : actor;
        return RoomDelta.builder()
            .memberInfo(f.info(signer, actor, v, "nick" + rnd.nextInt(9)))
            .build();
      }
      if (what < 90) {
        return RoomDelta.builder()
            .config(
                f.config(s.config().version() + 1, "name" + rnd.nextInt(9), s.config().limits()))
            .build();
      }
      if (!bans || bansMade >= 8) {
        return null;
      }
      // a ban by the owner or by someone up the chain of a current member
      List<AuthorizedMember> candidates = new ArrayList<>();
      for (AuthorizedMember m : s.members()) {
        if (s.isMember(m.member())) {
          candidates.add(m);
        }
      }
      if (candidates.isEmpty()) {
        return null;
      }
      AuthorizedMember target = pick(candidates);
      TestKey by = rnd.nextBoolean() ? owner : keys.get(hex(target.invitedBy()));
      bansMade++;
      return RoomDelta.builder().ban(f.ban(by, keys.get(hex(target.member())), time)).build();
    }
  }

  @Test
  void mergeIsCommutativeAssociativeAndIdempotentOnRandomStates() {
    for (int seed = 1; seed <= 60; seed++) {
      Run run = new Run(5000 + seed, 8, true);
      // three diverged replicas: no deliveries, just local updates
      for (int k = 0; k < 15; k++) {
        int r = run.rnd.nextInt(3);
        RoomDelta d = run.generate(run.replicas[r]);
        if (d != null) {
          try {
            run.replicas[r] = RoomContract.apply(run.replicas[r], d, run.verifier, RoomFixture.NOW);
          } catch (RoomValidationException refused) {
            // an update its own replica refuses (e.g. someone else's edit) is never sent
          }
        }
      }
      RoomState a = run.replicas[0];
      RoomState b = run.replicas[1];
      RoomState c = run.replicas[2];
      assertArrayEquals(RoomMerge.merge(a, b).encode(), RoomMerge.merge(b, a).encode());
      assertArrayEquals(
          RoomMerge.merge(RoomMerge.merge(a, b), c).encode(),
          RoomMerge.merge(a, RoomMerge.merge(b, c)).encode());
      assertArrayEquals(a.encode(), RoomMerge.merge(a, a).encode());
      // the summary's delta gives the other side exactly the merge
      RoomState viaDelta = RoomMerge.merge(b, RoomSummary.deltaFor(a, RoomSummary.of(b)));
      assertArrayEquals(RoomMerge.merge(a, b).encode(), viaDelta.encode());
      assertTrue(RoomSummary.deltaFor(a, RoomSummary.of(a)).isEmpty());
    }
  }
}
