package river.actions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import river.cbor.Utf8;
import river.chat.Names;
import river.chat.PlainErrors;
import river.chat.RoomSecrets;
import river.chat.SecretKeys;
import river.engine.Clock;
import river.engine.TabSession;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SigningPurpose;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.wire.ErrorCodes;

/**
 * Nickname edits, kept until the room has them. The nickname the user asks for is stored first in
 * the room data with the time it was asked ({@link RoomData#nicknameAskedAt}; every tab of the
 * profile gets it through the save engine), then signed into the member's next info. The tab that
 * was asked publishes at once; every tab, on every state of the room, ends the request once the
 * info carries the nickname, and publishes it again when the request is older than {@link
 * #LINGER_MS} (the asking tab was closed, or lost its connection, before the room took it): on the
 * room's next state, or when the host wakes it ({@link #onWakeup}) in a room that stays quiet.
 * Hazard: an info is replaced whole, and at the same version by one that encodes smaller. The other
 * infos a tab signs carry the nickname of the state they were signed from, so they are kept below a
 * nickname edit signed from the same state ({@link DeputyNamings} one version under it, a key at
 * the info's next): an older state's info cannot land after the edit and carry the old nickname
 * back.
 */
final class NicknameRequests {
  /** How long another tab's request may wait before this tab publishes it too (as the outbox). */
  static final long LINGER_MS = OutboxQueue.LINGER_MS;

  /** How many times one publication is signed again on top of an info another tab published. */
  static final int ATTEMPTS = 3;

  /**
   * How far a nickname edit's version jumps past the member's info. Hazard: another tab of the user
   * may publish the member's encryption key from the same state, at the next version. Equal
   * versions keep the smaller encoded info, which today is the edit's (it carries no key field),
   * but only by an accident of the encoding; two steps ahead the edit wins by its version. The
   * key's tab, seeing its key gone, then publishes it again on top of the edit ({@link
   * SecretRotations}). A deputy naming is signed one step below the edit ({@link DeputyNamings}),
   * so neither an older state's key nor its naming lands after the edit and carries the old
   * nickname back (this class's hazard). A leave jumps further still ({@link
   * RoomEdits#LEAVE_VERSION_STEP}).
   */
  static final long NICKNAME_VERSION_STEP = 2;

  /**
   * The version of the nickname edit {@code me} would sign on top of {@code state}: {@link
   * #NICKNAME_VERSION_STEP} past the member's info, and past the profile's own edits in flight.
   */
  static long editVersion(RoomState state, RoomData data, byte[] me) {
    return Math.max(Names.of(state).version(me), data.nicknameVersion()) + NICKNAME_VERSION_STEP;
  }

  /** What a tab does about the room's nickname request on a state of the room. */
  enum Step {
    NOTHING,
    LANDED,
    PUBLISH
  }

  /**
   * The rule. {@code askedAt}: 0 when there is no request; {@code carried}: whether the member's
   * newest info carries the profile's nickname, null when the tab cannot tell (a private room's
   * nickname it cannot open); {@code own}: this tab was asked.
   */
  static Step step(long askedAt, Boolean carried, boolean own, long now) {
    if (askedAt == 0 || carried == null) {
      return Step.NOTHING;
    }
    if (carried) {
      return Step.LANDED;
    }
    return own || now - askedAt >= LINGER_MS ? Step.PUBLISH : Step.NOTHING;
  }

  private final ActionLink link;
  private final TabSession session;
  private final Clock clock;
  private final SecretWrap wrap;
  private final Set<RoomKey> busy = new HashSet<RoomKey>();
  private final Set<RoomKey> own = new HashSet<RoomKey>();

  /** Rooms with another tab's request still young, and the newest state seen of each. */
  private final Map<RoomKey, RoomState> young = new HashMap<RoomKey, RoomState>();

  /** The host's timer; null: none (a young request then waits for the room's next state). */
  RoomActions.Wake wake;

