package river.actions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.chat.RoomSecrets;
import river.chat.SecretKeys;
import river.engine.TabSession;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SecretRotation;
import river.room.SigningPurpose;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.store.Base58;

/**
 * Secret versions of private rooms (docs/private-rooms.md). The owner rotates: a fresh secret, the
 * older versions sealed under it, a wrap for every current member with a published key, signed and
 * sent; the owner's tab stores the new version only once the node accepted it (two owner tabs
 * rotating at once: one is refused, and no tab keeps a secret the room never saw). Every tab, on
 * every state of a room ({@link #onState}): publishes the member's encryption key when the room has
 * none they can open (a public room only while the user has it open: there the key only receives
 * direct messages, see {@link SecretKeys#needsKey}); in a private room, unwraps a newer version
 * wrapped for them, and, in the owner's tab, rotates when the newest version missed a current
 * member with a key (a member who joined or published a key after the last rotation) or reached
 * someone banned since ({@link #needsRotation}). Work in flight is remembered per room and version,
 * so a burst of states starts each step once.
 */
final class SecretRotations {
  /** Older versions a rotation carries (about 56 bytes each sealed: under its size limit). */
  static final int MAX_EARLIER = 48;

  private final ActionLink link;
  private final TabSession session;
  private final SecretWrap wrap;
  private final Set<String> busy = new HashSet<String>();

  SecretRotations(ActionLink link, TabSession session, SecretWrap wrap) {
    this.link = link;
    this.session = session;
    this.wrap = wrap;
  }

  /** The owner's new version, now; null when it went out, else why not. */
  String rotate(final RoomKey key, RoomState state, final ActionLink.Fail given) {
    final RoomData data = session.rooms().map().get(key);
    String problem = RoomEdits.usable(data, state);
    if (problem == null && !RoomEdits.isOwner(key, data)) {
      problem = "Only the room's owner can change its key.";
    }
    if (problem == null && !state.config().isPrivate()) {
      problem = "Only a private room has a key to change.";
    }
    if (problem == null && (wrap == null || link.cipher().newSecret() == null)) {
      problem = "This page cannot change the room's key.";
    }
    if (problem != null) {
      return problem;
    }
    final byte[] room = key.bytes().toArray();
    final long version = state.secretVersion() + 1;
    final String job = Base58.encode(room) + "/rotate/" + version;
    if (!busy.add(job)) {
      return null; // already on its way
    }
    final ActionLink.Fail fail =
        new ActionLink.Fail() {
          @Override
          public void fail(String message) {
            busy.remove(job);
            // the node's reason names versions and wraps: the user needs only the outcome
            given.fail("The room's key could not be changed just now; try again in a moment.");
          }
        };
    final byte[] secret = link.cipher().newSecret();
    final List<MemberInfo> to = SecretKeys.recipients(state);
    link.seal(
        true,
        secret,
        version,
        RoomSecrets.encodeList(earlier(data, version)),
        new ActionLink.Then<SealedBytes>() {
          @Override
          public void accept(final SealedBytes earlier) {
            List<byte[]> keys = new ArrayList<byte[]>();
            List<byte[]> infos = new ArrayList<byte[]>();
            for (MemberInfo i : to) {
              keys.add(i.encryptionKey());
              infos.add(SecretRotation.wrapInfo(room, version, i.member()));
            }
            wrap.wrap(
                secret,
                keys,
                infos,
                new SecretWrap.WrapsThen() {
                  @Override
                  public void accept(byte[] ephemeral, List<byte[]> sealed) {
                    List<SecretRotation.Wrap> wraps = new ArrayList<SecretRotation.Wrap>();
                    for (int n = 0; n < to.size(); n++) {
                      byte[] w = sealed.get(n);
                      wraps.add(
                          new SecretRotation.Wrap(
                              to.get(n).member(),
                              slice(w, 0, 12),
                              slice(w, 12, 12 + SecretRotation.WRAPPED_BYTES)));
                    }
                    sign(
                        key,
                        new SecretRotation(room, version, ephemeral, wraps, earlier, new byte[0]),
                        secret,
                        fail);
                  }
                },
                fail);
          }
        },
        fail);
    return null;
  }

  private void sign(
      final RoomKey key,
      final SecretRotation unsigned,
      final byte[] secret,
      final ActionLink.Fail fail) {
    final byte[] room = key.bytes().toArray();
    link.signAndUpdate(
        room,
        SigningPurpose.SECRET_ROTATION,
        unsigned.signedBytes(),
        sig -> RoomDelta.builder().rotation(unsigned.withSignature(sig)).build(),
        delta -> store(key, Arrays.asList(RoomSecrets.encode(unsigned.version(), secret))),
        fail);
  }

  /**
   * What a tab does on every state of a room it holds: publish a key, pick up a version, or (the
   * owner) rotate for members the newest version missed. Quiet: failures are retried on the next
   * state.
   */
  void onState(RoomKey key, RoomState state, boolean shown) {
    RoomData data = session.rooms().map().get(key);
    if (wrap == null || data == null || state == null || state.config() == null) {
      return;
    }
    byte[] me = data.verifyingKey().toArray();
    if (!state.isMember(me)) {
      return;
    }
    if (SecretKeys.needsKey(state, me, data.invitationSecrets(), shown)) {
      publishKey(key, state, me, RoomSecrets.keptPublicKey(data.invitationSecrets()));
    }
    if (!state.config().isPrivate()) {
      return;
    }
    SecretRotation r = SecretKeys.toPickUp(state, me, data.invitationSecrets());
    if (r != null) {
      pickUp(key, data, state, me, r);
    }
    if (RoomEdits.isOwner(key, data)
        && RoomSecrets.find(data.invitationSecrets(), state.secretVersion()) != null
        && needsRotation(state)) {
      rotate(key, state, QUIET);
    }
  }

