package river.actions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import river.chat.PlainErrors;
import river.chat.RoomSecrets;
import river.room.Invitation;
import river.room.MemberInfo;
import river.room.RoomDelta;
import river.room.RoomState;
import river.room.SealedBytes;
import river.room.SigningPurpose;
import river.rooms.RoomData;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;

/**
 * The actions' request layer, sans I/O: numbers each request, queues it for the host ({@link
 * #drain()}), and routes the one answer ({@link #onResult} / {@link #onError}) to the step that
 * asked. Typed helpers for the steps: a delegate request answered by one expected response type, a
 * signature, a contract op, sealing. Ids are never reused; a late or repeated answer is ignored.
 * Hazard: a step must not assume an answer comes before the next user action: every step re-reads
 * what it needs from the session when its answer arrives.
 */
public final class ActionLink {
  public interface Then<T> {
    void accept(T value);
  }

  /**
   * Why an action stopped, in words for the user: a node's or host's error arrives translated by
   * {@link PlainErrors#reason} (its code only; the node's message is for programs).
   */
  public interface Fail {
    void fail(String message);
  }

  private interface Answer {
    void result(OpResult result);

    void error(String code, String message);
  }

  private final Map<Long, Answer> waiting = new HashMap<Long, Answer>();
  private final List<ActionRequest> queued = new ArrayList<ActionRequest>();
  private final Cipher cipher;
  private long nextId = 1;

  public ActionLink(Cipher cipher) {
    this.cipher = cipher;
  }

  /** What to send now, in order. */
  public List<ActionRequest> drain() {
    List<ActionRequest> out = new ArrayList<ActionRequest>(queued);
    queued.clear();
    return out;
  }

  /** The node answered ok; false when nothing waited for this id. */
  public boolean onResult(long id, OpResult result) {
    Answer a = waiting.remove(id);
    if (a == null) {
      return false;
    }
    a.result(result);
    return true;
  }

  /** The node refused, or the request timed out or lost its connection (host codes). */
  public boolean onError(long id, String code, String message) {
    Answer a = waiting.remove(id);
    if (a == null) {
      return false;
    }
    a.error(code, message);
    return true;
  }

  /** Requests sent and not answered yet. */
  public int inFlight() {
    return waiting.size();
  }

  void contract(Op op, Then<OpResult> then, final Fail fail) {
    contract(
        op,
        then,
        new CodedFail() {
          @Override
          public void fail(String code, String message) {
            fail.fail(PlainErrors.reason(code));
          }
        });
  }

  /** The same, with the node's error code (the outbox decides by it). */
  void contract(Op op, final Then<OpResult> then, final CodedFail fail) {
    request(
        op,
        new Answer() {
          @Override
          public void result(OpResult result) {
            then.accept(result);
          }

          @Override
          public void error(String code, String message) {
            fail.fail(code, message);
          }
        });
  }

  interface CodedFail {
    void fail(String code, String message);
  }

  <T extends DelegateResponse> void delegate(
      DelegateRequest request, Class<T> expected, Then<T> then, final Fail fail) {
    delegateCoded(
        request,
        expected,
        then,
        new CodedFail() {
          @Override
          public void fail(String code, String message) {
            fail.fail(PlainErrors.reason(code));
          }
        });
  }

  /** A delegate request answered by one expected response type; an unexpected one is invalid. */
  <T extends DelegateResponse> void delegateCoded(
      final DelegateRequest request,
      final Class<T> expected,
      final Then<T> then,
      final CodedFail fail) {
    request(
        new Op.Delegate(DelegateKeys.current(), request),
        new Answer() {
          @Override
          public void result(OpResult result) {
            DelegateResponse r =
                result instanceof OpResult.Delegate
                    ? ((OpResult.Delegate) result).response()
                    : null;
            if (r != null && r.getClass() == expected) {
              @SuppressWarnings("unchecked")
              T typed = (T) r;
              then.accept(typed);
            } else {
              fail.fail(
                  ErrorCodes.INVALID,
                  "The node gave an answer this page does not understand; try again.");
            }
          }

          @Override
          public void error(String code, String message) {
            fail.fail(code, message);
          }
        });
  }

  void sign(byte[] room, SigningPurpose purpose, byte[] bytes, final Then<byte[]> then, Fail fail) {
    delegate(
        new DelegateRequest.Sign(room, purpose.wireName(), bytes),
        DelegateResponse.Signature.class,
        new Then<DelegateResponse.Signature>() {
          @Override
          public void accept(DelegateResponse.Signature s) {
            then.accept(s.signature());
          }
        },
        fail);
  }

  /** The room update a signature completes: the signed item in a delta. */
  interface Signed {
    RoomDelta delta(byte[] signature);
  }

