package river.actions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.cbor.Utf8;
import river.chat.RoomSecrets;
import river.chat.SecretKeys;
import river.engine.Clock;
import river.engine.TabSession;
import river.room.DirectMessage;
import river.room.DmDelete;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SigningPurpose;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * Direct messages of one tab (docs/private-rooms.md, "Direct messages"): send, read, delete. A DM
 * is sealed twice through the host's {@link SecretWrap} (the key agreement private rooms already
 * use, one one-off key per copy): to the recipient's published encryption key and to the sender's
 * own, so every tab and browser of the sender reads what was sent. The sealed, unsigned DM then
 * goes into the durable outbox ({@link OutboxQueue#add(DirectMessage)}), which stores it, has the
 * node sign it and sends it, also after a reconnect. Reading opens the copy for this member with
 * the private half kept in the room data. Deleting signs a tombstone (either party) and sends it.
 */
final class DirectMessageActions {
  private final ActionLink link;
  private final TabSession session;
  private final SecretWrap wrap;
  private final Clock clock;

  DirectMessageActions(ActionLink link, TabSession session, SecretWrap wrap, Clock clock) {
    this.link = link;
    this.session = session;
    this.wrap = wrap;
    this.clock = clock;
  }

  /**
   * Seals {@code text} to {@code peer} and to this member, then queues it; null when it is on its
   * way, else why not, in words for the user ({@code peerName} is how they see the peer).
   */
  String send(
      RoomKey key,
      RoomState state,
      byte[] peer,
      String peerName,
      String text,
      final OutboxQueue outbox,
      final ActionLink.Fail fail) {
    final RoomData data = session.rooms().map().get(key);
    String problem = RoomEdits.usable(data, state);
    if (problem != null) {
      return problem;
    }
    if (wrap == null) {
      return DmTexts.NO_CRYPTO;
    }
    final byte[] me = data.verifyingKey().toArray();
    problem = DmTexts.checkPeer(state, me, peer, peerName);
    if (problem == null) {
      problem = DmTexts.checkText(text, state.config().maxMessageBytes());
    }
    if (problem != null) {
      return problem;
    }
    final byte[] mine = ownKey(state, data, me);
    if (mine == null) {
      return DmTexts.OWN_KEY_NOT_READY;
    }
    final byte[] room = key.bytes().toArray();
    final byte[] plain = Utf8.encode(text);
    final long time = clock.nowMillis();
    final byte[] peerKey = SecretKeys.infoOf(state, peer).encryptionKey();
    seal(
        plain,
        peerKey,
        DirectMessage.copyInfo(room, me, peer, DirectMessage.TO_RECIPIENT),
        new ActionLink.Then<DirectMessage.Copy>() {
          @Override
          public void accept(final DirectMessage.Copy toPeer) {
            seal(
                plain,
                mine,
                DirectMessage.copyInfo(room, me, peer, DirectMessage.TO_SENDER),
                new ActionLink.Then<DirectMessage.Copy>() {
                  @Override
                  public void accept(DirectMessage.Copy toMe) {
                    outbox.add(new DirectMessage(room, me, peer, time, toPeer, toMe, new byte[0]));
                  }
                },
                fail);
          }
        },
        fail);
    return null;
  }

  /** The text of {@code m} for this member, or {@code fail} when they cannot open it. */
  void read(
      RoomKey key,
      RoomState state,
      DirectMessage m,
      final ActionLink.Then<String> then,
      final ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    byte[] me = data == null ? null : data.verifyingKey().toArray();
    DirectMessage.Copy copy = me == null ? null : m.copyFor(me);
    List<byte[]> keys =
        copy == null
            ? new ArrayList<byte[]>()
            : SecretKeys.keysToOpen(state, me, data.invitationSecrets());
    if (keys.isEmpty() || wrap == null) {
      fail.fail(DmTexts.CANNOT_OPEN);
      return;
    }
    new KeyTrial(
            wrap,
            keys,
            copy.ephemeral(),
            m.infoFor(me),
            copy.nonce(),
            copy.ciphertext(),
            new SecretWrap.BytesThen() {
              @Override
              public void accept(byte[] plain) {
                String text;
                try {
                  text = Utf8.decode(plain, 0, plain.length);
                } catch (RuntimeException notText) {
                  fail.fail(DmTexts.CANNOT_OPEN);
                  return;
                }
                then.accept(text);
              }
            },
            new ActionLink.Fail() {
              @Override
              public void fail(String message) {
                fail.fail(DmTexts.CANNOT_OPEN);
              }
            })
        .run();
  }

  /** Deletes {@code m} for both parties; null when on its way, else why not. */
  String delete(RoomKey key, RoomState state, DirectMessage m, ActionLink.Fail fail) {
    RoomData data = session.rooms().map().get(key);
    String problem = RoomEdits.usable(data, state);
    if (problem != null) {
      return problem;
    }
    byte[] me = data.verifyingKey().toArray();
    if (m.copyFor(me) == null) {
      return DmTexts.NOT_YOURS;
    }
    final DmDelete unsigned = DmDelete.of(m, me, Math.max(clock.nowMillis(), m.time()));
    link.signAndUpdate(
        key.bytes().toArray(),
        SigningPurpose.DM_DELETE,
        unsigned.signedBytes(),
        sig -> RoomDelta.builder().dmDelete(unsigned.withSignature(sig)).build(),
        null,
        fail);
    return null;
  }

  /** This member's published key when they keep its private half (else DMs to them wait). */
  private static byte[] ownKey(RoomState state, RoomData data, byte[] me) {
    MemberInfo info = SecretKeys.infoOf(state, me);
    if (info == null || info.encryptionKey() == null) {
      return null;
    }
    return RoomSecrets.privateKeyFor(data.invitationSecrets(), info.encryptionKey()) == null
        ? null
        : info.encryptionKey();
  }

  private void seal(
      byte[] plain,
      byte[] to,
      byte[] info,
      final ActionLink.Then<DirectMessage.Copy> then,
      final ActionLink.Fail fail) {
    List<byte[]> keys = Arrays.asList(to);
    wrap.wrap(
        plain,
        keys,
        Arrays.asList(info),
        new SecretWrap.WrapsThen() {
          @Override
          public void accept(byte[] ephemeral, List<byte[]> sealed) {
            byte[] w = sealed.get(0);
            byte[] nonce = new byte[12];
            byte[] ciphertext = new byte[w.length - 12];
            System.arraycopy(w, 0, nonce, 0, 12);
            System.arraycopy(w, 12, ciphertext, 0, ciphertext.length);
            then.accept(new DirectMessage.Copy(ephemeral, nonce, ciphertext));
          }
        },
        fail);
  }
}