  /**
   * The owner rotates on its own when the newest version missed a current member with a key, or
   * reached someone no longer a member (a ban whose own rotation lost a race), or when there was a
   * ban and no rotation yet.
   */
  static boolean needsRotation(RoomState state) {
    SecretRotation newest = state.rotations().isEmpty() ? null : state.rotations().get(0);
    if (newest == null) {
      return !state.bans().isEmpty() || !SecretKeys.recipients(state).isEmpty();
    }
    for (MemberInfo i : SecretKeys.recipients(state)) {
      if (newest.wrapFor(i.member()) == null) {
        return true;
      }
    }
    for (SecretRotation.Wrap w : newest.wraps()) {
      if (!state.isMember(w.member())) {
        return true;
      }
    }
    return false;
  }

  /** Publishes {@code kept} (a key this profile keeps), else a new pair, stored first. */
  private void publishKey(final RoomKey key, RoomState state, byte[] me, byte[] kept) {
    final byte[] room = key.bytes().toArray();
    final MemberInfo info = SecretKeys.infoOf(state, me);
    final String job = Base58.encode(room) + "/key";
    if (info == null || !busy.add(job)) {
      return;
    }
    final ActionLink.Fail retry =
        new ActionLink.Fail() {
          @Override
          public void fail(String message) {
            busy.remove(job);
          }
        };
    // Once it landed the job is free again: a state that shows no key of ours later (an edit
    // signed from an older state won, or a rejoin) publishes the kept key again.
    final ActionLink.Then<RoomDelta> landed = delta -> busy.remove(job);
    if (kept != null) {
      link.updateMemberInfo(room, info.withEncryptionKey(kept), landed, retry);
      return;
    }
    wrap.newKeyPair(
        new SecretWrap.KeyPairThen() {
          @Override
          public void accept(byte[] publicKey, byte[] privateKey) {
            // stored before it is published: a wrap is never made for a key nobody keeps
            store(key, Arrays.asList(RoomSecrets.encodeKeyPair(publicKey, privateKey)));
            link.updateMemberInfo(room, info.withEncryptionKey(publicKey), landed, retry);
          }
        },
        retry);
  }

  private void pickUp(
      final RoomKey key, RoomData data, RoomState state, byte[] me, final SecretRotation r) {
    final byte[] room = key.bytes().toArray();
    // every kept key: the owner may have wrapped for a key another tab of this profile replaced
    List<byte[]> keys = SecretKeys.keysToOpen(state, me, data.invitationSecrets());
    final String job = Base58.encode(room) + "/pick/" + r.version();
    if (keys.isEmpty() || !busy.add(job)) {
      return;
    }
    final ActionLink.Fail retry =
        new ActionLink.Fail() {
          @Override
          public void fail(String message) {
            busy.remove(job);
          }
        };
    SecretRotation.Wrap w = r.wrapFor(me);
    new KeyTrial(
            wrap,
            keys,
            r.ephemeral(),
            SecretRotation.wrapInfo(room, r.version(), me),
            w.nonce(),
            w.wrapped(),
            new SecretWrap.BytesThen() {
              @Override
              public void accept(final byte[] secret) {
                final List<Bytes> entries = new ArrayList<Bytes>();
                entries.add(RoomSecrets.encode(r.version(), secret));
                if (r.earlier() == null) {
                  store(key, entries);
                  return;
                }
                wrap.open(
                    secret,
                    r.earlier(),
                    new SecretWrap.BytesThen() {
                      @Override
                      public void accept(byte[] list) {
                        entries.addAll(RoomSecrets.decodeList(list));
                        store(key, entries);
                      }
                    },
                    new ActionLink.Fail() {
                      @Override
                      public void fail(String message) {
                        store(key, entries); // the new version still reads new content
                      }
                    });
              }
            },
            retry)
        .run();
  }

  private void store(RoomKey key, List<Bytes> entries) {
    if (session.rooms().holds(key)) {
      session.addSecrets(key, entries);
    }
  }

  /** The versions below {@code version} the owner holds, newest first, at most MAX_EARLIER. */
  static List<Invitation.RoomSecret> earlier(RoomData data, long version) {
    List<Invitation.RoomSecret> all = RoomSecrets.decodeAll(data.invitationSecrets());
    List<Invitation.RoomSecret> out = new ArrayList<Invitation.RoomSecret>();
    Set<Long> seen = new HashSet<Long>();
    while (out.size() < MAX_EARLIER) {
      Invitation.RoomSecret best = null;
      for (Invitation.RoomSecret s : all) {
        if (s.version() < version
            && !seen.contains(s.version())
            && (best == null || s.version() > best.version())) {
          best = s;
        }
      }
      if (best == null) {
        break;
      }
      seen.add(best.version());
      out.add(best);
    }
    return out;
  }

  private static byte[] slice(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  static final ActionLink.Fail QUIET =
      new ActionLink.Fail() {
        @Override
        public void fail(String message) {}
      };
}
