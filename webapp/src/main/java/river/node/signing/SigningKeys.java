package river.node.signing;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import river.node.crypto.Sha256;
import river.node.store.DelegateStore;
import river.node.store.Mutation;
import river.room.RoomValidationException;
import river.room.SigningPurpose;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.WireException;

/**
 * Room signing keys held by the node for each user (the browser has no Ed25519): create, import,
 * read the public half, and sign canonical room items ({@link SigningPurpose} checks the bytes).
 *
 * <p>Storage: the {@link DelegateStore} row (user {@code "#signing/" + userId}, delegate id
 * SHA-256("river.node.signing/1"), key = the 32-byte room owner key), value = seed (32) || public
 * key (32). Real user ids are {@code "u" + hex}, and the delegate host always uses the connection's
 * own user id, so no plain Get/List of any user can reach these rows, and one user's requests only
 * ever name rows under their own id (hazard: a shared namespace keyed by room alone would let
 * anyone sign with anyone's key).
 *
 * <p>Refusals are {@link WireException}s with code {@code invalid}: unknown room key, wrong purpose
 * or bytes, creating over an existing key.
 */
public final class SigningKeys {
  static final String USER_PREFIX = "#signing/";
  static final byte[] NAMESPACE = Sha256.of("river.node.signing/1");
  private static final int KEY = 32;

  private final DelegateStore store;
  private final Ed25519Jdk ed = Ed25519Jdk.INSTANCE;

  public SigningKeys(DelegateStore store) {
    this.store = store;
  }

  /** True for the delegate requests this class serves. */
  public boolean handles(DelegateRequest r) {
    return r instanceof DelegateRequest.CreateSigningKey
        || r instanceof DelegateRequest.NewInviteeKey
        || r instanceof DelegateRequest.StoreSigningKey
        || r instanceof DelegateRequest.GetPublicKey
        || r instanceof DelegateRequest.ExportSigningKey
        || r instanceof DelegateRequest.Sign;
  }

  public CompletionStage<DelegateResponse> handle(String userId, DelegateRequest req) {
    try {
      return serve(USER_PREFIX + userId, req);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<DelegateResponse> serve(String user, DelegateRequest req) {
    if (req instanceof DelegateRequest.CreateSigningKey r) {
      byte[] seed = Ed25519Jdk.newSeed();
      byte[] pub = ed.publicKey(seed);
      byte[] room = r.room() == null ? pub : roomKey(r.room());
      return store
          .update(
              user,
              NAMESPACE,
              room,
              old -> old == null ? Mutation.put(row(seed, pub), true) : Mutation.none(false))
          .thenApply(
              stored -> {
                if (!stored) {
                  throw invalid("a signing key for this room exists already");
                }
                return new DelegateResponse.SigningKey(room, pub);
              });
    }
    if (req instanceof DelegateRequest.NewInviteeKey r) {
      byte[] seed = Ed25519Jdk.newSeed();
      return CompletableFuture.completedFuture(
          new DelegateResponse.InviteeKey(roomKey(r.room()), ed.publicKey(seed), seed));
    }
    if (req instanceof DelegateRequest.StoreSigningKey r) {
      byte[] room = roomKey(r.room());
      byte[] seed = r.privateKey();
      if (seed.length != KEY) {
        throw invalid("a private key is a 32-byte Ed25519 seed");
      }
      byte[] pub = ed.publicKey(seed);
      byte[] expected = r.expectedPublicKey();
      if (expected != null && !Arrays.equals(expected, pub)) {
        // A forged invitation: its key is not the invited member's. Nothing is replaced.
        throw invalid("this private key is not the key of the invited member");
      }
      byte[] ifHeld = r.ifHeld();
      if (ifHeld == null) {
        // An explicit import replaces the identity the user held in this room.
        return store
            .update(user, NAMESPACE, room, old -> Mutation.put(row(seed, pub), true))
            .thenApply(x -> new DelegateResponse.SigningKey(room, pub));
      }
      // Only while the node holds what the tab saw: two tabs importing at once end with one key,
      // and the answer names it (the loser adopts it).
      return store
          .update(
              user,
              NAMESPACE,
              room,
              old -> {
                byte[] held = old == null ? new byte[0] : Arrays.copyOfRange(old, KEY, 2 * KEY);
                return Arrays.equals(held, ifHeld)
                    ? Mutation.put(row(seed, pub), pub)
                    : Mutation.none(held);
              })
          .thenApply(held -> new DelegateResponse.SigningKey(room, held));
    }
    if (req instanceof DelegateRequest.GetPublicKey r) {
      byte[] room = roomKey(r.room());
      return store
          .read(user, NAMESPACE, room)
          .thenApply(
              row ->
                  new DelegateResponse.PublicKey(
                      room, row == null ? null : Arrays.copyOfRange(row, KEY, 2 * KEY)));
    }
    if (req instanceof DelegateRequest.ExportSigningKey r) {
      // The user's own key, to their own token: an identity export carries it to another profile.
      byte[] room = roomKey(r.room());
      return store
          .read(user, NAMESPACE, room)
          .thenApply(
              row -> {
                if (row == null) {
                  throw invalid("no signing key for this room");
                }
                return new DelegateResponse.ExportedKey(
                    room, Arrays.copyOfRange(row, KEY, 2 * KEY), Arrays.copyOfRange(row, 0, KEY));
              });
    }
    if (req instanceof DelegateRequest.Sign r) {
      byte[] room = roomKey(r.room());
      SigningPurpose purpose = purpose(r.purpose());
      byte[] bytes = r.bytes();
      return store
          .read(user, NAMESPACE, room)
          .thenApply(
              row -> {
                if (row == null) {
                  throw invalid("no signing key for this room");
                }
                byte[] seed = Arrays.copyOfRange(row, 0, KEY);
                byte[] pub = Arrays.copyOfRange(row, KEY, 2 * KEY);
                try {
                  purpose.check(room, pub, bytes);
                } catch (RoomValidationException e) {
                  throw invalid(e.getMessage());
                }
                return new DelegateResponse.Signature(
                    room, purpose.wireName(), ed.sign(seed, bytes));
              });
    }
    throw new WireException(ErrorCodes.UNKNOWN_OP, "not a signing request");
  }

  private static SigningPurpose purpose(String name) {
    try {
      return SigningPurpose.fromWire(name);
    } catch (RoomValidationException e) {
      throw invalid("purpose must be message, member, member_info, config or ban");
    }
  }

  private static byte[] roomKey(byte[] room) {
    if (room.length != KEY) {
      throw invalid("a room key is 32 bytes");
    }
    return room;
  }

  private static byte[] row(byte[] seed, byte[] pub) {
    byte[] row = Arrays.copyOf(seed, 2 * KEY);
    System.arraycopy(pub, 0, row, KEY, KEY);
    return row;
  }

  private static CompletionException invalid(String reason) {
    return new CompletionException(new WireException(ErrorCodes.INVALID, reason));
  }
}
