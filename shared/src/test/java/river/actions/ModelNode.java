package river.actions;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import river.room.RoomContract;
import river.room.RoomState;
import river.room.RoomValidationException;
import river.room.SignatureVerifier;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.WireException;

/**
 * A model of the node for the actions engine: each user's node-held signing keys per room (create,
 * invitee keys, import with the expected key, sign) and the room contracts judged by the real
 * {@link RoomContract}. Signatures are fast stand-ins (public key = SHA-256(seed), signature =
 * SHA-512(seed || bytes)), checked against the seeds this model minted; the rules are the same code
 * the node runs.
 */
final class ModelNode implements NodeAnswers {
  final Map<String, Map<String, byte[]>> keys = new HashMap<>();
  final Map<String, RoomState> rooms = new HashMap<>();
  final Map<String, byte[]> seeds = new HashMap<>();
  final Random random;
  long now = 1_800_000_000_000L;

  ModelNode(long seed) {
    random = new Random(seed);
  }

  final SignatureVerifier verifier =
      (pk, msg, sig) -> {
        byte[] seed = seeds.get(hex(pk));
        return seed != null && Arrays.equals(sha("SHA-512", concat(seed, msg)), sig);
      };

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  byte[] newSeed() {
    byte[] s = new byte[32];
    random.nextBytes(s);
    seeds.put(hex(publicKey(s)), s);
    return s;
  }

  static byte[] publicKey(byte[] seed) {
    return sha("SHA-256", seed);
  }

  static byte[] sign(byte[] seed, byte[] msg) {
    return sha("SHA-512", concat(seed, msg));
  }

  @Override
  public RoomState room(byte[] key) {
    return rooms.get(hex(key));
  }

  @Override
  public byte[] heldKey(String user, byte[] room) {
    byte[] seed = keys.getOrDefault(user, Map.of()).get(hex(room));
    return seed == null ? null : publicKey(seed);
  }

  int profiles;

  /** A hostile or broken node: answers every contract Get with another kind of answer. */
  boolean answersGetsWrongly;

  @Override
  public String newProfile() {
    return "profile-" + (++profiles);
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public void advance(long millis) {
    now += millis;
  }

  /** Answers one request of {@code user}, or throws WireException as the node would refuse. */
  @Override
  public OpResult answer(String user, Op op) {
    if (op instanceof Op.Delegate) {
      return new OpResult.Delegate(delegate(user, ((Op.Delegate) op).msg()));
    }
    try {
      if (op instanceof Op.Get && answersGetsWrongly) {
        return new OpResult.UpdateResult(((Op.Get) op).key());
      }
      if (op instanceof Op.Get) {
        RoomState s = rooms.get(hex(((Op.Get) op).key()));
        if (s == null) {
          throw new WireException(ErrorCodes.INVALID, "no such room");
        }
        return new OpResult.GetResult(((Op.Get) op).key(), s.encode());
      }
      if (op instanceof Op.Put) {
        byte[] k = ((Op.Put) op).key();
        RoomState before = rooms.containsKey(hex(k)) ? rooms.get(hex(k)) : RoomState.empty(k);
        rooms.put(hex(k), RoomContract.put(before, ((Op.Put) op).state(), verifier, now));
        return new OpResult.PutResult(k);
      }
      if (op instanceof Op.Update) {
        byte[] k = ((Op.Update) op).key();
        RoomState before = rooms.containsKey(hex(k)) ? rooms.get(hex(k)) : RoomState.empty(k);
        rooms.put(hex(k), RoomContract.update(before, ((Op.Update) op).delta(), verifier, now));
        return new OpResult.UpdateResult(k);
      }
    } catch (RoomValidationException e) {
      throw new WireException(ErrorCodes.INVALID, e.getMessage());
    }
    throw new WireException(ErrorCodes.UNKNOWN_OP, "not modelled: " + op);
  }

  private DelegateResponse delegate(String user, DelegateRequest req) {
    Map<String, byte[]> mine = keys.computeIfAbsent(user, u -> new HashMap<>());
    if (req instanceof DelegateRequest.CreateSigningKey) {
      byte[] seed = newSeed();
      byte[] pub = publicKey(seed);
      mine.put(hex(pub), seed);
      return new DelegateResponse.SigningKey(pub, pub);
    }
    if (req instanceof DelegateRequest.NewInviteeKey) {
      byte[] seed = newSeed();
      return new DelegateResponse.InviteeKey(
          ((DelegateRequest.NewInviteeKey) req).room(), publicKey(seed), seed);
    }
    if (req instanceof DelegateRequest.StoreSigningKey) {
      DelegateRequest.StoreSigningKey r = (DelegateRequest.StoreSigningKey) req;
      byte[] pub = publicKey(r.privateKey());
      if (r.expectedPublicKey() != null && !Arrays.equals(pub, r.expectedPublicKey())) {
        throw new WireException(
            ErrorCodes.INVALID, "this private key is not the key of the invited member");
      }
      byte[] old = mine.get(hex(r.room()));
      byte[] held = old == null ? new byte[0] : publicKey(old);
      if (r.ifHeld() != null && !Arrays.equals(held, r.ifHeld())) {
        return new DelegateResponse.SigningKey(r.room(), held);
      }
      mine.put(hex(r.room()), r.privateKey());
      return new DelegateResponse.SigningKey(r.room(), pub);
    }
    if (req instanceof DelegateRequest.GetPublicKey) {
      byte[] seed = mine.get(hex(((DelegateRequest.GetPublicKey) req).room()));
      return new DelegateResponse.PublicKey(
          ((DelegateRequest.GetPublicKey) req).room(), seed == null ? null : publicKey(seed));
    }
    if (req instanceof DelegateRequest.Sign) {
      DelegateRequest.Sign r = (DelegateRequest.Sign) req;
      byte[] seed = mine.get(hex(r.room()));
      if (seed == null) {
        throw new WireException(ErrorCodes.INVALID, "no signing key for this room");
      }
      return new DelegateResponse.Signature(r.room(), r.purpose(), sign(seed, r.bytes()));
    }
    throw new WireException(ErrorCodes.UNKNOWN_OP, "not modelled: " + req.variantName());
  }

  static byte[] sha(String alg, byte[] b) {
    try {
      return MessageDigest.getInstance(alg).digest(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