  /**
   * Signs {@code bytes} with the user's key for the room, then sends the delta the signature
   * completes as a contract update; {@code accepted} (may be null) gets that delta once the node
   * took it. Every signed room item goes this one way.
   */
  void signAndUpdate(
      byte[] room,
      SigningPurpose purpose,
      byte[] bytes,
      Signed signed,
      Then<RoomDelta> accepted,
      final Fail fail) {
    signAndUpdate(
        room,
        purpose,
        bytes,
        signed,
        accepted,
        fail,
        new CodedFail() {
          @Override
          public void fail(String code, String message) {
            fail.fail(PlainErrors.reason(code));
          }
        });
  }

  /**
   * Signs a member's own info and sends it as the delta of a contract update (a nickname, a leave,
   * an encryption key); {@code accepted} as in {@link #signAndUpdate}.
   */
  void updateMemberInfo(
      byte[] room, final MemberInfo unsigned, Then<RoomDelta> accepted, Fail fail) {
    signAndUpdate(
        room,
        SigningPurpose.MEMBER_INFO,
        unsigned.signedBytes(),
        sig -> RoomDelta.builder().memberInfo(unsigned.withSignature(sig)).build(),
        accepted,
        fail);
  }

  /** The same, with the node's refusal by its error code ({@code signFail} if signing failed). */
  void signAndUpdate(
      final byte[] room,
      SigningPurpose purpose,
      byte[] bytes,
      final Signed signed,
      final Then<RoomDelta> accepted,
      Fail signFail,
      final CodedFail refused) {
    sign(
        room,
        purpose,
        bytes,
        new Then<byte[]>() {
          @Override
          public void accept(byte[] signature) {
            final RoomDelta delta = signed.delta(signature);
            contract(
                new Op.Update(room, delta.encode()),
                new Then<OpResult>() {
                  @Override
                  public void accept(OpResult ok) {
                    if (accepted != null) {
                      accepted.accept(delta);
                    }
                  }
                },
                refused);
          }
        },
        signFail);
  }

  /**
   * New content for this room as it requires: plain in a public room; in a private one sealed with
   * the newest version the user holds that the room knows, so a name, description or nickname
   * written after a rotation is closed to the member the rotation left out.
   */
  void sealForRoom(
      RoomData data, RoomState state, byte[] plain, final Then<SealedBytes> then, Fail fail) {
    boolean isPrivate = state.config().isPrivate();
    Invitation.RoomSecret newest =
        isPrivate ? RoomSecrets.forSealing(data.invitationSecrets(), state.secretVersion()) : null;
    seal(
        isPrivate,
        newest == null ? null : newest.secret(),
        newest == null ? state.config().secretVersion() : newest.version(),
        plain,
        then,
        fail);
  }

  /** Plain bytes in a public room; sealed by the host's cipher in a private one. */
  void seal(
      boolean isPrivate,
      byte[] secret,
      long version,
      byte[] plain,
      final Then<SealedBytes> then,
      Fail fail) {
    if (!isPrivate) {
      then.accept(SealedBytes.publicBytes(plain));
      return;
    }
    if (secret == null) {
      fail.fail("This page does not hold the key of this private room.");
      return;
    }
    cipher.seal(
        secret,
        version,
        plain,
        new Cipher.Sealed() {
          @Override
          public void accept(SealedBytes sealed) {
            then.accept(sealed);
          }
        },
        fail);
  }

  /** Reads the room as the node holds it now; an answer that is not a readable state fails. */
  void readRoom(final byte[] room, final Then<RoomState> then, final Fail fail) {
    contract(
        new Op.Get(room, false),
        new Then<OpResult>() {
          @Override
          public void accept(OpResult got) {
            final RoomState state = stateIn(room, got, fail);
            if (state == null) {
              return;
            }
            then.accept(state);
          }
        },
        fail);
  }

  /**
   * The room's state a Get answered with, or null after telling {@code fail}. Another kind of
   * answer is refused by a check, not by a cast: the browser build does not check casts
   * (docs/adding-a-feature.md, "Casts and JRE checks in the browser build").
   */
  static RoomState stateIn(byte[] room, OpResult got, Fail fail) {
    try {
      if (got instanceof OpResult.GetResult) {
        return RoomState.decodeTrusted(room, ((OpResult.GetResult) got).state());
      }
    } catch (RuntimeException unreadable) {
      // refused below, as any answer that is not a readable state
    }
    fail.fail("The room's state could not be read; try again later.");
    return null;
  }

  Cipher cipher() {
    return cipher;
  }

  private void request(Op op, Answer answer) {
    long id = nextId++;
    waiting.put(id, answer);
    queued.add(new ActionRequest(id, op));
  }
}
