package river.wire;

import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A chat delegate request (DESIGN.md "Chat delegate requests and responses"), externally tagged:
 * {"GetRequest": {"key"}}, {"StoreRequest": {"key", "value"}}, {"DeleteRequest": {"key"}},
 * "ListRequest", {"GetVersionedRequest": {"key"}},
 * {"CasStoreRequest": {"key", "value", "expected_generation"}}, and (appended, ours)
 * {"GetManyRequest": {"keys": [bytes]}}: GetVersioned of up to {@link GetMany#MAX_KEYS} keys in one
 * round trip, so a tab loads 500 room slots in a few frames. Keys and values are byte strings;
 * generations are u64 held in a long's bits. Variants are only ever appended.
 *
 * <p>Room signing keys, held by the node per user and never readable by plain Get/List:
 * {"CreateSigningKey": {"room": bytes(32) or null}} (null: a new room owner key, whose room is
 * its own public key), {"NewInviteeKey": {"room"}} (a fresh key pair for an invitation, not
 * kept), {"StoreSigningKey": {"room", "private_key": bytes(32), "expected_public_key": bytes(32)
 * or absent, "if_held": bytes(32), empty bytes, or absent}} (import from an invitation; with an
 * expected key the node stores nothing unless the private key is that key's; with if_held it
 * stores only while it holds that key for the room (empty: no key), and answers the key it holds
 * afterwards either way, so two tabs importing at once end with one key),
 * {"GetPublicKey": {"room"}}, {"Sign": {"room", "purpose": text, "bytes"}} (purpose one of
 * message, member, member_info, config, ban; bytes the canonical body of that item).
 */
public abstract class DelegateRequest extends WireValue {
  private DelegateRequest() {}

  /** The wire variant name, e.g. "GetRequest". */
  public abstract String variantName();

  public static DelegateRequest fromCbor(CborItem item) {
    Variant v = Variant.read(item, "DelegateRequest");
    String n = v.name();
    if (n.equals("GetRequest")) {
      return new Get(v.fields().bytes("key"));
    } else if (n.equals("StoreRequest")) {
      Fields f = v.fields();
      return new Store(f.bytes("key"), f.bytes("value"));
    } else if (n.equals("DeleteRequest")) {
      return new Delete(v.fields().bytes("key"));
    } else if (n.equals("ListRequest")) {
      v.requireUnit();
      return LIST;
    } else if (n.equals("GetVersionedRequest")) {
      return new GetVersioned(v.fields().bytes("key"));
    } else if (n.equals("CasStoreRequest")) {
      Fields f = v.fields();
      return new CasStore(f.bytes("key"), f.bytes("value"), f.uint64("expected_generation"));
    } else if (n.equals("GetManyRequest")) {
      return new GetMany(v.fields().bytesList("keys"));
    } else if (n.equals("CreateSigningKey")) {
      return new CreateSigningKey(v.fields().optionalBytes("room"));
    } else if (n.equals("NewInviteeKey")) {
      return new NewInviteeKey(v.fields().bytes("room"));
    } else if (n.equals("StoreSigningKey")) {
      Fields f = v.fields();
      return new StoreSigningKey(f.bytes("room"), f.bytes("private_key"),
          f.optionalBytes("expected_public_key"), f.optionalBytes("if_held"));
    } else if (n.equals("GetPublicKey")) {
      return new GetPublicKey(v.fields().bytes("room"));
    } else if (n.equals("Sign")) {
      Fields f = v.fields();
      return new Sign(f.bytes("room"), f.text("purpose"), f.bytes("bytes"));
    }
    throw v.unknown();
  }

  public static final ListKeys LIST = new ListKeys();

  /** Key-only requests share one shape. */
  private abstract static class Keyed extends DelegateRequest {
    private final byte[] key;

    Keyed(byte[] key) {
      this.key = required(key, "key");
    }

    public byte[] key() {
      return copy(key);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(),
          CborMap.builder().put("key", CborItem.bytes(key)).build());
    }
  }

  public static final class Get extends Keyed {
    public Get(byte[] key) {
      super(key);
    }

    @Override
    public String variantName() {
      return "GetRequest";
    }
  }

  public static final class Delete extends Keyed {
    public Delete(byte[] key) {
      super(key);
    }

    @Override
    public String variantName() {
      return "DeleteRequest";
    }
  }

  public static final class GetVersioned extends Keyed {
    public GetVersioned(byte[] key) {
      super(key);
    }

    @Override
    public String variantName() {
      return "GetVersionedRequest";
    }
  }

  /** Blind write: the node re-wraps the value at generation + 1. */
  public static final class Store extends DelegateRequest {
    private final byte[] key;
    private final byte[] value;

    public Store(byte[] key, byte[] value) {
      this.key = required(key, "key");
      this.value = required(value, "value");
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] value() {
      return copy(value);
    }

    @Override
    public String variantName() {
      return "StoreRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("key", CborItem.bytes(key))
          .put("value", CborItem.bytes(value)).build());
    }
  }

  /** The key index of this user's store: a unit variant, "ListRequest". */
  public static final class ListKeys extends DelegateRequest {
    private ListKeys() {}

    @Override
    public String variantName() {
      return "ListRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.unit(variantName());
    }
  }

  /**
   * GetVersioned of several keys at once, answered {@link DelegateResponse.GetMany} with the values
   * in the same order. Hazard: the answer is one frame, so the node refuses (too_large) a batch
   * whose values together exceed the frame limit; the asker then falls back to single Gets.
   */
  public static final class GetMany extends DelegateRequest {
    /** More keys than this in one request are refused (too_large). */
    public static final int MAX_KEYS = 128;

    private final List<byte[]> keys;

    public GetMany(List<byte[]> keys) {
      this.keys = requiredAll(keys, "key");
    }

    /** Copies of the keys, in request order. */
    public List<byte[]> keys() {
      return copies(keys);
    }

    @Override
    public String variantName() {
      return "GetManyRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("keys", bytesArray(keys)).build());
    }
  }

  /** Write {@code value} only if the stored generation equals {@code expectedGeneration}. */
  public static final class CasStore extends DelegateRequest {
    private final byte[] key;
    private final byte[] value;
    private final long expectedGeneration;

    public CasStore(byte[] key, byte[] value, long expectedGeneration) {
      this.key = required(key, "key");
      this.value = required(value, "value");
      this.expectedGeneration = expectedGeneration;
    }

    public byte[] key() {
      return copy(key);
    }

    public byte[] value() {
      return copy(value);
    }

    /** u64 bits. */
    public long expectedGeneration() {
      return expectedGeneration;
    }

    @Override
    public String variantName() {
      return "CasStoreRequest";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("key", CborItem.bytes(key))
          .put("value", CborItem.bytes(value))
          .put("expected_generation", CborItem.uint64(expectedGeneration)).build());
    }
  }

  /** A new signing key kept by the node for this user: for {@code room}, or (null) a new room
   *  owner key. Answered {@link DelegateResponse.SigningKey}. */
  public static final class CreateSigningKey extends DelegateRequest {
    private final byte[] room;

    public CreateSigningKey(byte[] room) {
      this.room = copy(room);
    }

    /** Null for a new owner key. */
    public byte[] room() {
      return copy(room);
    }

    @Override
    public String variantName() {
      return "CreateSigningKey";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(),
          CborMap.builder().put("room", Fields.bytesOrNull(room)).build());
    }
  }

  /** Room-scoped requests with only the room key share one shape. */
  private abstract static class RoomScoped extends DelegateRequest {
    private final byte[] room;

    RoomScoped(byte[] room) {
      this.room = required(room, "room");
    }

    public byte[] room() {
      return copy(room);
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(),
          CborMap.builder().put("room", CborItem.bytes(room)).build());
    }
  }

  /** A fresh key pair for an invitee, returned with its private half and not kept. */
  public static final class NewInviteeKey extends RoomScoped {
    public NewInviteeKey(byte[] room) {
      super(room);
    }

    @Override
    public String variantName() {
      return "NewInviteeKey";
    }
  }

  /** The public key of this user's signing key for {@code room}. */
  public static final class GetPublicKey extends RoomScoped {
    public GetPublicKey(byte[] room) {
      super(room);
    }

    @Override
    public String variantName() {
      return "GetPublicKey";
    }
  }

  /** Keep {@code privateKey} (a 32-byte Ed25519 seed, e.g. from an invitation) for {@code room}. */
  public static final class StoreSigningKey extends DelegateRequest {
    private final byte[] room;
    private final byte[] privateKey;
    private final byte[] expectedPublicKey;
    private final byte[] ifHeld;

    public StoreSigningKey(byte[] room, byte[] privateKey) {
      this(room, privateKey, null, null);
    }

    /** {@code expectedPublicKey} non-null: refused (nothing stored) unless the key pair matches it. */
    public StoreSigningKey(byte[] room, byte[] privateKey, byte[] expectedPublicKey) {
      this(room, privateKey, expectedPublicKey, null);
    }

    /** {@code ifHeld} non-null: stored only while the node holds that public key for the room
     *  (empty: while it holds none); the answer names the key held afterwards. */
    public StoreSigningKey(byte[] room, byte[] privateKey, byte[] expectedPublicKey,
        byte[] ifHeld) {
      this.room = required(room, "room");
      this.privateKey = required(privateKey, "private_key");
      this.expectedPublicKey = copy(expectedPublicKey);
      this.ifHeld = copy(ifHeld);
    }

    /** The key the node must hold for the import to happen (empty: none), or null for always. */
    public byte[] ifHeld() {
      return copy(ifHeld);
    }

    /** The public key the import must have, or null for any. */
    public byte[] expectedPublicKey() {
      return copy(expectedPublicKey);
    }

    public byte[] room() {
      return copy(room);
    }

    public byte[] privateKey() {
      return copy(privateKey);
    }

    @Override
    public String variantName() {
      return "StoreSigningKey";
    }

    @Override
    public CborItem toCbor() {
      CborMap.Builder fields = CborMap.builder().put("room", CborItem.bytes(room))
          .put("private_key", CborItem.bytes(privateKey));
      if (expectedPublicKey != null) {
        fields.put("expected_public_key", CborItem.bytes(expectedPublicKey));
      }
      if (ifHeld != null) {
        fields.put("if_held", CborItem.bytes(ifHeld));
      }
      return Variant.tagged(variantName(), fields.build());
    }

    @Override
    public String toString() {
      return "StoreSigningKey{room}"; // never log a private key
    }
  }

  /** Sign {@code bytes}, which must be the canonical body of a {@code purpose} item. */
  public static final class Sign extends DelegateRequest {
    private final byte[] room;
    private final String purpose;
    private final byte[] bytes;

    public Sign(byte[] room, String purpose, byte[] bytes) {
      this.room = required(room, "room");
      if (purpose == null) {
        throw new NullPointerException("purpose");
      }
      this.purpose = purpose;
      this.bytes = required(bytes, "bytes");
    }

    public byte[] room() {
      return copy(room);
    }

    public String purpose() {
      return purpose;
    }

    public byte[] bytes() {
      return copy(bytes);
    }

    @Override
    public String variantName() {
      return "Sign";
    }

    @Override
    public CborItem toCbor() {
      return Variant.tagged(variantName(), CborMap.builder().put("room", CborItem.bytes(room))
          .put("purpose", CborItem.text(purpose)).put("bytes", CborItem.bytes(bytes)).build());
    }
  }
}