  NicknameRequests(ActionLink link, TabSession session, Clock clock, SecretWrap wrap) {
    this.link = link;
    this.session = session;
    this.clock = clock;
    this.wrap = wrap;
  }

  /** The user's edit: null when it went out, else why not (the node's refusal through fail). */
  String set(RoomKey key, RoomState state, String nickname, ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    String problem = RoomEdits.usable(data, state);
    if (problem == null) {
      problem = RoomTexts.checkNickname(nickname, state.config().maxNicknameBytes());
    }
    if (problem != null) {
      return problem;
    }
    ask(key, nickname);
    if (busy.add(key)) { // else the publication in flight publishes this one when it ends
      publish(key, state, ATTEMPTS, fail);
    }
    return null;
  }

  private void ask(RoomKey key, String nickname) {
    session.askNickname(key, nickname, Math.max(1, clock.nowMillis()));
    own.add(key);
  }

  /** Every state of a room the tab holds. */
  void onState(final RoomKey key, final RoomState state) {
    final RoomData data = session.rooms().map().get(key);
    // nothing asked: nothing to do (every state of every room comes here; this is the cheap test)
    if (data == null
        || data.nicknameAskedAt() == 0
        || RoomEdits.usable(data, state) != null
        || !busy.add(key)) {
      return;
    }
    final String nickname = data.nickname();
    carries(
        data,
        SecretKeys.infoOf(state, data.verifyingKey().toArray()),
        nickname,
        carried -> {
          Step s = step(data.nicknameAskedAt(), carried, own.contains(key), clock.nowMillis());
          lingering(key, state, s == Step.NOTHING && Boolean.FALSE.equals(carried), data);
          if (s == Step.PUBLISH) {
            publish(key, state, ATTEMPTS, null);
            return;
          }
          if (s == Step.LANDED) {
            landed(key, nickname);
          }
          busy.remove(key);
        });
  }

  /**
   * Keeps (or forgets) another tab's young request: the room may stay quiet after it lingers, and
   * its asking tab may be closed, so the host is asked to wake this tab then.
   */
  private void lingering(RoomKey key, RoomState state, boolean isYoung, RoomData data) {
    if (!isYoung) {
      young.remove(key);
    } else if (young.put(key, state) == null && wake != null) {
      wake.wakeAt(data.nicknameAskedAt() + LINGER_MS);
    }
  }

  /**
   * The host's wakeup: every room with another tab's young request is looked at again (one that
   * lingers now is published; one still young, a newer request say, asks for a wakeup again).
   */
  void onWakeup() {
    Map<RoomKey, RoomState> all = new HashMap<RoomKey, RoomState>(young);
    young.clear();
    for (Map.Entry<RoomKey, RoomState> e : all.entrySet()) {
      onState(e.getKey(), e.getValue());
    }
  }

  /** Whether the member's newest info carries {@code nickname}; null when it cannot be read. */
  private void carries(
      RoomData data, MemberInfo info, String nickname, final ActionLink.Then<Boolean> then) {
    final byte[] want = Utf8.encode(nickname);
    SealedBytes held = info == null ? null : info.nickname();
    if (held == null || !held.isPrivate()) {
      then.accept(held != null && Arrays.equals(held.data(), want));
      return;
    }
    byte[] secret = RoomSecrets.find(data.invitationSecrets(), held.secretVersion());
    if (secret == null) {
      then.accept(Boolean.FALSE); // sealed with a version this profile lacks: not its request
      return;
    }
    if (wrap == null) {
      then.accept(null); // this host cannot open it
      return;
    }
    wrap.open(
        secret, held, plain -> then.accept(Arrays.equals(plain, want)), why -> then.accept(null));
  }

  private void landed(RoomKey key, String nickname) {
    own.remove(key);
    if (session.rooms().holds(key)) {
      session.nicknameLanded(key, nickname);
    }
  }

