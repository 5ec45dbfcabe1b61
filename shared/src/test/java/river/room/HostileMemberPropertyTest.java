package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property test: one node (the judge) applies a random mix of honest updates and hostile ones from
 * members, banned members and outsiders, as the contract does for Put/Update. Honest members are
 * invited by the owner or by honest members; hostile members by the owner or by hostile members;
 * the owner bans only hostile members. After every update: every honest member is still a member
 * with the record they were admitted with, their latest member info stands, and every honest
 * message the node answered ok is still there unless the room's retention (newest N by time) pushed
 * it out; a refused update changed nothing. Fast stand-in signatures ({@link TestKey#fast}); the
 * rules run the same code as with Ed25519.
 */
class HostileMemberPropertyTest {
  static final int SEEDS = 300;
  static final int STEPS = 120;

  @Test
  void honestMembersKeepTheirPlaceAndTheirAcknowledgedMessages() {
    int refusedHostile = 0;
    int acceptedHostile = 0;
    int retention = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      Run r = new Run(seed);
      r.run();
      refusedHostile += r.refusedHostile;
      acceptedHostile += r.acceptedHostile;
      retention += r.honestRefusedByRetention;
    }
    System.out.println(
        "hostile room updates: "
            + refusedHostile
            + " refused, "
            + acceptedHostile
            + " accepted (harmless by the invariants) over "
            + SEEDS
            + " seeds; "
            + retention
            + " honest posts refused (not dropped) while spam dated ahead filled the room");
    assertTrue(refusedHostile > SEEDS * 10, "the generator must try real attacks");
  }

  static final class Run {
    final int seed;
    final Random rnd;
    final TestKey owner;
    final RoomFixture f;
    final List<TestKey> honest = new ArrayList<>();
    final List<TestKey> hostile = new ArrayList<>();
    final List<TestKey> bannedHostile = new ArrayList<>();
    final Map<String, AuthorizedMember> admitted = new LinkedHashMap<>();
    final Map<String, MemberInfo> honestInfo = new LinkedHashMap<>();
    final List<RoomMessage> acked = new ArrayList<>();
    final Set<RoomMessage> evicted = new HashSet<>();
    RoomState state;
    long now = RoomFixture.NOW;
    int refusedHostile;
    int acceptedHostile;
    int honestRefusedByRetention;

    Run(int seed) {
      this.seed = seed;
      this.rnd = new Random(seed);
      owner = TestKey.fast(rnd);
      f = new RoomFixture(owner);
      int[] limits = RoomConfig.defaultLimits();
      limits[0] = 10 + rnd.nextInt(30); // messages kept: small, so retention is exercised
      limits[3] = 8 + rnd.nextInt(20); // members: small, so the cap is exercised
      limits[6] = 3;
      state =
          RoomContract.apply(
              RoomState.empty(owner.pub),
              RoomDelta.builder().config(f.config(1, "room", limits)).build(),
              TestKey.FAST,
              now);
    }

    static String hex(byte[] b) {
      return HexFormat.of().formatHex(b);
    }

    <T> T pick(List<T> l) {
      return l.get(rnd.nextInt(l.size()));
    }

    void run() {
      for (int step = 0; step < STEPS; step++) {
        now += rnd.nextInt(2000);
        if (rnd.nextInt(5) < 2) {
          honestStep();
        } else {
          hostileStep();
        }
        check(step);
      }
    }

    boolean apply(RoomDelta d) {
      byte[] before = state.encode();
      try {
        state = RoomContract.apply(state, d, TestKey.FAST, now);
        return true;
      } catch (RoomValidationException e) {
        assertArrayEquals(before, state.encode(), "seed " + seed + ": a refusal changed the room");
        return false;
      }
    }

    TestKey honestActor() {
      return honest.isEmpty() || rnd.nextInt(4) == 0 ? owner : pick(honest);
    }

    void honestStep() {
      int what = rnd.nextInt(10);
      TestKey actor = honestActor();
      if (what < 3 || honest.isEmpty()) {
        TestKey invitee = TestKey.fast(rnd);
        AuthorizedMember rec = f.invite(actor, invitee);
        MemberInfo info = f.info(invitee, invitee, 1, "h" + honest.size());
        if (apply(RoomDelta.builder().member(rec).memberInfo(info).build())) {
          honest.add(invitee);
          admitted.put(hex(invitee.pub), rec);
          honestInfo.put(hex(invitee.pub), info);
        }
      } else if (what < 4 && !hostile.isEmpty()) {
        TestKey target = pick(hostile);
        if (apply(RoomDelta.builder().ban(f.ban(owner, target, now)).build())) {
          hostile.remove(target);
          bannedHostile.add(target);
        }
      } else if (what < 5) {
        TestKey target = TestKey.fast(rnd); // the owner lets a hostile member in
        if (apply(RoomDelta.builder().member(f.invite(owner, target)).build())) {
          hostile.add(target);
        }
      } else {
        RoomMessage m = f.text(actor, now, "honest " + rnd.nextInt(1000));
        if (apply(RoomDelta.builder().message(m).build())) {
          acked.add(m);
        } else {
          // only for the documented window: posts dated up to 5 minutes ahead fill the room
          List<RoomMessage> kept = state.messages();
          assertTrue(
              kept.size() == state.config().maxRecentMessages()
                  && RoomMessage.compareAge(m, kept.get(0)) < 0
                  && kept.get(0).time() <= now + RoomValidator.MAX_FUTURE_MILLIS,
              "seed " + seed + ": an honest current member's post was refused");
          honestRefusedByRetention++;
        }
      }
    }

    void hostileStep() {
      List<TestKey> attackers = new ArrayList<>(hostile);
      attackers.addAll(bannedHostile);
      TestKey outsider = TestKey.fast(rnd);
      TestKey h = attackers.isEmpty() || rnd.nextInt(6) == 0 ? outsider : pick(attackers);
      TestKey victim = honest.isEmpty() ? owner : pick(honest);
      RoomDelta d;
      switch (rnd.nextInt(11)) {
        case 0:
          { // re-parent the victim under a fresh key of the attacker's
            TestKey k = TestKey.fast(rnd);
            apply(RoomDelta.builder().member(f.invite(h, k)).build());
            d = RoomDelta.builder().member(f.invite(k, victim)).build();
            break;
          }
        case 1:
          d = RoomDelta.builder().ban(f.ban(h, victim, now)).build();
          break;
        case 2:
          { // fill the room with puppets
            RoomDelta.Builder b = RoomDelta.builder();
            for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
              b.member(f.invite(h, TestKey.fast(rnd)));
            }
            d = b.build();
            break;
          }
        case 3:
          { // freeze the history: a burst dated far ahead
            RoomDelta.Builder b = RoomDelta.builder();
            for (int i = 0; i < 1 + rnd.nextInt(state.config().maxRecentMessages() / 2); i++) {
              b.message(
                  f.text(
                      h,
                      now + RoomValidator.MAX_FUTURE_MILLIS + 1 + rnd.nextInt(1 << 30),
                      "frozen " + i));
            }
            d = b.build();
            break;
          }
        case 4:
        case 5:
          {
            if (acked.isEmpty()) {
              return;
            }
            RoomMessage target = pick(acked);
            MessageKind k = rnd.nextBoolean() ? MessageKind.EDIT : MessageKind.DELETE;
            d = RoomDelta.builder().message(f.message(h, now, k, target.id(), "hijacked")).build();
            break;
          }
        case 6:
          d =
              RoomDelta.builder()
                  .memberInfo(f.info(h, victim, 1000 + rnd.nextInt(9), "pwned"))
                  .build();
          break;
        case 7:
          d =
              RoomDelta.builder()
                  .config(
                      f.config(state.config().version() + 1, "mine", state.config().limits())
                          .withSignature(
                              h.sign(
                                  f.config(
                                          state.config().version() + 1,
                                          "mine",
                                          state.config().limits())
                                      .signedBytes())))
                  .build();
          break;
        case 8: // legal spam: posts dated up to 5 minutes ahead push old messages out
          d =
              RoomDelta.builder()
                  .message(
                      f.text(h, now + rnd.nextInt((int) RoomValidator.MAX_FUTURE_MILLIS), "spam"))
                  .build();
          break;
        case 9:
          { // a puppet chain two deep, then a ban of someone outside it
            TestKey k = TestKey.fast(rnd);
            apply(RoomDelta.builder().member(f.invite(h, k)).build());
            d = RoomDelta.builder().ban(f.ban(k, victim, now)).build();
            break;
          }
        default:
          d = RoomDelta.builder().member(f.invite(h, victim)).build();
          break;
      }
      if (apply(d)) {
        acceptedHostile++;
      } else {
        refusedHostile++;
      }
    }

    void check(int step) {
      String where = "seed " + seed + " step " + step + ": ";
      for (TestKey k : honest) {
        assertTrue(state.isMember(k.pub), where + "an honest member lost their place");
        AuthorizedMember now = null;
        for (AuthorizedMember m : state.members()) {
          if (Arrays.equals(m.member(), k.pub)) {
            now = m;
          }
        }
        assertTrue(
            admitted.get(hex(k.pub)).equals(now), where + "an honest member was re-parented");
        MemberInfo info = null;
        for (MemberInfo i : state.memberInfo()) {
          if (Arrays.equals(i.member(), k.pub)) {
            info = i;
          }
        }
        assertTrue(honestInfo.get(hex(k.pub)).equals(info), where + "an honest name was replaced");
      }
      List<RoomMessage> kept = state.messages();
      int max = state.config().maxRecentMessages();
      for (RoomMessage m : acked) {
        if (!kept.contains(m) && evicted.add(m)) {
          // checked when it leaves: a later ban may shrink the kept list below the maximum
          assertTrue(
              kept.size() == max && RoomMessage.compareAge(m, kept.get(0)) < 0,
              where + "an acknowledged honest message vanished while the room had room for it");
        }
      }
      for (VisibleMessage v : MessageView.of(state)) {
        assertTrue(
            !v.edited() || !new String(v.content().data()).equals("hijacked"),
            where + "someone else's edit shows");
      }
    }
  }
}