  /**
   * Signs the member's next info with the nickname the profile asks for on top of the one {@code
   * state} holds, and sends it. Another tab may publish an info of the same version first (a key, a
   * deputy naming): the room then refuses this one as not newer, and it is signed again on top of
   * the room as it is now (its key and deputies carried on), at most {@code attempts} times in all.
   * Each attempt reads the request again: a newer one (another tab's) replaces it, one seen landed
   * ends it.
   */
  private void publish(
      final RoomKey key, RoomState state, final int attempts, final ActionLink.Fail fail) {
    final RoomData data = session.rooms().map().get(key);
    if (data == null || data.nicknameAskedAt() == 0) {
      ended(key, fail, null, null); // left meanwhile, or another tab saw it land
      return;
    }
    final String nickname = data.nickname();
    final byte[] room = key.bytes().toArray();
    final byte[] me = data.verifyingKey().toArray();
    final long version = editVersion(state, data, me);
    final byte[] key65 = SecretKeys.publishedKey(state, me);
    final MemberInfo held = SecretKeys.infoOf(state, me);
    // not refused by the room (no answer, no signature): the request stays, published again on a
    // later state of the room (at once in this tab, after the linger in the others)
    final ActionLink.Fail keep = why -> ended(key, fail, RoomTexts.NICKNAME_KEPT, null);
    link.sealForRoom(
        data,
        state,
        Utf8.encode(nickname),
        text -> {
          // the published key and the deputies stay: a nickname edit must not cut the member off
          // from DMs and secret versions, nor take a deputy's naming back
          final MemberInfo unsigned =
              held != null
                  ? held.successor(version, text, false, key65)
                  : new MemberInfo(room, me, version, text, false, key65, new byte[0]);
          link.signAndUpdate(
              room,
              SigningPurpose.MEMBER_INFO,
              unsigned.signedBytes(),
              sig -> RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build(),
              delta -> published(key, nickname, fail),
              keep,
              (code, message) -> {
                if (!ErrorCodes.INVALID.equals(code) || attempts <= 1) {
                  boolean forGood = OutboxQueue.permanent(code);
                  ended(
                      key,
                      fail,
                      forGood ? PlainErrors.reason(code) : RoomTexts.NICKNAME_KEPT,
                      forGood ? nickname : null);
                  return;
                }
                link.readRoom(
                    room,
                    now -> {
                      if (Names.of(now).version(me) >= version) {
                        publish(key, now, attempts - 1, fail);
                      } else {
                        ended(key, fail, PlainErrors.reason(code), nickname);
                      }
                    },
                    keep);
              });
        },
        keep);
  }

  /**
   * The room took {@code nickname}. If the profile asks for another one meanwhile, that one goes
   * out next from this tab; and if that one had landed already, this publication has just replaced
   * it, so it is asked again.
   */
  private void published(final RoomKey key, String nickname, final ActionLink.Fail fail) {
    final RoomData data = session.rooms().map().get(key);
    if (data == null || data.nickname().equals(nickname)) {
      landed(key, nickname);
      busy.remove(key);
      return;
    }
    if (data.nicknameAskedAt() == 0) {
      ask(key, data.nickname());
    }
    own.add(key);
    link.readRoom(
        key.bytes().toArray(),
        now -> publish(key, now, ATTEMPTS, fail),
        why -> ended(key, fail, RoomTexts.NICKNAME_KEPT, null));
  }

  /**
   * The publication stopped: the user is told (if this tab was asked and {@code why} is not null).
   * {@code refused}: the nickname the room refused for good, whose request is dropped (unless a
   * newer one replaced it); null when the request stays for a later state of the room (the one
   * after a reconnect, say): in this tab at once, in the others after the linger.
   */
  private void ended(RoomKey key, ActionLink.Fail fail, String why, String refused) {
    busy.remove(key);
    if (refused != null) {
      own.remove(key);
      if (session.rooms().holds(key)) {
        session.nicknameLanded(key, refused); // nothing left to publish for it
      }
    }
    if (fail != null && why != null) {
      fail.fail(why);
    }
  }
}
